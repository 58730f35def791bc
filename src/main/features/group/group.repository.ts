import { and, eq, gte, isNull, lte, or } from 'drizzle-orm';
import type { GroupSettings, Member } from '../../../shared/domain/group';
import { shortPersonName } from '../../../shared/domain/group';
import * as schema from '../../db/schema';
import type { Db } from '../../store/connection';
import type { Orm } from '../../store/store';

type MemberRow = typeof schema.groupMembers.$inferSelect;

export function getGroup(orm: Orm): typeof schema.coordinationGroup.$inferSelect {
  const row = orm.select().from(schema.coordinationGroup).get();
  if (!row) throw new Error('the store has no coordination group row');
  return row;
}

export function toGroupSettings(row: typeof schema.coordinationGroup.$inferSelect): GroupSettings {
  const { id: _id, updatedAt: _updated, ...settings } = row;
  return settings as GroupSettings;
}

function toMember(row: MemberRow, organisationName: string | null): Member {
  return {
    id: row.id,
    surname: row.surname,
    givenName: row.givenName,
    patronymic: row.patronymic,
    position: row.position,
    organisationId: row.organisationId,
    organisationName,
    role: row.role as Member['role'],
    validFrom: row.validFrom,
    validTo: row.validTo,
    shortName: shortPersonName(row.surname, row.givenName, row.patronymic),
  };
}

const ROLE_ORDER: Record<string, number> = { chair: 0, deputy_chair: 1, secretary: 2, member: 3 };

/**
 * Seats valid on a date (inclusive at both ends), or every seat ever held (`on` null), chair first, then by
 * surname as the lists in orders run. The group is a few dozen people, so the order is set here, in Ukrainian.
 */
export function listMembers(orm: Orm, on: string | null): Member[] {
  const m = schema.groupMembers;
  const rows = orm
    .select({ member: m, organisationName: schema.organisations.name })
    .from(m)
    .leftJoin(schema.organisations, eq(m.organisationId, schema.organisations.id))
    .where(and(on === null ? undefined : and(lte(m.validFrom, on), or(isNull(m.validTo), gte(m.validTo, on)))))
    .all();
  return rows
    .sort((a, b) => (ROLE_ORDER[a.member.role] ?? 9) - (ROLE_ORDER[b.member.role] ?? 9) || a.member.surname.localeCompare(b.member.surname, 'uk'))
    .map((r) => toMember(r.member, r.organisationName));
}

/** The rule of `listMembers(orm, on)`, for a list already read: a seat valid on the date, inclusive at both ends. */
export function holdsSeatOn(member: Member, on: string): boolean {
  return member.validFrom <= on && (member.validTo === null || member.validTo >= on);
}

export function findMember(orm: Orm, id: string): Member | undefined {
  const row = orm
    .select({ member: schema.groupMembers, organisationName: schema.organisations.name })
    .from(schema.groupMembers)
    .leftJoin(schema.organisations, eq(schema.groupMembers.organisationId, schema.organisations.id))
    .where(eq(schema.groupMembers.id, id))
    .get();
  return row ? toMember(row.member, row.organisationName) : undefined;
}

/** Whether anyone holds a seat on a date: one seek on the (valid_from, valid_to) index. */
export function anyMemberOn(db: Db, on: string): boolean {
  return (db.prepare('SELECT EXISTS (SELECT 1 FROM group_members WHERE valid_from <= @on AND (valid_to IS NULL OR valid_to >= @on)) AS yes').get({ on }) as { yes: number }).yes === 1;
}

/**
 * Whether someone has saved the council's settings at least once (the seeded row is only a proposal): the audit
 * chain says so, one seek on its action index.
 */
export function groupSettingsSaved(db: Db): boolean {
  return (db.prepare("SELECT EXISTS (SELECT 1 FROM audit_events WHERE action = 'group.updated') AS yes").get() as { yes: number }).yes === 1;
}
