import { asc, eq } from 'drizzle-orm';
import type { Organisation, OrganisationOption } from '../../../shared/domain/organisations';
import * as schema from '../../db/schema';
import type { Db } from '../../store/connection';
import type { Orm } from '../../store/store';

type OrganisationRow = typeof schema.organisations.$inferSelect;

export function toOrganisation(row: OrganisationRow, services: string[]): Organisation {
  return {
    ...row,
    type: row.type as Organisation['type'],
    ownership: row.ownership as Organisation['ownership'],
    clientGroups: row.clientGroups as Organisation['clientGroups'],
    services: services as Organisation['services'],
  };
}

/** The services of every organisation, read in one pass over their table. */
function servicesByOrganisation(orm: Orm): Map<string, string[]> {
  const byId = new Map<string, string[]>();
  for (const r of orm.select().from(schema.organisationServices).all()) byId.set(r.organisationId, [...(byId.get(r.organisationId) ?? []), r.service]);
  return byId;
}

export function servicesOf(orm: Orm, organisationId: string): string[] {
  const s = schema.organisationServices;
  return orm.select({ service: s.service }).from(s).where(eq(s.organisationId, organisationId)).all().map((r) => r.service);
}

export function writeServices(orm: Orm, organisationId: string, services: readonly string[]): void {
  orm.delete(schema.organisationServices).where(eq(schema.organisationServices.organisationId, organisationId)).run();
  if (services.length) orm.insert(schema.organisationServices).values(services.map((service) => ({ organisationId, service }))).run();
}

export function listOrganisations(orm: Orm, includeInactive: boolean): Organisation[] {
  const services = servicesByOrganisation(orm);
  return orm
    .select()
    .from(schema.organisations)
    .where(includeInactive ? undefined : eq(schema.organisations.active, true))
    .orderBy(asc(schema.organisations.name))
    .all()
    .map((row) => toOrganisation(row, services.get(row.id) ?? []));
}

export function listOrganisationOptions(orm: Orm, includeInactive: boolean): OrganisationOption[] {
  const o = schema.organisations;
  return orm
    .select({ id: o.id, name: o.name, shortName: o.shortName, type: o.type, active: o.active, nrmSubject: o.nrmSubject })
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
 * (or leads) is dropped rather than doubled; so is a service or a consent's naming that `to` already has.
 */
export function mergeOrganisation(
  db: Db,
  from: string,
  to: string,
): { members: number; assignments: number; coExecutions: number; referrals: number; trainings: number; participants: number; preventionEvents: number } {
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
  const referrals =
    db.prepare('UPDATE referrals SET to_organisation_id = ? WHERE to_organisation_id = ?').run(to, from).changes +
    db.prepare('UPDATE referrals SET from_organisation_id = ? WHERE from_organisation_id = ?').run(to, from).changes;
  db.prepare('UPDATE services_received SET provider_organisation_id = ? WHERE provider_organisation_id = ?').run(to, from);
  db.prepare('UPDATE persons SET identified_by_organisation_id = ? WHERE identified_by_organisation_id = ?').run(to, from);
  db.prepare('UPDATE cases SET referred_by_organisation_id = ? WHERE referred_by_organisation_id = ?').run(to, from);
  db.prepare('INSERT OR IGNORE INTO consent_organisations (consent_id, organisation_id) SELECT consent_id, @to FROM consent_organisations WHERE organisation_id = @from').run({ from, to });
  db.prepare('DELETE FROM consent_organisations WHERE organisation_id = ?').run(from);
  db.prepare('INSERT OR IGNORE INTO organisation_services (organisation_id, service) SELECT @to, service FROM organisation_services WHERE organisation_id = @from').run({ from, to });
  // An organiser or partner of a training or an event keeps its role and place in the list; one `to` already holds is not doubled.
  const trainings = db
    .prepare('INSERT OR IGNORE INTO training_organisations (training_id, role, organisation_id, position) SELECT training_id, role, @to, position FROM training_organisations WHERE organisation_id = @from')
    .run({ from, to }).changes;
  db.prepare('DELETE FROM training_organisations WHERE organisation_id = ?').run(from);
  // A participant's organisation type stays what it was when they were recorded: reports count by that.
  const participants = db.prepare('UPDATE training_participants SET organisation_id = ? WHERE organisation_id = ?').run(to, from).changes;
  const preventionEvents = db
    .prepare('INSERT OR IGNORE INTO prevention_organisations (event_id, role, organisation_id, position) SELECT event_id, role, @to, position FROM prevention_organisations WHERE organisation_id = @from')
    .run({ from, to }).changes;
  db.prepare('DELETE FROM prevention_organisations WHERE organisation_id = ?').run(from);
  return { members, assignments, coExecutions, referrals, trainings, participants, preventionEvents };
}
