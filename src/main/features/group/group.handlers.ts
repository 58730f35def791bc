import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { AppError } from '../../../shared/errors';
import { kyivDate } from '../../../shared/time';
import * as schema from '../../db/schema';
import type { FeatureHandlers } from '../../kernel/context';
import { findOrganisation } from '../organisations/organisations.repository';
import { findMember, getGroup, listMembers, toGroupSettings } from './group.repository';

export const groupHandlers = {
  'group:get': (_input, { store }) => toGroupSettings(getGroup(store.orm)),

  'group:update': (input, { store, audit, now }) => {
    const row = getGroup(store.orm);
    store.orm.update(schema.coordinationGroup).set({ ...input, updatedAt: now.toISOString() }).where(eq(schema.coordinationGroup.id, row.id)).run();
    audit({ action: 'group.updated', entity: 'group', entityId: row.id, details: { quorum: `${input.quorumNumerator}/${input.quorumDenominator}${input.quorumStrict ? '+' : ''}` } });
    return toGroupSettings(getGroup(store.orm));
  },

  'group:members': (input, { store, now }) => listMembers(store.orm, input.all ? null : (input.on ?? kyivDate(now))),

  'group:saveMember': (input, { store, audit, now }) => {
    if (input.organisationId && !findOrganisation(store.orm, input.organisationId)) throw new AppError('NOT_FOUND', 'no such organisation', { field: 'organisationId' });
    const stamp = now.toISOString();
    const { id: givenId, ...fields } = input;
    const id = givenId ?? randomUUID();
    if (givenId) {
      if (!findMember(store.orm, givenId)) throw new AppError('NOT_FOUND', 'no such member');
      store.orm.update(schema.groupMembers).set({ ...fields, updatedAt: stamp }).where(eq(schema.groupMembers.id, id)).run();
    } else {
      store.orm.insert(schema.groupMembers).values({ id, ...fields, createdAt: stamp, updatedAt: stamp }).run();
    }
    audit({ action: givenId ? 'member.updated' : 'member.added', entity: 'member', entityId: id, details: { role: fields.role } });
    return findMember(store.orm, id)!;
  },

  'group:endMember': (input, { store, audit, now }) => {
    const member = findMember(store.orm, input.id);
    if (!member) throw new AppError('NOT_FOUND', 'no such member');
    if (input.validTo < member.validFrom) throw new AppError('VALIDATION', 'end before start', { issues: [{ path: 'validTo', code: 'custom', key: 'dateOrder' }] });
    store.orm.update(schema.groupMembers).set({ validTo: input.validTo, updatedAt: now.toISOString() }).where(eq(schema.groupMembers.id, member.id)).run();
    audit({ action: 'member.ended', entity: 'member', entityId: member.id, details: { validTo: input.validTo } });
    return findMember(store.orm, member.id)!;
  },
} satisfies FeatureHandlers<'group'>;
