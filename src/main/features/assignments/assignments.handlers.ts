import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Assignment, ChangedFields } from '../../../shared/domain/assignments';
import { hasBegun, isLaterMeeting } from '../../../shared/domain/meetings';
import { AppError } from '../../../shared/errors';
import { kyivDate, kyivDateTime } from '../../../shared/time';
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

type DecisionContext = NonNullable<ReturnType<typeof decisionContext>>;

function dueNotBeforeDecision(dueDate: string, origin: DecisionContext): void {
  if (dueDate < origin.meeting.date) {
    throw new AppError('VALIDATION', 'due before the decision that gives it', { issues: [{ path: 'dueDate', code: 'custom', key: 'dueBeforeDecision', params: { date: origin.meeting.date.split('-').reverse().join('.') } }] });
  }
}

/** A decision that closes or changes an assignment: of a later meeting, which has already taken place. */
function laterDecision(ctx: TxContext, decisionId: string, origin: DecisionContext, field: string): DecisionContext {
  const later = decisionContext(ctx.store.orm, decisionId);
  if (!later) throw new AppError('NOT_FOUND', 'no such decision', { field });
  if (!isLaterMeeting(later.meeting, origin.meeting)) throw new AppError('INVALID_STATE', 'only a decision of a later meeting', { reason: 'not_later' });
  if (!tookPlace(later.meeting, ctx.now)) throw new AppError('INVALID_STATE', 'that meeting has not taken place', { reason: 'not_taken_place' });
  return later;
}

/**
 * Begun by the Kyiv clock and not cancelled. The clock decides, not the status: a secretary often records decisions
 * of a meeting still marked «Заплановано», and a meeting that has begun has taken place.
 */
function tookPlace(meeting: DecisionContext['meeting'], now: Date): boolean {
  return meeting.status !== 'cancelled' && hasBegun(meeting, kyivDateTime(now));
}

/** Each organisation exists and is not a duplicate merged into another (its references all moved there). */
function requireOrganisations(ctx: TxContext, ids: string[], field: string): void {
  for (const id of ids) {
    const found = findOrganisation(ctx.store.orm, id);
    if (!found) throw new AppError('NOT_FOUND', 'no such organisation', { field });
    if (found.mergedIntoId) throw new AppError('VALIDATION', 'a merged duplicate', { issues: [{ path: field, code: 'custom', key: 'organisationMerged' }] });
  }
}

