import { z } from 'zod';
import {
  REPORT_OUTPUTS,
  ReleaseSchema,
  ReportOptionsSchema,
  ReportRequestSchema,
  ReportViewSchema,
  SigningKeyInfoSchema,
  SigningKeysSchema,
} from '../domain/reports';
import { DocumentFileSchema } from './meetings';
import type { ContractPart } from './types';

const None = z.object({}).strict();

/**
 * Reports for the Ministry and the key that signs their bundles. The secret half of the key never leaves the main
 * process: no channel returns it, no audit detail or log line names it.
 */
export const reports = {
  /** The current key and those it replaced, public halves only. */
  'reports:keys': { input: None, output: SigningKeysSchema, access: 'reports.read', kind: 'query' },
  /** Makes the oblast's first signing key; refused (key_exists) once there is one: a new key comes by rotation. */
  'reports:createKey': { input: None, output: SigningKeyInfoSchema, access: 'reports.sign', kind: 'mutation' },
  /** A new key, announced by a statement the current key signs; the current key is retired, never deleted. */
  'reports:rotateKey': { input: None, output: SigningKeyInfoSchema, access: 'reports.sign', kind: 'mutation' },
  /** The current public key as the minisign .pub file the Ministry registers. */
  'reports:publicKeyFile': { input: None, output: DocumentFileSchema, access: 'reports.read', kind: 'query' },
  /** The k of the publication profile. */
  'reports:options': { input: None, output: ReportOptionsSchema, access: 'reports.read', kind: 'query' },
  'reports:saveOptions': { input: ReportOptionsSchema, output: ReportOptionsSchema, access: 'reports.sign', kind: 'mutation' },
  /**
   * The report of a period in a profile, as it would leave now: counts only, never a person. For publication, how
   * many cells are hidden and which small counts no hiding can protect (then it cannot leave).
   */
  'reports:get': { input: ReportRequestSchema, output: ReportViewSchema, access: 'reports.read', kind: 'query' },
  /**
   * One output of the report as a file (csv: a zip of report.csv and codebook.csv; cases: the pseudonymised
   * case-level export, ministry profile only, refused while a combination is rarer than k). Logged as released, audited.
   */
  'reports:export': {
    input: ReportRequestSchema.extend({ output: z.enum(REPORT_OUTPUTS) }).strict(),
    output: DocumentFileSchema,
    access: 'reports.sign',
    kind: 'auth',
  },
  /** The signed bundle of the outputs chosen (report.json always), made with the oblast's key (made now if none). */
  'reports:bundle': {
    input: ReportRequestSchema.extend({ outputs: z.array(z.enum(REPORT_OUTPUTS)).max(REPORT_OUTPUTS.length).default([]) }).strict(),
    output: DocumentFileSchema,
    access: 'reports.sign',
    kind: 'auth',
  },
  /** The release log: what left the office, newest first. */
  'reports:releases': { input: None, output: z.array(ReleaseSchema), access: 'reports.read', kind: 'query' },
} satisfies ContractPart<'reports'>;
