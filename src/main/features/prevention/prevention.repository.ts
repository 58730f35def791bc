import type { GroupCounts, PreventionEvent, PreventionSummary } from '../../../shared/domain/prevention';
import type { PreventionKind } from '../../../shared/domain/training-codes';
import { AppError } from '../../../shared/errors';
import type { Db } from '../../store/connection';

/**
 * Prevention events as stored: each keeps the hromada and raion its territory lies in, so a list within a raion or a
 * hromada, and the coverage screen, read an index instead of the codifier.
 */

export interface PreventionRow {
  id: string;
  territory: string;
}

export function findEvent(db: Db, id: string): PreventionRow | undefined {
  return db.prepare('SELECT id, territory FROM prevention_events WHERE id = ?').get(id) as PreventionRow | undefined;
}

const SUMMARY = 'id, kind, title, date, territory, people, materials, media_audience AS mediaAudience';

export function loadEvent(db: Db, id: string): PreventionEvent | undefined {
  const row = db
    .prepare(`SELECT ${SUMMARY}, place, groups, note, created_at AS createdAt, updated_at AS updatedAt FROM prevention_events WHERE id = ?`)
    .get(id) as (Omit<PreventionEvent, 'groups' | 'organisers' | 'partners'> & { groups: string }) | undefined;
  if (!row) return undefined;
  const links = db
    .prepare(
      `SELECT l.role, o.id, o.name FROM prevention_organisations l JOIN organisations o ON o.id = l.organisation_id
       WHERE l.event_id = ? ORDER BY l.role, l.position`,
    )
    .all(id) as { role: 'organiser' | 'partner'; id: string; name: string }[];
  const of = (role: string) => links.filter((l) => l.role === role).map(({ id: orgId, name }) => ({ id: orgId, name }));
  return { ...row, groups: JSON.parse(row.groups) as GroupCounts, organisers: of('organiser'), partners: of('partner') };
}

/** Writes the organisers and partners in the order given; an organisation named twice in one role counts once. */
export function writeOrganisations(db: Db, eventId: string, organiserIds: readonly string[], partnerIds: readonly string[]): void {
  db.prepare('DELETE FROM prevention_organisations WHERE event_id = ?').run(eventId);
  const insert = db.prepare('INSERT INTO prevention_organisations (event_id, role, organisation_id, position) VALUES (?, ?, ?, ?)');
  for (const [role, ids] of [['organiser', organiserIds], ['partner', partnerIds]] as const) {
    [...new Set(ids)].forEach((orgId, position) => insert.run(eventId, role, orgId, position));
  }
}

export interface PreventionListFilter {
  year: number | null;
  kind: PreventionKind | null;
  within: string;
  offset: number;
  limit: number;
}

/**
 * Newest first. Within a raion or a hromada the rows come off that column's (code, date) index, whose ties fall in
 * rowid order; elsewhere off the (date, id) index. Either way the order is fixed, so pages do not overlap.
 */
export function listEvents(db: Db, filter: PreventionListFilter): { total: number; rows: PreventionSummary[] } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  let order = 'date DESC, id DESC';
  if (filter.within !== '') {
    const category = db.prepare('SELECT category FROM territories WHERE code = ?').pluck().get(filter.within) as string | undefined;
    if (category !== 'P' && category !== 'H') {
      throw new AppError('VALIDATION', 'not a raion or a hromada', { field: 'within', reason: 'not_raion_or_hromada', issues: [{ path: 'within', code: 'custom', key: 'raionOrHromada' }] });
    }
    where.push(category === 'P' ? 'raion_code = @within' : 'hromada_code = @within');
    params.within = filter.within;
    order = 'date DESC, rowid DESC';
  }
  if (filter.year !== null) {
    where.push('date >= @from AND date < @to');
    params.from = `${filter.year}-01-01`;
    params.to = `${filter.year + 1}-01-01`;
  }
  if (filter.kind !== null) {
    where.push('kind = @kind');
    params.kind = filter.kind;
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = db.prepare(`SELECT count(*) FROM prevention_events ${clause}`).pluck().get(params) as number;
  const rows = db.prepare(`SELECT ${SUMMARY} FROM prevention_events ${clause} ORDER BY ${order} LIMIT @limit OFFSET @offset`).all({ ...params, offset: filter.offset, limit: filter.limit }) as PreventionSummary[];
  return { total, rows };
}
