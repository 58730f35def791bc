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

/** Filters on the indexed columns; dates are whole days in UTC as stored (the screen converts to Kyiv time). */
export function listEvents(db: Db, filter: Required<Pick<AuditFilter, 'offset' | 'limit'>> & AuditFilter) {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
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
  const total = (db.prepare(`SELECT count(*) AS n FROM audit_events e ${clause}`).get(params) as { n: number }).n;
  const rows = db
    .prepare(
      `SELECT e.seq, e.ts, e.actor_id, u.login AS actor_login, e.action, e.entity, e.entity_id, e.details, e.workstation
       FROM audit_events e LEFT JOIN users u ON u.id = e.actor_id ${clause}
       ORDER BY e.seq DESC LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: filter.limit, offset: filter.offset }) as Row[];
  const actions = (db.prepare('SELECT DISTINCT action FROM audit_events ORDER BY action').all() as { action: string }[]).map((r) => r.action);
  const events: AuditEvent[] = rows.map((r) => ({
    seq: r.seq,
    ts: r.ts,
    actorId: r.actor_id,
    actorLogin: r.actor_login,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    details: JSON.parse(r.details) as Record<string, unknown>,
    workstation: r.workstation,
  }));
  return { rows: events, total, actions };
}
