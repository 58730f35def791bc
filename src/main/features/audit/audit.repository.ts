import type { AuditEvent, AuditFilter } from '../../../shared/domain/audit';
import type { Db } from '../../store/connection';

interface Row {
  seq: number;
  ts: string;
  actor_id: string | null;
  actor_login: string | null;
  actor_name: string | null;
  action: string;
  entity: string | null;
  entity_id: string | null;
  details: string;
  workstation: string;
  record_entity: string | null;
  record_id: string | null;
  record_name: string | null;
  record_year: number | null;
  record_number: number | null;
  record_decision: string | null;
}

/** A kept draft's key names its page (`meetings:<id>`); the record it was kept for is that page's entity. */
const DRAFT_PAGES: Record<string, string> = { meetings: 'meeting', assignments: 'assignment', organisations: 'organisation' };
const draftEntity = `CASE substr(p.entity_id, 1, instr(p.entity_id, ':') - 1) ${Object.entries(DRAFT_PAGES)
  .map(([page, entity]) => `WHEN '${page}' THEN '${entity}'`)
  .join(' ')} END`;

/**
 * The page is chosen first (a seek on the sequence number, or on the filter's index), and only its rows are
 * named: each join is one primary-key lookup per event shown, whatever the size of the log or of the tables.
 */
const NAMED = `
  , r AS (
    SELECT p.*,
      CASE WHEN p.entity = 'draft' THEN ${draftEntity} ELSE p.entity END AS kind,
      CASE WHEN p.entity = 'draft' THEN substr(p.entity_id, instr(p.entity_id, ':') + 1) ELSE p.entity_id END AS rid
    FROM page p
  )
  SELECT r.seq, r.ts, r.actor_id, u.login AS actor_login, u.display_name AS actor_name, r.action, r.entity, r.entity_id,
    r.details, r.workstation,
    coalesce(m.id, a.id, o.id, gm.id, ru.id, g.id, pp.id, cc.id) AS record_id,
    r.kind AS record_entity,
    coalesce(o.name, trim(gm.surname || ' ' || gm.given_name || ' ' || gm.patronymic), ru.login || ' — ' || ru.display_name, g.name, pp.code, cp.code) AS record_name,
    coalesce(m.year, am.year) AS record_year,
    coalesce(m.number, am.number) AS record_number,
    CASE WHEN a.id IS NOT NULL THEN ai.position || '.' || d.position END AS record_decision
  FROM r
  LEFT JOIN users u ON u.id = r.actor_id
  LEFT JOIN meetings m ON r.kind = 'meeting' AND m.id = r.rid
  LEFT JOIN assignments a ON r.kind = 'assignment' AND a.id = r.rid
  LEFT JOIN decisions d ON d.id = a.decision_id
  LEFT JOIN agenda_items ai ON ai.id = d.item_id
  LEFT JOIN meetings am ON am.id = ai.meeting_id
  LEFT JOIN organisations o ON r.kind = 'organisation' AND o.id = r.rid
  LEFT JOIN group_members gm ON r.kind = 'member' AND gm.id = r.rid
  LEFT JOIN users ru ON r.kind = 'user' AND ru.id = r.rid
  LEFT JOIN coordination_group g ON r.kind = 'group' AND g.id = r.rid
  -- A person and a case are named by the code only: the log tells an auditor whose record, never who they are.
  LEFT JOIN persons pp ON r.kind = 'person' AND pp.id = r.rid
  LEFT JOIN cases cc ON r.kind = 'case' AND cc.id = r.rid
  LEFT JOIN persons cp ON cp.id = cc.person_id
  ORDER BY r.seq DESC`;

export type AuditQuery = Pick<AuditFilter, 'from' | 'to' | 'actorId' | 'action' | 'before'> & { limit: number };

function toEvent(r: Row): AuditEvent {
  return {
    seq: r.seq,
    ts: r.ts,
    actorId: r.actor_id,
    actorLogin: r.actor_login,
    actorName: r.actor_name,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    record:
      r.record_id !== null && r.record_entity !== null
        ? { entity: r.record_entity, id: r.record_id, name: r.record_name, year: r.record_year, number: r.record_number, decision: r.record_decision }
        : null,
    details: JSON.parse(r.details) as Record<string, unknown>,
    workstation: r.workstation,
  };
}

/**
 * Up to `limit` events newest first, continuing below `before`, and whether there are more: a seek on the
 * sequence number, so the thousandth page costs what the first does. Filters use the indexed columns; dates are
 * whole days in UTC as stored (the screen converts to Kyiv time).
 */
export function queryEvents(db: Db, filter: AuditQuery): { rows: AuditEvent[]; more: boolean } {
  const where: string[] = [];
  const params: Record<string, unknown> = { limit: filter.limit + 1 };
  if (filter.before !== undefined) {
    where.push('e.seq < @before');
    params.before = filter.before;
  }
  if (filter.from) {
    where.push('e.ts >= @from');
    params.from = `${filter.from}T00:00:00.000Z`;
  }
  if (filter.to) {
    where.push('e.ts < @to');
    params.to = new Date(Date.parse(`${filter.to}T00:00:00.000Z`) + 86_400_000).toISOString();
  }
  if (filter.actorId) {
    where.push('e.actor_id = @actorId');
    params.actorId = filter.actorId;
  }
  if (filter.action) {
    where.push('e.action = @action');
    params.action = filter.action;
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const rows = db
    .prepare(
      `WITH page AS (
         SELECT e.seq, e.ts, e.actor_id, e.action, e.entity, e.entity_id, e.details, e.workstation
         FROM audit_events e ${clause} ORDER BY e.seq DESC LIMIT @limit
       ) ${NAMED}`,
    )
    .all(params) as Row[];
  const more = rows.length > filter.limit;
  return { rows: (more ? rows.slice(0, filter.limit) : rows).map(toEvent), more };
}

/** One page of the screen, with the cursor of the next, older one. */
export function listEvents(db: Db, filter: AuditQuery): { rows: AuditEvent[]; next: number | null } {
  const { rows, more } = queryEvents(db, filter);
  return { rows, next: more ? rows.at(-1)!.seq : null };
}

/** The distinct actions, found by jumping along the action index (one seek per action, not a scan of the log). */
export function listActions(db: Db): string[] {
  const rows = db
    .prepare(
      `WITH RECURSIVE a(action) AS (
         SELECT min(action) FROM audit_events
         UNION ALL
         SELECT (SELECT min(action) FROM audit_events WHERE action > a.action) FROM a WHERE a.action IS NOT NULL
       )
       SELECT action FROM a WHERE action IS NOT NULL`,
    )
    .all() as { action: string }[];
  return rows.map((r) => r.action);
}
