import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import canonicalize from 'canonicalize';
import { z } from 'zod';
import { AppError } from '../../shared/errors';
import { deriveKey, equalHex, hmacHex, open, seal, subkey, type KdfParams } from './crypto';
import { writeFileAtomic } from './files';
import { boxTo, exportPrivate, importPrivate, publicOf, unbox, witnessKey, type UserKeys } from './keys';

/** Bounded: a slot file from a hostile backup must not make one derivation take gigabytes or hours. */
const KdfSchema = z
  .object({
    alg: z.literal('scrypt'),
    N: z
      .number()
      .int()
      .min(2 ** 10)
      .max(2 ** 20)
      .refine((n) => (n & (n - 1)) === 0),
    r: z.number().int().min(1).max(8),
    p: z.number().int().min(1).max(4),
  })
  .strict();
const SealedSchema = z.object({ nonce: z.string(), ct: z.string(), tag: z.string() }).strict();
const BoxedSchema = SealedSchema.extend({ epk: z.string() }).strict();

const common = {
  id: z.string(),
  kind: z.enum(['user', 'recovery']),
  /** Staff login for user slots; the recovery slot has none. Only a hint: the slot belongs to `userId`. */
  login: z.string().nullable(),
  userId: z.string().nullable(),
  kdf: KdfSchema,
  salt: z.string(),
  mustChange: z.boolean(),
  createdAt: z.string(),
};

/**
 * A slot: the passphrase (through scrypt) seals the user's private keys; the data key is boxed to the user's
 * box public key for the file's generation; `seen` is the last chain head the user saw, sealed so that only
 * the user can write or read it.
 */
const SlotSchema = z
  .object({
    ...common,
    secret: SealedSchema,
    boxPublic: z.string(),
    dek: BoxedSchema,
    seen: SealedSchema.nullable(),
  })
  .strict();
export type Slot = z.infer<typeof SlotSchema>;

/** A slot written before users had keys: the passphrase wraps the data key itself. Upgraded at its owner's next unlock. */
const LegacySlotSchema = z.object({ ...common, nonce: z.string(), ct: z.string(), tag: z.string() }).strict();
export type LegacySlot = z.infer<typeof LegacySlotSchema>;
export type AnySlot = Slot | LegacySlot;

const FileV2Schema = z
  .object({
    format: z.literal('zlagoda-keyslots'),
    version: z.literal(2),
    storeId: z.string(),
    /** Must equal the generation held inside the encrypted database: an older copy of this file is refused. */
    generation: z.number().int().min(1),
    slots: z.array(z.union([SlotSchema, LegacySlotSchema])),
    /** HMAC under a key derived from the data key: a slot planted by someone without the key is caught. */
    mac: z.string(),
  })
  .strict();
const FileV1Schema = z
  .object({ format: z.literal('zlagoda-keyslots'), version: z.literal(1), storeId: z.string(), slots: z.array(LegacySlotSchema), mac: z.string() })
  .strict();

/** In memory every file has a generation; a version-1 file is generation 0 and becomes version 2 when next written. */
export interface SlotFile {
  version: 1 | 2;
  storeId: string;
  generation: number;
  slots: AnySlot[];
  mac: string;
}

export function isLegacy(slot: AnySlot): slot is LegacySlot {
  return 'ct' in slot;
}

function secretAad(storeId: string, slot: Pick<AnySlot, 'id' | 'kind' | 'userId'>, version: 1 | 2): string {
  return `zlagoda-slot-v${version}|${storeId}|${slot.id}|${slot.kind}|${slot.userId ?? ''}`;
}

function dekAad(storeId: string, slotId: string, generation: number): string {
  return `zlagoda-dek|${storeId}|${slotId}|${generation}`;
}

function macOf(dek: Buffer, file: Pick<SlotFile, 'version' | 'storeId' | 'generation' | 'slots'>): string {
  // Canonical JSON: the MAC must not depend on the key order a parser happens to produce.
  const body = file.version === 1 ? { storeId: file.storeId, slots: file.slots } : { storeId: file.storeId, generation: file.generation, slots: file.slots };
  return hmacHex(subkey(dek, 'keyslots'), canonicalize(body) ?? '');
}

export function parseSlotFile(text: string): SlotFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new AppError('STORE_CORRUPT', 'key-slot file is not valid JSON');
  }
  const v2 = FileV2Schema.safeParse(parsed);
  if (v2.success) return { version: 2, storeId: v2.data.storeId, generation: v2.data.generation, slots: v2.data.slots, mac: v2.data.mac };
  const v1 = FileV1Schema.safeParse(parsed);
  if (v1.success) return { version: 1, storeId: v1.data.storeId, generation: 0, slots: v1.data.slots, mac: v1.data.mac };
  throw new AppError('STORE_CORRUPT', 'key-slot file has an unexpected shape');
}

export function readSlotFile(path: string): SlotFile {
  if (!existsSync(path)) throw new AppError('STORE_NOT_FOUND', 'key-slot file is missing');
  return parseSlotFile(readFileSync(path, 'utf8'));
}

export function newSlotFile(storeId: string = randomUUID()): SlotFile {
  return { version: 2, storeId, generation: 1, slots: [], mac: '' };
}

/** The file as saved, with a fresh MAC: only a holder of the data key can produce a valid one. */
export function sealSlotFile(file: Omit<SlotFile, 'mac' | 'version'>, dek: Buffer): SlotFile {
  const body = { version: 2 as const, storeId: file.storeId, generation: file.generation, slots: file.slots };
  return { ...body, mac: macOf(dek, body) };
}

export function writeSlotFile(path: string, file: SlotFile): void {
  const { version, storeId, generation, slots, mac } = file;
  writeFileAtomic(path, JSON.stringify({ format: 'zlagoda-keyslots', version, storeId, generation, slots, mac }, null, 2) + '\n');
}

