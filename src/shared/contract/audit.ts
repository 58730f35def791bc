import { z } from 'zod';
import { AuditExportSchema, AuditFilterSchema, AuditPageSchema, ChainReportSchema } from '../domain/audit';
import { DocumentFileSchema } from './meetings';
import type { ContractPart } from './types';

export const audit = {
  /** One page of events, newest first, continuing below the `before` sequence number. */
  'audit:list': { input: AuditFilterSchema, output: AuditPageSchema, access: 'audit.read', kind: 'query' },
  /** The actions that occur in the log, for the filter. */
  'audit:actions': { input: z.object({}).strict(), output: z.array(z.string()), access: 'audit.read', kind: 'query' },
  /** Walks the chain from the last verified point, or from the first event when `full`; the check itself is audited. */
  'audit:verify': {
    input: z.object({ full: z.boolean().default(false) }).strict(),
    output: ChainReportSchema,
    access: 'audit.read',
    kind: 'mutation',
  },
  /**
   * The filtered log, whole (not a page), as CSV for a spreadsheet or PDF for the auditor's report; refused with
   * EXPORT_TOO_LARGE past `AUDIT_EXPORT_MAX`, PDF_UNAVAILABLE where no printer is supplied. The export is audited.
   */
  'audit:export': { input: AuditExportSchema, output: DocumentFileSchema, access: 'audit.read', kind: 'auth' },
} satisfies ContractPart<'audit'>;
