import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { AppError } from '../../../shared/errors';
import * as schema from '../../db/schema';
import type { FeatureHandlers } from '../../kernel/context';
import { findOrganisation, listOrganisationOptions, listOrganisations, toOrganisation } from './organisations.repository';

export const organisationsHandlers = {
  'organisations:list': (input, { store }) => listOrganisations(store.orm, input.includeInactive),

  'organisations:options': (input, { store }) => listOrganisationOptions(store.orm, input.includeInactive),

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
} satisfies FeatureHandlers<'organisations'>;
