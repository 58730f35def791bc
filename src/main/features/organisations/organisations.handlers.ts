import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { looksLikeDuplicate } from '../../../shared/domain/organisations';
import { AppError } from '../../../shared/errors';
import * as schema from '../../db/schema';
import type { FeatureHandlers } from '../../kernel/context';
import { assertKnownTerritory } from '../territories/territories.repository';
import { findOrganisation, listOrganisationOptions, listOrganisations, mergeOrganisation, servicesOf, toOrganisation, writeServices } from './organisations.repository';

export const organisationsHandlers = {
  'organisations:list': (input, { store }) => listOrganisations(store.orm, input.includeInactive),

  'organisations:options': (input, { store }) => listOrganisationOptions(store.orm, input.includeInactive),

  'organisations:save': (input, { store, audit, now }) => {
    const stamp = now.toISOString();
    const { id: givenId, services, ...fields } = input;
    const id = givenId ?? randomUUID();
    const existing = givenId ? findOrganisation(store.orm, givenId) : null;
    assertKnownTerritory(store.db, now, 'katottg', fields.katottg, existing?.katottg ?? null);
    if (givenId) {
      if (!existing) throw new AppError('NOT_FOUND', 'no such organisation');
      store.orm.update(schema.organisations).set({ ...fields, updatedAt: stamp }).where(eq(schema.organisations.id, id)).run();
    } else {
      store.orm.insert(schema.organisations).values({ id, ...fields, createdAt: stamp, updatedAt: stamp }).run();
    }
    writeServices(store.orm, id, services);
    audit({ action: givenId ? 'organisation.updated' : 'organisation.created', entity: 'organisation', entityId: id, details: { type: fields.type, active: fields.active, nrmSubject: fields.nrmSubject } });
    return toOrganisation(findOrganisation(store.orm, id)!, services);
  },

  'organisations:similar': (input, { store }) =>
    listOrganisationOptions(store.orm, true)
      .filter((o) => o.id !== input.exceptId && looksLikeDuplicate(input, o))
      .slice(0, 10)
      .map(({ id, name, shortName, active }) => ({ id, name, shortName, active })),

  'organisations:merge': (input, { store, audit, now }) => {
    const keep = findOrganisation(store.orm, input.keepId);
    const duplicate = findOrganisation(store.orm, input.duplicateId);
    if (!keep) throw new AppError('NOT_FOUND', 'no such organisation', { field: 'keepId' });
    if (!duplicate) throw new AppError('NOT_FOUND', 'no such organisation', { field: 'duplicateId' });
    if (keep.mergedIntoId || duplicate.mergedIntoId) throw new AppError('INVALID_STATE', 'already merged', { reason: 'already_merged' });
    // A referral between the two would become one from an organisation to itself.
    const between = store.db
      .prepare('SELECT COUNT(*) FROM referrals WHERE (from_organisation_id = @a AND to_organisation_id = @b) OR (from_organisation_id = @b AND to_organisation_id = @a)')
      .pluck()
      .get({ a: keep.id, b: duplicate.id }) as number;
    if (between) throw new AppError('INVALID_STATE', 'referrals between the two', { reason: 'referrals_between', count: between });
    const moved = mergeOrganisation(store.db, duplicate.id, keep.id);
    store.orm
      .update(schema.organisations)
      .set({ active: false, mergedIntoId: keep.id, updatedAt: now.toISOString() })
      .where(eq(schema.organisations.id, duplicate.id))
      .run();
    audit({ action: 'organisation.merged', entity: 'organisation', entityId: keep.id, details: { duplicateId: duplicate.id, ...moved } });
    return toOrganisation(findOrganisation(store.orm, keep.id)!, servicesOf(store.orm, keep.id));
  },
} satisfies FeatureHandlers<'organisations'>;
