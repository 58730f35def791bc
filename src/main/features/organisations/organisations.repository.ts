import { asc, eq } from 'drizzle-orm';
import type { Organisation, OrganisationOption } from '../../../shared/domain/organisations';
import * as schema from '../../db/schema';
import type { Db } from '../../store/connection';
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

/**
 * Points every reference to `from` at `to`, on the indexes of those columns. A co-execution that `to` already holds
 * (or leads) is dropped rather than doubled.
 */
export function mergeOrganisation(db: Db, from: string, to: string): { members: number; assignments: number; coExecutions: number } {
  const members = db.prepare('UPDATE group_members SET organisation_id = ? WHERE organisation_id = ?').run(to, from).changes;
  const assignments = db.prepare('UPDATE assignments SET lead_organisation_id = ? WHERE lead_organisation_id = ?').run(to, from).changes;
  const coExecutions = db
    .prepare(
      `INSERT OR IGNORE INTO assignment_co_executors (assignment_id, organisation_id)
       SELECT c.assignment_id, @to FROM assignment_co_executors c JOIN assignments a ON a.id = c.assignment_id
       WHERE c.organisation_id = @from AND a.lead_organisation_id <> @to`,
    )
    .run({ from, to }).changes;
  db.prepare('DELETE FROM assignment_co_executors WHERE organisation_id = ?').run(from);
  db.prepare(`DELETE FROM assignment_co_executors WHERE organisation_id = @to AND assignment_id IN (SELECT id FROM assignments WHERE lead_organisation_id = @to)`).run({ to });
  return { members, assignments, coExecutions };
}
