import { asc, eq } from 'drizzle-orm';
import type { GroupSettings, Member } from '../../../shared/domain/group';
import { shortPersonName } from '../../../shared/domain/group';
import type { Organisation } from '../../../shared/domain/organisations';
import * as schema from '../../db/schema';
import type { Orm } from '../../store/store';

type OrganisationRow = typeof schema.organisations.$inferSelect;
type MemberRow = typeof schema.groupMembers.$inferSelect;

export function toOrganisation(row: OrganisationRow): Organisation {
  return { ...row, type: row.type as Organisation['type'] };
}

export function listOrganisations(orm: Orm, includeInactive: boolean): Organisation[] {
  const rows = orm.select().from(schema.organisations).orderBy(asc(schema.organisations.name)).all();
  return rows.filter((r) => includeInactive || r.active).map(toOrganisation);
}

export function findOrganisation(orm: Orm, id: string): OrganisationRow | undefined {
  return orm.select().from(schema.organisations).where(eq(schema.organisations.id, id)).get();
}

export function getGroup(orm: Orm): typeof schema.coordinationGroup.$inferSelect {
  const row = orm.select().from(schema.coordinationGroup).get();
  if (!row) throw new Error('the store has no coordination group row');
  return row;
}

export function toGroupSettings(row: typeof schema.coordinationGroup.$inferSelect): GroupSettings {
  const { id: _id, updatedAt: _updated, ...settings } = row;
  return settings as GroupSettings;
}

export function toMember(row: MemberRow, organisations: Map<string, string>): Member {
  return {
    id: row.id,
    surname: row.surname,
    givenName: row.givenName,
    patronymic: row.patronymic,
    position: row.position,
    organisationId: row.organisationId,
    organisationName: row.organisationId ? (organisations.get(row.organisationId) ?? null) : null,
    role: row.role as Member['role'],
    validFrom: row.validFrom,
    validTo: row.validTo,
    shortName: shortPersonName(row.surname, row.givenName, row.patronymic),
  };
}

const ROLE_ORDER: Record<string, number> = { chair: 0, deputy_chair: 1, secretary: 2, member: 3 };

/** Seats valid on a date (inclusive at both ends), chair first, then by surname as the lists in orders run. */
export function listMembers(orm: Orm, on: string | null): Member[] {
  const names = new Map(orm.select({ id: schema.organisations.id, name: schema.organisations.name }).from(schema.organisations).all().map((o) => [o.id, o.name]));
  return orm
    .select()
    .from(schema.groupMembers)
    .all()
    .filter((m) => on === null || (m.validFrom <= on && (m.validTo === null || m.validTo >= on)))
    .sort((a, b) => (ROLE_ORDER[a.role] ?? 9) - (ROLE_ORDER[b.role] ?? 9) || a.surname.localeCompare(b.surname, 'uk'))
    .map((m) => toMember(m, names));
}

export function findMember(orm: Orm, id: string): MemberRow | undefined {
  return orm.select().from(schema.groupMembers).where(eq(schema.groupMembers.id, id)).get();
}
