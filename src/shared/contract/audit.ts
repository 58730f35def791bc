import { z } from 'zod';
import { AuditFilterSchema, AuditPageSchema, ChainReportSchema } from '../domain/audit';
import type { ContractPart } from './types';

export const audit = {
  'audit:list': { input: AuditFilterSchema, output: AuditPageSchema, access: 'audit.read', kind: 'query' },
  /** Walks the whole hash chain; the check itself is audited. */
  'audit:verify': { input: z.object({}).strict(), output: ChainReportSchema, access: 'audit.read', kind: 'mutation' },
} satisfies ContractPart;
