import type { AuditEvent, AuditFilter } from '../../../shared/domain/audit';
import type { Db } from '../../store/connection';

interface Row {
  seq: number;
  ts: string;
  actor_id: string | null;
  actor_login: string | null;
  action: string;
  entity: string | null;
  entity_id: string | null;
  details: string;
  workstation: string;
}

/**
 * One page, newest first, continuing below `before`: a seek on the sequence number, so the thousandth page
 * costs what the first does. Filters use the indexed columns; dates are whole days in UTC as stored (the
 * screen converts to Kyiv time).
 */
export function listEvents(db: Db, filter: AuditFilter & { limit: number }): { rows: AuditEvent[]; next: number | null } {
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
      `SELECT e.seq, e.ts, e.actor_id, u.login AS actor_login, e.action, e.entity, e.entity_id, e.details, e.workstation
       FROM audit_events e LEFT JOIN users u ON u.id = e.actor_id ${clause}
       ORDER BY e.seq DESC LIMIT @limit`,
    )
    .all(params) as Row[];
  const more = rows.length > filter.limit;
  const page = more ? rows.slice(0, filter.limit) : rows;
  return {
    rows: page.map((r) => ({
      seq: r.seq,
      ts: r.ts,
      actorId: r.actor_id,
      actorLogin: r.actor_login,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      details: JSON.parse(r.details) as Record<string, unknown>,
      workstation: r.workstation,
    })),
    next: more ? page.at(-1)!.seq : null,
  };
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
