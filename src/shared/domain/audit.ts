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
 * `count` is the number of events the walk checked; `from` the sequence number it started after (0 for the whole
 * chain, the checkpoint's for a resumed one). `checkpoint` is a resumed walk whose starting point did not hold.
 */
export const ChainReportSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('intact'), count: z.number().int(), from: z.number().int(), total: z.number().int(), head: z.string() }),
  z.object({
    status: z.literal('broken'),
    count: z.number().int(),
    from: z.number().int(),
    seq: z.number().int(),
    reason: z.enum(['hash', 'mac', 'link', 'gap', 'order', 'checkpoint']),
  }),
]);
export type ChainReport = z.infer<typeof ChainReportSchema>;