export const assignmentsHandlers = {
  'assignments:list': (input, { store, now }) => listAssignmentSummaries(store.db, { ...input, today: kyivDate(now) }),

  'assignments:get': (input, ctx) => assignmentOut(ctx, input.id),

  'assignments:create': (input, ctx) => {
    const { store, now, audit } = ctx;
    const origin = decisionContext(store.orm, input.decisionId);
    if (!origin) throw new AppError('NOT_FOUND', 'no such decision', { field: 'decisionId' });
    // An assignment is given by a decision taken: at a meeting that has taken place, whose minutes are still open.
    if (origin.meeting.status === 'approved') throw new AppError('RECORD_LOCKED', 'approved minutes change only by amendment');
    if (!tookPlace(origin.meeting, ctx.now)) throw new AppError('INVALID_STATE', 'that meeting has not taken place', { reason: 'not_taken_place' });
    dueNotBeforeDecision(input.dueDate, origin);
    requireOrganisations(ctx, [input.leadOrganisationId], 'leadOrganisationId');
    requireOrganisations(ctx, input.coExecutorIds, 'coExecutorIds');
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
    const closing = laterDecision(ctx, input.decisionId, origin, 'decisionId');
    store.orm
      .update(schema.assignments)
      .set({ status: input.outcome, closedByDecisionId: input.decisionId, closedOn: closing.meeting.date, updatedAt: now.toISOString() })
      .where(eq(schema.assignments.id, row.id))
      .run();
    audit({ action: 'assignment.closed', entity: 'assignment', entityId: row.id, details: { outcome: input.outcome, decisionId: input.decisionId } });
    return assignmentOut(ctx, row.id);
  },

  'assignments:change': (input, ctx) => {
    const { store, now, audit, session } = ctx;
    const row = requireRow(ctx, input.assignmentId);
    if (row.status !== 'in_progress') throw new AppError('INVALID_STATE', 'already taken off control', { reason: 'closed' });
    const origin = decisionContext(store.orm, row.decisionId)!;
    if (input.byDecisionId === null && origin.meeting.status === 'approved') {
      throw new AppError('INVALID_STATE', 'approved minutes: the change needs a decision of a later meeting', { reason: 'needs_decision' });
    }
    const by = input.byDecisionId ? laterDecision(ctx, input.byDecisionId, origin, 'byDecisionId') : null;
    if (input.dueDate) dueNotBeforeDecision(input.dueDate, origin);
    if (input.leadOrganisationId) requireOrganisations(ctx, [input.leadOrganisationId], 'leadOrganisationId');
    if (input.coExecutorIds) requireOrganisations(ctx, input.coExecutorIds, 'coExecutorIds');

    const current = assignmentOut(ctx, row.id);
    const name = (id: string) => findOrganisation(store.orm, id)!.name;
    const before: ChangedFields = {};
    const after: ChangedFields = {};
    if (input.text !== undefined && input.text !== current.text) [before.text, after.text] = [current.text, input.text];
    if (input.dueDate !== undefined && input.dueDate !== current.dueDate) [before.dueDate, after.dueDate] = [current.dueDate, input.dueDate];
    if (input.leadPerson !== undefined && input.leadPerson !== current.leadPerson) [before.leadPerson, after.leadPerson] = [current.leadPerson, input.leadPerson];
    const lead = input.leadOrganisationId ?? current.leadOrganisationId;
    if (lead !== current.leadOrganisationId) {
      before.lead = { id: current.leadOrganisationId, name: current.leadOrganisationName };
      after.lead = { id: lead, name: name(lead) };
    }
    const co = input.coExecutorIds ? [...new Set(input.coExecutorIds.filter((id) => id !== lead))] : current.coExecutorIds.filter((id) => id !== lead);
    if ([...co].sort().join() !== [...current.coExecutorIds].sort().join()) {
      before.coExecutors = current.coExecutorIds.map((id) => ({ id, name: name(id) }));
      after.coExecutors = co.map((id) => ({ id, name: name(id) }));
    }
    if (Object.keys(after).length === 0) throw new AppError('VALIDATION', 'nothing changed', { issues: [{ path: 'text', code: 'custom', key: 'nothingChanged' }] });

    const stamp = now.toISOString();
    store.orm
      .update(schema.assignments)
      .set({ text: after.text ?? current.text, dueDate: after.dueDate ?? current.dueDate, leadPerson: after.leadPerson ?? current.leadPerson, leadOrganisationId: lead, updatedAt: stamp })
      .where(eq(schema.assignments.id, row.id))
      .run();
    if (after.coExecutors) {
      store.orm.delete(schema.assignmentCoExecutors).where(eq(schema.assignmentCoExecutors.assignmentId, row.id)).run();
      for (const orgId of co) store.orm.insert(schema.assignmentCoExecutors).values({ assignmentId: row.id, organisationId: orgId }).run();
    }
    const changeId = randomUUID();
    store.orm
      .insert(schema.assignmentChanges)
      .values({ id: changeId, assignmentId: row.id, decisionId: by?.decision.id ?? null, before: JSON.stringify(before), after: JSON.stringify(after), changedAt: stamp, changedBy: session.userId })
      .run();
    audit({ action: 'assignment.changed', entity: 'assignment', entityId: row.id, details: { changeId, fields: Object.keys(after), decisionId: by?.decision.id ?? null, ...(after.dueDate ? { dueDate: after.dueDate } : {}) } });
    return assignmentOut(ctx, row.id);
  },
} satisfies FeatureHandlers<'assignments'>;
