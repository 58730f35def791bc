import { detailPhrases, kindNeeded, recordPhrase } from '../../../shared/audit-words';
import type { DocumentFile } from '../../../shared/contract/meetings';
import { AUDIT_EXPORT_MAX, type AuditEvent } from '../../../shared/domain/audit';
import { AppError } from '../../../shared/errors';
import { formatKyivDateTime, kyivDate } from '../../../shared/time';
import { renderAuditCsv, renderAuditHtml, type AuditLogHeading, type AuditLogLine } from '../../documents/audit/audit-log';
import { formatDate } from '../../documents/minutes/format';
import type { FeatureHandlers } from '../../kernel/context';
import { getGroup } from '../group/group.repository';
import { queryEvents } from './audit.repository';
import { actionText, entityText, say, sayPhrase } from './audit.words';

/** An event in the exported file's words: the same phrases the screen shows, in Ukrainian. */
export function lineOf(event: AuditEvent): AuditLogLine {
  const record = recordPhrase(event.record);
  return {
    seq: event.seq,
    time: formatKyivDateTime(event.ts, true),
    ts: event.ts,
    login: event.actorLogin ?? '',
    userName: event.actorName ?? (event.actorLogin ? '' : say('audit.system')),
    action: actionText(event.action),
    actionCode: event.action,
    entity: event.entity ? entityText(event.entity) : '',
    kindNeeded: kindNeeded(event),
    record: record ? sayPhrase(record) : '',
    recordId: event.entityId ?? '',
    details: detailPhrases(event).map(sayPhrase).join('; '),
    workstation: event.workstation,
  };
}

function period(from: string | undefined, to: string | undefined, rows: AuditEvent[]): string {
  if (from && to) return `з ${formatDate(from)} по ${formatDate(to)}`;
  if (from) return `з ${formatDate(from)}`;
  if (to) return `по ${formatDate(to)}`;
  // The whole log: the span the events themselves cover (newest first).
  if (rows.length === 0) return 'увесь журнал';
  return `увесь журнал: ${formatKyivDateTime(rows.at(-1)!.ts)} — ${formatKyivDateTime(rows[0]!.ts)}`;
}

const MIME = { csv: 'text/csv;charset=utf-8', pdf: 'application/pdf' } as const;

export const auditExportHandlers = {
  /**
   * The filtered log, whole, as CSV or PDF. Read and audited in one transaction of its own (the export is itself
   * an event, not in the file it makes), then rendered outside it: printing a PDF must not hold the database.
   */
  'audit:export': async (input, { core }) => {
    const store = core.requireStore();
    const session = core.session!;
    // Asked before anything is read or audited, so an export that cannot happen leaves no trace of one.
    if (input.format === 'pdf' && !core.deps.pdf) throw new AppError('PDF_UNAVAILABLE', 'no PDF printer in this process');
    const now = core.deps.env.clock();
    const cap = AUDIT_EXPORT_MAX[input.format];
    const { lines, heading } = store.db.transaction(() => {
      const { rows, more } = queryEvents(store.db, { from: input.from, to: input.to, actorId: input.actorId, action: input.action, limit: cap });
      if (more) throw new AppError('EXPORT_TOO_LARGE', 'too many events for one file', { limit: cap, format: input.format });
      const actor = input.actorId ? (store.db.prepare('SELECT login, display_name AS name FROM users WHERE id = ?').get(input.actorId) as { login: string; name: string } | undefined) : undefined;
      const filter = [
        ...(input.action ? [`дія «${actionText(input.action)}»`] : []),
        ...(input.actorId ? [`користувач ${actor ? `${actor.login} (${actor.name})` : input.actorId}`] : []),
      ];
      core.audit({
        action: 'audit.exported',
        entity: 'audit',
        details: { format: input.format, count: rows.length, ...(input.from ? { from: input.from } : {}), ...(input.to ? { to: input.to } : {}), ...(input.action ? { filterAction: input.action } : {}), ...(input.actorId ? { filterActorId: input.actorId } : {}) },
      });
      const heading: AuditLogHeading = {
        title: 'Журнал подій «Злагоди»',
        body: getGroup(store.orm).name,
        filter: filter.length ? filter : ['усі події'],
        period: period(input.from, input.to, rows),
        exportedBy: `${session.login} (${session.displayName})`,
        exportedAt: formatKyivDateTime(now.toISOString()),
      };
      return { lines: rows.map(lineOf), heading };
    })();
    const stem = `zhurnal-podii-${input.from ?? 'pochatok'}--${input.to ?? kyivDate(now)}`;
    const file: DocumentFile =
      input.format === 'csv'
        ? { fileName: `${stem}.csv`, mimeType: MIME.csv, base64: renderAuditCsv(lines).toString('base64') }
        : { fileName: `${stem}.pdf`, mimeType: MIME.pdf, base64: (await core.deps.pdf!.print(renderAuditHtml(heading, lines))).toString('base64') };
    return file;
  },
} satisfies Pick<FeatureHandlers<'audit'>, 'audit:export'>;
