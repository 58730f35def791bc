import { z } from 'zod';

/**
 * The record an event is about, as a person knows it, read with the page: a name as stored (an organisation, a
 * member, a user's login, the group) or, for a meeting and an assignment, the numbers the minutes print. `entity`
 * is the record's kind: the event's own, or for a kept draft the record it was kept for. Absent when the event
 * names no record or the record is no longer in the store.
 */
export const AuditRecordSchema = z.object({
  entity: z.string(),
  id: z.string(),
  name: z.string().nullable(),
  year: z.number().int().nullable(),
  number: z.number().int().nullable(),
  /** An assignment's decision, `2.1`. */
  decision: z.string().nullable(),
});
export type AuditRecord = z.infer<typeof AuditRecordSchema>;

export const AuditEventSchema = z.object({
  seq: z.number().int(),
  ts: z.string(),
  actorId: z.string().nullable(),
  actorLogin: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entity: z.string().nullable(),
  entityId: z.string().nullable(),
  record: AuditRecordSchema.nullable(),
  details: z.record(z.string(), z.unknown()),
  workstation: z.string(),
});
export type AuditEvent = z.infer<typeof AuditEventSchema>;

export const AuditFilterSchema = z
  .object({
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    actorId: z.string().max(64).optional(),
    action: z.string().max(64).optional(),
    /** Events older than this sequence number: the cursor of the next page (never an offset). */
    before: z.number().int().min(1).optional(),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();
export type AuditFilter = z.input<typeof AuditFilterSchema>;

/** What an export covers: the filter of the screen, the whole of it (not a page). */
export const AuditExportSchema = AuditFilterSchema.pick({ from: true, to: true, actorId: true, action: true })
  .extend({ format: z.enum(['csv', 'pdf']) })
  .strict()
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ['to'], message: 'dateOrder' });
export type AuditExport = z.input<typeof AuditExportSchema>;

/** More than this many events is refused rather than cut short: an auditor's copy is whole or not made. */
export const AUDIT_EXPORT_MAX = { csv: 100_000, pdf: 5_000 } as const;

export const AuditPageSchema = z.object({
  rows: z.array(AuditEventSchema),
  /** `before` for the next, older page; null on the last one. */
  next: z.number().int().nullable(),
});

/**
 * One thing the verifier found. Chain kinds (`hash`, `mac`, `link`, `gap`, `checkpoint`) name the event whose
 * stored form no longer holds. Witness kinds come from signed heads and slots: `rewritten` (an event from `seq`
 * to `to` changed under a head `userId` signed), `signature` (a signed head forged or altered), `cut` (a signed
 * or seen head the chain no longer reaches), `seen` (the head this user saw last is not on the chain), `unseen`
 * (the record of it was removed from this user's slot),
 * `certificate` (a signing key no admin vouched for), `root` (no key leads to the root pinned in the slot).
 */
export const ChainIssueSchema = z.object({
  kind: z.enum(['hash', 'mac', 'link', 'gap', 'checkpoint', 'rewritten', 'signature', 'cut', 'seen', 'unseen', 'certificate', 'root']),
  seq: z.number().int().optional(),
  to: z.number().int().optional(),
  userId: z.string().optional(),
  /** The user's login, filled in for the screen by the verifying handler. */
  login: z.string().optional(),
});
export type ChainIssue = z.infer<typeof ChainIssueSchema>;
export type WitnessIssue = ChainIssue;

/** Not a break: the clock of the workstation went back (a correction, a wrong date set by hand). */
export const ChainWarningSchema = z.object({ kind: z.literal('clock'), seq: z.number().int(), ts: z.string(), after: z.string() });
export type ChainWarning = z.infer<typeof ChainWarningSchema>;

/**
 * `count` is the number of events the walk checked; `from` the sequence number it started after (0 for the whole
 * chain, the checkpoint's for a resumed one); `heads` the signed heads checked. A broken report lists every
 * issue (up to a thousand) and names the first in `seq` and `reason`.
 */
const reportBase = {
  count: z.number().int(),
  from: z.number().int(),
  total: z.number().int(),
  heads: z.number().int(),
  warnings: z.array(ChainWarningSchema),
};
export const ChainReportSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('intact'), ...reportBase, head: z.string() }),
  z.object({
    status: z.literal('broken'),
    ...reportBase,
    seq: z.number().int(),
    reason: ChainIssueSchema.shape.kind,
    issues: z.array(ChainIssueSchema),
  }),
]);
export type ChainReport = z.infer<typeof ChainReportSchema>;
