import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { AppError } from '../../../shared/errors';
import { kyivDate } from '../../../shared/time';
import * as schema from '../../db/schema';
import type { Handlers } from '../../ipc/dispatcher';
import { findMember, findOrganisation, getGroup, listMembers, listOrganisations, toGroupSettings, toOrganisation } from './group.repository';

export const groupHandlers = {
  'organisations:list': (input, { store }) => listOrganisations(store.orm, input.includeInactive),

  'organisations:save': (input, { store, audit, now }) => {
    const stamp = now.toISOString();
    const { id: givenId, ...fields } = input;
    const id = givenId ?? randomUUID();
    if (givenId) {
      if (!findOrganisation(store.orm, givenId)) throw new AppError('NOT_FOUND', 'no such organisation');
      store.orm.update(schema.organisations).set({ ...fields, updatedAt: stamp }).where(eq(schema.organisations.id, id)).run();
    } else {
      store.orm.insert(schema.organisations).values({ id, ...fields, createdAt: stamp, updatedAt: stamp }).run();
    }
    audit({ action: givenId ? 'organisation.updated' : 'organisation.created', entity: 'organisation', entityId: id, details: { type: fields.type, active: fields.active } });
    return toOrganisation(findOrganisation(store.orm, id)!);
  },

  'group:get': (_input, { store }) => toGroupSettings(getGroup(store.orm)),

  'group:update': (input, { store, audit, now }) => {
    const row = getGroup(store.orm);
    store.orm.update(schema.coordinationGroup).set({ ...input, updatedAt: now.toISOString() }).where(eq(schema.coordinationGroup.id, row.id)).run();
    audit({ action: 'group.updated', entity: 'group', entityId: row.id, details: { quorum: `${input.quorumNumerator}/${input.quorumDenominator}${input.quorumStrict ? '+' : ''}` } });
    return toGroupSettings(getGroup(store.orm));
  },

  'members:list': (input, { store, now }) => listMembers(store.orm, input.all ? null : (input.on ?? kyivDate(now))),

  'members:save': (input, { store, audit, now }) => {
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
    return listMembers(store.orm, null).find((m) => m.id === id)!;
  },

  'members:end': (input, { store, audit, now }) => {
    const row = findMember(store.orm, input.id);
    if (!row) throw new AppError('NOT_FOUND', 'no such member');
    if (input.validTo < row.validFrom) throw new AppError('VALIDATION', 'end before start', { issues: [{ path: 'validTo', code: 'dateOrder' }] });
    store.orm.update(schema.groupMembers).set({ validTo: input.validTo, updatedAt: now.toISOString() }).where(eq(schema.groupMembers.id, row.id)).run();
    audit({ action: 'member.ended', entity: 'member', entityId: row.id, details: { validTo: input.validTo } });
    return listMembers(store.orm, null).find((m) => m.id === row.id)!;
  },
} satisfies Partial<Handlers>;
