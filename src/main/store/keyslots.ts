import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import canonicalize from 'canonicalize';
import { z } from 'zod';
import { AppError } from '../../shared/errors';
import { deriveKey, equalHex, hmacHex, open, seal, subkey, type KdfParams } from './crypto';
import { writeFileAtomic } from './files';

const KdfSchema = z.object({ alg: z.literal('scrypt'), N: z.number().int(), r: z.number().int(), p: z.number().int() });

const SlotSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['user', 'recovery']),
    /** Staff login for user slots; the recovery slot has none. */
    login: z.string().nullable(),
    userId: z.string().nullable(),
    kdf: KdfSchema,
    salt: z.string(),
    nonce: z.string(),
    ct: z.string(),
    tag: z.string(),
    mustChange: z.boolean(),
    createdAt: z.string(),
  })
  .strict();
export type Slot = z.infer<typeof SlotSchema>;

const SlotFileSchema = z
  .object({
    format: z.literal('zlagoda-keyslots'),
    version: z.literal(1),
    storeId: z.string(),
    slots: z.array(SlotSchema),
    /** HMAC over storeId and slots with a key derived from the data key: a slot planted by someone without the key is caught. */
    mac: z.string(),
  })
  .strict();
export type SlotFile = z.infer<typeof SlotFileSchema>;

function aad(storeId: string, slot: Pick<Slot, 'id' | 'kind' | 'userId'>): string {
  return `zlagoda-slot-v1|${storeId}|${slot.id}|${slot.kind}|${slot.userId ?? ''}`;
}

function macOf(dek: Buffer, storeId: string, slots: Slot[]): string {
  // Canonical JSON: the MAC must not depend on the key order a parser happens to produce.
  return hmacHex(subkey(dek, 'keyslots'), canonicalize({ storeId, slots }) ?? '');
}

export function readSlotFile(path: string): SlotFile {
  if (!existsSync(path)) throw new AppError('STORE_NOT_FOUND', 'key-slot file is missing');
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new AppError('STORE_CORRUPT', 'key-slot file is not valid JSON');
  }
  const result = SlotFileSchema.safeParse(parsed);
  if (!result.success) throw new AppError('STORE_CORRUPT', 'key-slot file has an unexpected shape');
  return result.data;
}

export function newSlotFile(storeId: string = randomUUID()): SlotFile {
  return { format: 'zlagoda-keyslots', version: 1, storeId, slots: [], mac: '' };
}

/** Saves with a fresh MAC. The caller holds the data key, so it is the only one who can produce a valid file. */
export function writeSlotFile(path: string, file: SlotFile, dek: Buffer): void {
  const sealedFile: SlotFile = { ...file, mac: macOf(dek, file.storeId, file.slots) };
  writeFileAtomic(path, JSON.stringify(sealedFile, null, 2) + '\n');
}

export function verifySlotFile(file: SlotFile, dek: Buffer): void {
  if (!equalHex(file.mac, macOf(dek, file.storeId, file.slots))) {
    throw new AppError('STORE_TAMPERED', 'key-slot file was changed outside the app');
  }
}

export async function makeSlot(
  file: SlotFile,
  dek: Buffer,
  secret: string,
  fields: { kind: Slot['kind']; login: string | null; userId: string | null; mustChange: boolean },
  kdf: KdfParams,
  now: Date,
): Promise<Slot> {
  const salt = randomBytes(16);
  const kek = await deriveKey(secret, salt, kdf);
  const id = randomUUID();
  const sealed = seal(kek, dek, aad(file.storeId, { id, kind: fields.kind, userId: fields.userId }));
  kek.fill(0);
  return { id, ...fields, kdf, salt: salt.toString('base64'), ...sealed, createdAt: now.toISOString() };
}

/** Null when the secret does not open the slot. */
export async function unwrapSlot(file: SlotFile, slot: Slot, secret: string): Promise<Buffer | null> {
  const kek = await deriveKey(secret, Buffer.from(slot.salt, 'base64'), slot.kdf);
  const dek = open(kek, slot, aad(file.storeId, slot));
  kek.fill(0);
  return dek;
}

export function findUserSlot(file: SlotFile, login: string): Slot | undefined {
  const wanted = login.normalize('NFC').toLowerCase();
  return file.slots.find((s) => s.kind === 'user' && s.login?.normalize('NFC').toLowerCase() === wanted);
}

export function recoverySlot(file: SlotFile): Slot | undefined {
  return file.slots.find((s) => s.kind === 'recovery');
}
