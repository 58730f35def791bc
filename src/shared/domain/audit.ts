import { z } from 'zod';

export const AuditEventSchema = z.object({
  seq: z.number().int(),
  ts: z.string(),
  actorId: z.string().nullable(),
  actorLogin: z.string().nullable(),
  action: z.string(),
  entity: z.string().nullable(),
  entityId: z.string().nullable(),
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
