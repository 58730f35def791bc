import { z } from 'zod';
import {
  AddKeyInputSchema,
  ApplyRotationInputSchema,
  ImportInputSchema,
  ImportResultSchema,
  PeriodId,
  RetireKeyInputSchema,
  SenderKeySchema,
  SenderSchema,
  StatusSchema,
} from '../domain/inbox';
import { REPORT_PROFILES, reportSchema } from '../reports/report';
import { DocumentFileSchema } from './meetings';
import type { ContractPart } from './types';

const None = z.object({}).strict();

/**
 * The recipient's mode: the register of senders' keys, the import of their signed bundles, the status of a period
 * and the consolidated report. Reading needs `reports.read`; changing whom we trust and importing needs `reports.sign`
 * (the reporting officer), since what is imported goes into the report this office signs in turn.
 */
export const inbox = {
  /** Every registered sender with its keys, public halves only, by code. (reports.read) */
  'inbox:keys': { input: None, output: z.array(SenderSchema), access: 'reports.read', kind: 'query' },
  /**
   * Registers a sender's minisign public key (refused: key_malformed; key_taken when the key id is another
   * sender's; key_registered when this sender has it already). (reports.sign)
   */
  'inbox:addKey': { input: AddKeyInputSchema, output: SenderKeySchema, access: 'reports.sign', kind: 'mutation' },
  /** Closes a key's validity (default now): bundles it signs generated from then on are refused. (reports.sign) */
  'inbox:retireKey': { input: RetireKeyInputSchema, output: SenderKeySchema, access: 'reports.sign', kind: 'mutation' },
  /**
   * Trusts the sender's new key on the word of its old one: the statement verified with a key of that sender valid on
   * the statement's date; the new key valid from that date, the old one closed at it. (reports.sign)
   */
  'inbox:applyRotation': { input: ApplyRotationInputSchema, output: SenderKeySchema, access: 'reports.sign', kind: 'mutation' },
  /**
   * Bundles read by the window from a folder the user picked (main never opens a path the renderer names), each
   * checked before anything in it is read, and every attempt recorded with its verdict. (reports.sign)
   */
  'inbox:import': { input: ImportInputSchema, output: ImportResultSchema, access: 'reports.sign', kind: 'mutation' },
  /** One row per registered sender for the period: received, invalid or missing; superseded ones counted. (reports.read) */
  'inbox:status': { input: z.object({ period: PeriodId }).strict(), output: StatusSchema, access: 'reports.read', kind: 'query' },
  /**
   * The sum of the accepted ministry bundles of the period, as the ministry report or the publication one
   * (suppressed after summing). (reports.read)
   */
  'inbox:consolidated': { input: z.object({ period: PeriodId, profile: z.enum(REPORT_PROFILES) }).strict(), output: reportSchema, access: 'reports.read', kind: 'query' },
  /**
   * The consolidated report as a file, made as an oblast's own (csv: the table and its code book in one zip): it leaves
   * the office, so the reporting officer makes it; logged as released and audited.
   */
  'inbox:export': {
    input: z.object({ period: PeriodId, profile: z.enum(REPORT_PROFILES), output: z.enum(['json', 'csv', 'xlsx', 'docx']) }).strict(),
    output: DocumentFileSchema,
    access: 'reports.sign',
    kind: 'auth',
  },
} satisfies ContractPart<'inbox'>;
