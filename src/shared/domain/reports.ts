import { z } from 'zod';
import { parsePeriod } from '../reports/periods';
import { REPORT_PROFILES, reportSchema } from '../reports/report';

/** The oblast's key for signing report bundles, as anyone may see it: the public half and how to recognise it. */
export const SigningKeyInfoSchema = z.object({
  keyId: z.string(),
  /** What people compare on paper: the key id and a short base32 of the public key's SHA-256. */
  fingerprint: z.string(),
  /** The standard minisign .pub file, as `minisign -V -p` reads it. */
  publicKey: z.string(),
  createdAt: z.string(),
  retiredAt: z.string().nullable(),
  /** The statement announcing this key, signed by the key it replaced (minisign text); empty for the first key. */
  statement: z.string(),
  statementSignature: z.string(),
});
export type SigningKeyInfo = z.infer<typeof SigningKeyInfoSchema>;

export const SigningKeysSchema = z.object({ current: SigningKeyInfoSchema.nullable(), previous: z.array(SigningKeyInfoSchema) });
export type SigningKeys = z.infer<typeof SigningKeysSchema>;

export const ReportOptionsSchema = z.object({ threshold: z.number().int().min(3, { error: 'thresholdMin' }).max(50, { error: 'thresholdMax' }) }).strict();
export type ReportOptions = z.infer<typeof ReportOptionsSchema>;

export const REPORT_OUTPUTS = ['json', 'csv', 'xlsx', 'docx', 'cases'] as const;
export type ReportOutput = (typeof REPORT_OUTPUTS)[number];

/** A period as the screen and the command line name it: 2026-Q3, 2026-H1, 2026, or 2026-02-01..2026-05-15. */
export const PeriodNameSchema = z
  .string()
  .trim()
  .max(40)
  .refine((v) => parsePeriod(v) !== null, { error: 'period' });

export const ReportRequestSchema = z.object({ period: PeriodNameSchema, profile: z.enum(REPORT_PROFILES) }).strict();

export const CellRefSchema = z.object({ table: z.string(), period: z.string(), row: z.string(), column: z.string() }).strict();

export const ReleaseSchema = z.object({
  id: z.string(),
  periodId: z.string(),
  profile: z.enum(REPORT_PROFILES),
  threshold: z.number().int().nullable(),
  form: z.enum(['files', 'bundle']),
  reportHash: z.string(),
  releasedAt: z.string(),
  releasedBy: z.string(),
});
export type Release = z.infer<typeof ReleaseSchema>;

export const ReportViewSchema = z.object({
  report: reportSchema,
  /** How many cells the publication profile hides. */
  suppressed: z.number().int(),
  /** Small counts no hiding protects: a publication cannot leave until they are gone. */
  unprotected: z.array(CellRefSchema),
  /** Earlier releases of the same period. */
  releases: z.array(ReleaseSchema),
});
export type ReportView = z.infer<typeof ReportViewSchema>;
