import { asc, eq } from 'drizzle-orm';
import type { Organisation, OrganisationOption } from '../../../shared/domain/organisations';
import * as schema from '../../db/schema';
import type { Orm } from '../../store/store';

type OrganisationRow = typeof schema.organisations.$inferSelect;

export function toOrganisation(row: OrganisationRow): Organisation {
  return { ...row, type: row.type as Organisation['type'] };
}

export function listOrganisations(orm: Orm, includeInactive: boolean): Organisation[] {
  return orm
    .select()
    .from(schema.organisations)
    .where(includeInactive ? undefined : eq(schema.organisations.active, true))
    .orderBy(asc(schema.organisations.name))
    .all()
    .map(toOrganisation);
}

export function listOrganisationOptions(orm: Orm, includeInactive: boolean): OrganisationOption[] {
  const o = schema.organisations;
  return orm
    .select({ id: o.id, name: o.name, shortName: o.shortName, type: o.type, active: o.active })
    .from(o)
    .where(includeInactive ? undefined : eq(o.active, true))
    .orderBy(asc(o.name))
    .all()
    .map((r) => ({ ...r, type: r.type as OrganisationOption['type'] }));
}

export function findOrganisation(orm: Orm, id: string): OrganisationRow | undefined {
  return orm.select().from(schema.organisations).where(eq(schema.organisations.id, id)).get();
}

/** Names by id, for documents that print organisations beside other records. */
export function organisationNames(orm: Orm): Map<string, string> {
  return new Map(orm.select({ id: schema.organisations.id, name: schema.organisations.name }).from(schema.organisations).all().map((o) => [o.id, o.name]));
}
