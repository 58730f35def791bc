import type { Handlers } from '../../ipc/dispatcher';
import { listEvents } from './audit.repository';

export const auditHandlers = {
  'audit:list': (input, { store }) => listEvents(store.db, input),
  'audit:verify': (_input, { store, audit }) => {
    const report = store.audit.verify();
    audit({
      action: 'audit.verified',
      details: report.status === 'intact' ? { status: report.status, count: report.count } : { status: report.status, seq: report.seq, reason: report.reason },
    });
    return report;
  },
} satisfies Partial<Handlers>;
