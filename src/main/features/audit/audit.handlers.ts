import type { FeatureHandlers } from '../../kernel/context';
import type { ChainReport } from '../../../shared/domain/audit';
import type { Db } from '../../store/connection';
import { auditExportHandlers } from './audit.export';
import { listActions, listEvents } from './audit.repository';

/** Names the users a report speaks of by login (the recovery slot's key by its id), so the screen can say who. */
function withLogins(db: Db, report: ChainReport): ChainReport {
  if (report.status !== 'broken') return report;
  const login = db.prepare('SELECT login FROM users WHERE id = ?');
  return {
    ...report,
    issues: report.issues.map((issue) => {
      if (!issue.userId) return issue;
      const row = login.get(issue.userId) as { login: string } | undefined;
      return { ...issue, login: row?.login ?? issue.userId };
    }),
  };
}

export const auditHandlers = {
  'audit:list': (input, { store }) => listEvents(store.db, input),
  'audit:actions': (_input, { store }) => listActions(store.db),
  'audit:verify': (input, { store, audit, core }) => {
    // Judged by what this user holds: the root pinned in their slot and the head they saw last.
    const report = withLogins(store.db, store.audit.verify({ resume: !input.full, ...core.witness() }));
    if (report.status === 'intact') {
      audit({ action: 'audit.verified', details: { status: report.status, count: report.count, from: report.from } });
      // The event just written is not covered: the next check starts at the head this one proved.
      store.audit.saveCheckpoint(report.total, report.head);
    } else {
      audit({ action: 'audit.verified', details: { status: report.status, seq: report.seq, reason: report.reason, from: report.from, issues: report.issues.length } });
    }
    return report;
  },
  ...auditExportHandlers,
} satisfies FeatureHandlers<'audit'>;
