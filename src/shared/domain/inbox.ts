import { z } from 'zod';
import { MULTI_LINE, STOP, Text } from './fields';

/**
 * The recipient's inbox: the senders it trusts (a raion's or an oblast's КАТОТТГ code and their minisign keys), the
 * bundles it received and what became of each, and the status of a period at a glance. Nothing here is personal
 * data: a bundle holds aggregates only, and a refusal is recorded by its code and a technical detail.
 */

export const SenderCode = z.string().max(19, STOP).regex(/^UA\d{17}$/, 'katottg');
/** An ISO instant as the bundles write them (UTC, seconds or milliseconds). */
export const Instant = z
  .string()
  .max(24, STOP)
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/, 'instant')
  .refine((s) => !Number.isNaN(Date.parse(s)), 'instant');
/** A period as bundles name it: 2026-Q3, 2026-H1, 2026 or a range of days. */
export const PeriodId = z
  .string()
  .max(22, STOP)
  .regex(/^\d{4}(-Q[1-4]|-H[12])?$|^\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}$/, 'period');

/** The recipient's own refusals, after the bundle itself checked: the bundle verifier has the rest. */
export const INBOX_REFUSALS = ['wrong_sender', 'report_malformed', 'report_mismatch', 'replay', 'rollback'] as const;
export type InboxRefusal = (typeof INBOX_REFUSALS)[number];

export const RECEIVED_STATUSES = ['accepted', 'invalid', 'superseded'] as const;
export type ReceivedStatus = (typeof RECEIVED_STATUSES)[number];

export const SenderKeySchema = z.object({
  keyId: z.string(),
  /** The key id and a short base32 digest of the public key, as the sender's screen shows it. */
  fingerprint: z.string(),
  /** The standard minisign .pub file. */
  publicKey: z.string(),
  /** The key signs bundles generated from validFrom up to (not including) validTo; null: still valid. */
  validFrom: z.string(),
  validTo: z.string().nullable(),
  addedAt: z.string(),
  /** `added` by hand (a .pub file registered on paper), or by a `rotation` statement the previous key signed. */
  source: z.enum(['added', 'rotation']),
});
export type SenderKey = z.infer<typeof SenderKeySchema>;

export const SenderSchema = z.object({ code: z.string(), name: z.string(), keys: z.array(SenderKeySchema) });
export type Sender = z.infer<typeof SenderSchema>;

/** Text whose bytes are signed or hashed: never trimmed; lines end in LF (the window turns CRLF into LF). */
const signedText = (max: number) => z.string().max(max, STOP).regex(MULTI_LINE, 'characters');

export const AddKeyInputSchema = z
  .object({
    senderCode: SenderCode,
    senderName: Text(200).pipe(z.string().min(1, 'required')),
    /** The .pub file's text as loaded or pasted (or its single base64 line). */
    publicKey: signedText(4096),
    /** Default: now. */
    validFrom: Instant.optional(),
  })
  .strict();
export type AddKeyInput = z.infer<typeof AddKeyInputSchema>;

export const RetireKeyInputSchema = z.object({ keyId: z.string().max(16, STOP).regex(/^[0-9A-F]{16}$/, 'keyId'), validTo: Instant.optional() }).strict();

/** The rotation statement and its .minisig, as the sender's `reports:keys` shows them on the new key. */
export const ApplyRotationInputSchema = z.object({ senderCode: SenderCode, statement: signedText(4096), signature: signedText(9000) }).strict();

/** 16 MiB of bundle, as base64 (4 characters per 3 bytes). */
export const MAX_BUNDLE_BYTES = 16 * 1024 * 1024;
export const MAX_IMPORT_FILES = 20;
const MAX_BASE64 = Math.ceil(MAX_BUNDLE_BYTES / 3) * 4;
/**
 * A zip's base64: it starts with a local header or, empty, with the end record ("PK\x03\x04" / "PK\x05\x06", which
 * encode as UEsDB / UEsFB), so the window sends only files that are zips at least by their first bytes; the bundle
 * checks do the rest. A plain character class, not a grouped pattern: grouping over 22 MB overflows the regex stack.
 */
const isZipBase64 = (s: string): boolean => s.length % 4 === 0 && (s.startsWith('UEsDB') || s.startsWith('UEsFB')) && /^[A-Za-z0-9+/]*={0,2}$/.test(s);

export const ImportInputSchema = z
  .object({
    files: z
      .array(z.object({ name: Text(255).pipe(z.string().min(1, 'required')), data: z.string().max(MAX_BASE64, STOP).refine(isZipBase64, 'zipBase64') }).strict())
      .min(1)
      .max(MAX_IMPORT_FILES),
  })
  .strict();

export const ImportedFileSchema = z.object({
  name: z.string(),
  status: z.enum(RECEIVED_STATUSES),
  /** A bundle refusal code or an InboxRefusal; null when accepted. */
  reason: z.string().nullable(),
  /** The reason in Ukrainian, for the log and the command line; the screen uses its own words by `reason`. */
  reasonWords: z.string().nullable(),
  /** As verified for an accepted bundle; as the bundle claims (unverified) for a refused one, or null. */
  sender: z.string().nullable(),
  period: z.string().nullable(),
  profile: z.string().nullable(),
  generatedAt: z.string().nullable(),
});
export type ImportedFile = z.infer<typeof ImportedFileSchema>;

export const ImportResultSchema = z.object({ files: z.array(ImportedFileSchema), accepted: z.number().int(), invalid: z.number().int() });
export type ImportResult = z.infer<typeof ImportResultSchema>;

export const ReceivedSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  profile: z.string().nullable(),
  generatedAt: z.string().nullable(),
  keyId: z.string().nullable(),
  receivedAt: z.string(),
  status: z.enum(RECEIVED_STATUSES),
  reason: z.string().nullable(),
  reasonWords: z.string().nullable(),
});
export type Received = z.infer<typeof ReceivedSchema>;

export const SENDER_STATES = ['received', 'invalid', 'missing'] as const;

export const StatusRowSchema = z.object({
  sender: z.object({ code: z.string(), name: z.string() }),
  /** received: an accepted bundle for the period; invalid: only refused ones; missing: nothing at all. */
  state: z.enum(SENDER_STATES),
  /** The accepted bundle of each profile. */
  accepted: z.array(ReceivedSchema),
  /** The latest refused attempt, even after an accepted one (a replay, a tampered copy). */
  latestInvalid: ReceivedSchema.nullable(),
  superseded: z.number().int(),
});
export type StatusRow = z.infer<typeof StatusRowSchema>;

export const StatusSchema = z.object({
  period: z.string(),
  senders: z.array(StatusRowSchema),
  /** Bundles of the period from senders not in the register, and the latest refusals no period could be read from. */
  unknown: z.array(ReceivedSchema.extend({ sender: z.string().nullable(), period: z.string().nullable() })),
});
export type InboxStatus = z.infer<typeof StatusSchema>;
