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
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();
export type AuditFilter = z.input<typeof AuditFilterSchema>;

export const AuditPageSchema = z.object({
  rows: z.array(AuditEventSchema),
  total: z.number().int(),
  actions: z.array(z.string()),
});

export const ChainReportSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('intact'), count: z.number().int(), head: z.string() }),
  z.object({
    status: z.literal('broken'),
    count: z.number().int(),
    seq: z.number().int(),
    reason: z.enum(['hash', 'mac', 'link', 'gap', 'order']),
  }),
]);
export type ChainReport = z.infer<typeof ChainReportSchema>;
