import { z } from 'zod';

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
