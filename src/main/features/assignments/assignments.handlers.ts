import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Assignment } from '../../../shared/domain/assignments';
import { isLaterMeeting } from '../../../shared/domain/meetings';
import { AppError } from '../../../shared/errors';
import { kyivDate } from '../../../shared/time';
import * as schema from '../../db/schema';
import type { FeatureHandlers, TxContext } from '../../kernel/context';
import { decisionContext } from '../meetings/meetings.repository';
import { findOrganisation } from '../organisations/organisations.repository';
import { getAssignment, listAssignmentSummaries } from './assignments.repository';

function assignmentOut(ctx: TxContext, id: string): Assignment {
  const found = getAssignment(ctx.store.db, id, kyivDate(ctx.now));
  if (!found) throw new AppError('NOT_FOUND', 'no such assignment');
  return found;
}

function requireRow(ctx: TxContext, id: string) {
  const row = ctx.store.orm.select().from(schema.assignments).where(eq(schema.assignments.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', 'no such assignment');
  return row;
}

export const assignmentsHandlers = {
  'assignments:list': (input, { store, now }) => listAssignmentSummaries(store.db, { ...input, today: kyivDate(now) }),

  'assignments:get': (input, ctx) => assignmentOut(ctx, input.id),

  'assignments:create': (input, ctx) => {
    const { store, now, audit } = ctx;
    if (!decisionContext(store.orm, input.decisionId)) throw new AppError('NOT_FOUND', 'no such decision', { field: 'decisionId' });
    for (const [index, orgId] of [input.leadOrganisationId, ...input.coExecutorIds].entries()) {
      if (!findOrganisation(store.orm, orgId)) throw new AppError('NOT_FOUND', 'no such organisation', { field: index === 0 ? 'leadOrganisationId' : 'coExecutorIds' });
    }
    const id = randomUUID();
    const stamp = now.toISOString();
    store.orm
      .insert(schema.assignments)
      .values({ id, decisionId: input.decisionId, text: input.text, leadOrganisationId: input.leadOrganisationId, leadPerson: input.leadPerson, dueDate: input.dueDate, createdAt: stamp, updatedAt: stamp })
      .run();
    for (const orgId of new Set(input.coExecutorIds.filter((o) => o !== input.leadOrganisationId))) {
      store.orm.insert(schema.assignmentCoExecutors).values({ assignmentId: id, organisationId: orgId }).run();
    }
    audit({ action: 'assignment.created', entity: 'assignment', entityId: id, details: { decisionId: input.decisionId, dueDate: input.dueDate } });
    return assignmentOut(ctx, id);
  },

  'assignments:report': (input, ctx) => {
    const { store, now, audit } = ctx;
    const row = requireRow(ctx, input.assignmentId);
    if (input.receivedOn > kyivDate(now)) throw new AppError('VALIDATION', 'a report cannot be received in the future', { issues: [{ path: 'receivedOn', code: 'custom', key: 'notInFuture' }] });
    const id = randomUUID();
    store.orm.insert(schema.progressReports).values({ id, assignmentId: row.id, receivedOn: input.receivedOn, text: input.text, reference: input.reference, createdAt: now.toISOString() }).run();
    audit({ action: 'assignment.reported', entity: 'assignment', entityId: row.id, details: { reportId: id } });
    return assignmentOut(ctx, row.id);
  },

  'assignments:close': (input, ctx) => {
    const { store, now, audit } = ctx;
    const row = requireRow(ctx, input.assignmentId);
    if (row.status !== 'in_progress') throw new AppError('INVALID_STATE', 'already taken off control', { reason: 'closed' });
    const origin = decisionContext(store.orm, row.decisionId)!;
    const closing = decisionContext(store.orm, input.decisionId);
    if (!closing) throw new AppError('NOT_FOUND', 'no such decision', { field: 'decisionId' });
    if (!isLaterMeeting(closing.meeting, origin.meeting)) throw new AppError('INVALID_STATE', 'only a decision of a later meeting closes an assignment', { reason: 'not_later' });
    store.orm
      .update(schema.assignments)
      .set({ status: input.outcome, closedByDecisionId: input.decisionId, closedOn: closing.meeting.date, updatedAt: now.toISOString() })
      .where(eq(schema.assignments.id, row.id))
      .run();
    audit({ action: 'assignment.closed', entity: 'assignment', entityId: row.id, details: { outcome: input.outcome, decisionId: input.decisionId } });
    return assignmentOut(ctx, row.id);
  },
} satisfies FeatureHandlers<'assignments'>;
