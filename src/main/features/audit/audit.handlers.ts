import type { FeatureHandlers } from '../../kernel/context';
import { listActions, listEvents } from './audit.repository';

export const auditHandlers = {
  'audit:list': (input, { store }) => listEvents(store.db, input),
  'audit:actions': (_input, { store }) => listActions(store.db),
  'audit:verify': (input, { store, audit }) => {
    const report = store.audit.verify({ resume: !input.full });
    if (report.status === 'intact') {
      audit({ action: 'audit.verified', details: { status: report.status, count: report.count, from: report.from } });
      // The event just written is not covered: the next check starts at the head this one proved.
      store.audit.saveCheckpoint(report.total, report.head);
    } else {
      audit({ action: 'audit.verified', details: { status: report.status, seq: report.seq, reason: report.reason, from: report.from } });
    }
    return report;
  },
} satisfies FeatureHandlers<'audit'>;