export function slotFileHolds(file: SlotFile, dek: Buffer): boolean {
  return /^[0-9a-f]{64}$/.test(file.mac) && equalHex(file.mac, macOf(dek, file));
}

interface SlotSecret {
  box: string;
  sign: string;
  /** The public key every certificate leads back to: pinned here, where no other user can change it. */
  root: string;
}

export interface SlotFields {
  kind: AnySlot['kind'];
  login: string | null;
  userId: string | null;
  mustChange: boolean;
}

export async function makeSlot(
  file: Pick<SlotFile, 'storeId' | 'generation'>,
  dek: Buffer,
  secret: string,
  fields: SlotFields,
  keys: UserKeys,
  root: string,
  kdf: KdfParams,
  now: Date,
): Promise<Slot> {
  const salt = randomBytes(16);
  const kek = await deriveKey(secret, salt, kdf);
  const id = randomUUID();
  const payload = Buffer.from(JSON.stringify({ box: exportPrivate(keys.box), sign: exportPrivate(keys.sign), root } satisfies SlotSecret), 'utf8');
  const sealed = seal(kek, payload, secretAad(file.storeId, { id, ...fields }, 2));
  payload.fill(0);
  kek.fill(0);
  const boxPublic = publicOf(keys.box);
  const slot: Slot = {
    id,
    ...fields,
    kdf,
    salt: salt.toString('base64'),
    mustChange: fields.mustChange,
    createdAt: now.toISOString(),
    secret: sealed,
    boxPublic,
    dek: boxTo(boxPublic, dek, dekAad(file.storeId, id, file.generation)),
    seen: null,
  };
  // A "seen" from the start (nothing yet): a slot without one has had it removed, and its owner is told.
  return sealSeen(keys, slot, { seq: 0, hash: '' });
}

/** What a passphrase opens: the data key, and for a current slot the user's keys and pinned root. */
export interface OpenedSlot {
  slot: AnySlot;
  dek: Buffer;
  keys: UserKeys | null;
  root: string | null;
}

/** Null when the secret does not open the slot, or the slot's parts do not belong together. */
export async function openSlot(file: Pick<SlotFile, 'storeId' | 'generation'>, slot: AnySlot, secret: string): Promise<OpenedSlot | null> {
  const kek = await deriveKey(secret, Buffer.from(slot.salt, 'base64'), slot.kdf);
  try {
    if (isLegacy(slot)) {
      const dek = open(kek, slot, secretAad(file.storeId, slot, 1));
      return dek ? { slot, dek, keys: null, root: null } : null;
    }
    const payload = open(kek, slot.secret, secretAad(file.storeId, slot, 2));
    if (!payload) return null;
    const parsed = JSON.parse(payload.toString('utf8')) as SlotSecret;
    payload.fill(0);
    const keys = { box: importPrivate(parsed.box), sign: importPrivate(parsed.sign) };
    if (publicOf(keys.box) !== slot.boxPublic) return null;
    const dek = unbox(keys.box, slot.dek, dekAad(file.storeId, slot.id, file.generation));
    return dek ? { slot, dek, keys, root: parsed.root } : null;
  } finally {
    kek.fill(0);
  }
}

/**
 * Wraps the data key for every slot under a new generation: each change of slots re-seals the whole file, so a
 * slot lifted from an older file does not open in a newer one. Legacy slots wrap the key under their
 * passphrase and pass unchanged, unless the key itself changes (`newKey`): then they cannot follow.
 */
export function reboxSlots(file: Pick<SlotFile, 'storeId'>, slots: AnySlot[], dek: Buffer, generation: number, newKey: boolean): AnySlot[] {
  const legacy = slots.filter(isLegacy);
  if (newKey && legacy.length > 0) {
    throw new AppError('LEGACY_SLOTS', 'some users have not unlocked since key slots got keys', { logins: legacy.map((s) => s.login ?? '—').join(', ') });
  }
  return slots.map((s) => (isLegacy(s) ? s : { ...s, dek: boxTo(s.boxPublic, dek, dekAad(file.storeId, s.id, generation)) }));
}

export interface SeenHead {
  seq: number;
  hash: string;
}

export function sealSeen(keys: UserKeys, slot: Slot, head: SeenHead): Slot {
  const key = witnessKey(keys);
  const sealed = seal(key, Buffer.from(JSON.stringify(head), 'utf8'), `zlagoda-seen|${slot.id}`);
  key.fill(0);
  return { ...slot, seen: sealed };
}

export function openSeen(keys: UserKeys, slot: AnySlot): SeenHead | null {
  if (isLegacy(slot) || !slot.seen) return null;
  const key = witnessKey(keys);
  const plain = open(key, slot.seen, `zlagoda-seen|${slot.id}`);
  key.fill(0);
  if (!plain) return null;
  const head = JSON.parse(plain.toString('utf8')) as SeenHead;
  return typeof head.seq === 'number' && typeof head.hash === 'string' ? head : null;
}

/** Every slot whose login matches: an orphan left by a crash may share a login with the real slot. */
export function slotsForLogin(file: SlotFile, login: string): AnySlot[] {
  const wanted = login.normalize('NFC').toLowerCase();
  return file.slots.filter((s) => s.kind === 'user' && s.login?.normalize('NFC').toLowerCase() === wanted);
}

export function slotOfUser(file: SlotFile, userId: string): AnySlot | undefined {
  return file.slots.find((s) => s.kind === 'user' && s.userId === userId);
}

export function recoverySlot(file: SlotFile): AnySlot | undefined {
  return file.slots.find((s) => s.kind === 'recovery');
}
