/**
 * minisign's formats (Ed25519 keys with an 8-byte key id, prehashed `ED` signatures with a trusted comment), written
 * and read byte for byte as the stock tool does, so a recipient can check our signatures with `minisign -V` alone.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, sign as edSign, verify as edVerify, type KeyObject } from 'node:crypto';

export const KEY_ID_BYTES = 8;
const PUBLIC_KEY_BYTES = 32;
const SIGNATURE_BYTES = 64;
const PUBLIC_TAG = 'Ed';
const PREHASHED_TAG = 'ED';
const LEGACY_TAG = 'Ed';
const UNTRUSTED = 'untrusted comment: ';
const TRUSTED = 'trusted comment: ';
// minisign reads a trusted comment into an 8 KiB line buffer; a longer one would be cut by the stock verifier.
const MAX_TRUSTED_COMMENT = 8000;

/** An Ed25519 public key as minisign names it: the raw key and the 8 key-id bytes in the order the files carry them. */
export interface MinisignPublicKey {
  keyId: Uint8Array;
  publicKey: Uint8Array;
}

/** The secret half as OUR store keeps it (the store is encrypted already, so no scrypt layer as in minisign's file). */
export interface MinisignSecretKey extends MinisignPublicKey {
  seed: Uint8Array;
}

/** The secret key as JSON-safe text for a store column. */
export interface StoredSecretKey {
  format: 'zlagoda-minisign-1';
  keyId: string;
  publicKey: string;
  seed: string;
}

export type MinisignRefusal = 'malformed' | 'algorithm' | 'key_id' | 'signature' | 'global_signature';

export type MinisignVerdict = { ok: true; trustedComment: string; keyId: string } | { ok: false; reason: MinisignRefusal; detail: string };

export function generateKeyPair(): MinisignSecretKey {
  const { privateKey } = generateKeyPairSync('ed25519');
  const jwk = privateKey.export({ format: 'jwk' });
  return { keyId: new Uint8Array(randomBytes(KEY_ID_BYTES)), publicKey: fromBase64Url(jwk.x!), seed: fromBase64Url(jwk.d!) };
}

/**
 * minisign prints the key id as the little-endian 64-bit number its 8 bytes make, so the hex reads the bytes backwards.
 */
export function keyIdHex(keyId: Uint8Array): string {
  return Buffer.from(keyId).reverse().toString('hex').toUpperCase();
}

export function keyIdFromHex(hex: string): Uint8Array {
  if (!/^[0-9A-Fa-f]{16}$/.test(hex)) throw new Error('a key id is 16 hex digits');
  return new Uint8Array(Buffer.from(hex, 'hex').reverse());
}

/** The standard `minisign.pub` file. */
export function formatPublicKey(key: MinisignPublicKey): string {
  return `${UNTRUSTED}minisign public key ${keyIdHex(key.keyId)}\n${publicKeyBase64(key)}\n`;
}

/** The single base64 line, as `minisign -P` takes it. */
export function publicKeyBase64(key: MinisignPublicKey): string {
  return Buffer.concat([Buffer.from(PUBLIC_TAG, 'latin1'), key.keyId, key.publicKey]).toString('base64');
}

/** A `minisign.pub` file, or its bare base64 line; null when it is neither. */
export function parsePublicKey(text: string): MinisignPublicKey | null {
  const lines = text.replace(/\r?\n$/, '').split(/\r?\n/);
  let line: string | undefined;
  if (lines.length === 1) line = lines[0];
  else if (lines.length === 2 && lines[0]!.startsWith(UNTRUSTED)) line = lines[1];
  const bytes = line === undefined ? null : strictBase64(line.trim());
  if (!bytes || bytes.length !== 2 + KEY_ID_BYTES + PUBLIC_KEY_BYTES) return null;
  if (bytes.subarray(0, 2).toString('latin1') !== PUBLIC_TAG) return null;
  return { keyId: new Uint8Array(bytes.subarray(2, 10)), publicKey: new Uint8Array(bytes.subarray(10)) };
}

export function storeSecretKey(key: MinisignSecretKey): StoredSecretKey {
  return { format: 'zlagoda-minisign-1', keyId: keyIdHex(key.keyId), publicKey: Buffer.from(key.publicKey).toString('base64'), seed: Buffer.from(key.seed).toString('base64') };
}

/** Reads the stored form back and proves the seed still gives the recorded public key. */
export function loadSecretKey(stored: StoredSecretKey): MinisignSecretKey {
  if (stored.format !== 'zlagoda-minisign-1') throw new Error('unknown secret key format');
  const key = { keyId: keyIdFromHex(stored.keyId), publicKey: new Uint8Array(Buffer.from(stored.publicKey, 'base64')), seed: new Uint8Array(Buffer.from(stored.seed, 'base64')) };
  const derived = createPublicKey(privateKeyObject(key)).export({ format: 'jwk' }).x!;
  if (!Buffer.from(fromBase64Url(derived)).equals(Buffer.from(key.publicKey))) throw new Error('the secret key does not match its public key');
  return key;
}

/** For people comparing keys by eye or on paper: the key id, then a short base32 digest of the public key. */
export function fingerprint(key: MinisignPublicKey): string {
  const digest = base32(createHash('sha256').update(key.publicKey).digest().subarray(0, 10));
  return `${keyIdHex(key.keyId)} ${digest.match(/.{4}/g)!.join('-')}`;
}

/** The `.minisig` text of a prehashed signature, as `minisign -S` writes it. */
export function sign(message: Uint8Array, secret: MinisignSecretKey, trustedComment: string, untrustedComment = 'signature from zlagoda secret key'): string {
  if (/[\r\n]/.test(trustedComment) || /[\r\n]/.test(untrustedComment)) throw new Error('a comment is one line');
  if (Buffer.byteLength(trustedComment) > MAX_TRUSTED_COMMENT) throw new Error('the trusted comment is too long');
  const privateKey = privateKeyObject(secret);
  const signature = edSign(null, blake2b(message), privateKey);
  const globalSignature = edSign(null, Buffer.concat([signature, Buffer.from(trustedComment, 'utf8')]), privateKey);
  const block = Buffer.concat([Buffer.from(PREHASHED_TAG, 'latin1'), secret.keyId, signature]).toString('base64');
  return `${UNTRUSTED}${untrustedComment}\n${block}\n${TRUSTED}${trustedComment}\n${globalSignature.toString('base64')}\n`;
}

/**
 * Checks as minisign does, in its order: the algorithm, the key id, the signature over the prehash, then the global
 * signature that binds the trusted comment. Only the prehashed form is taken: every signature we make is one.
 */
export function verify(message: Uint8Array, minisigText: string, key: MinisignPublicKey): MinisignVerdict {
  const parsed = parseSignature(minisigText);
  if (typeof parsed === 'string') return { ok: false, reason: 'malformed', detail: parsed };
  if (parsed.algorithm !== PREHASHED_TAG) {
    return { ok: false, reason: 'algorithm', detail: parsed.algorithm === LEGACY_TAG ? 'legacy (not prehashed) signature' : 'unknown algorithm' };
  }
  if (!Buffer.from(parsed.keyId).equals(Buffer.from(key.keyId))) {
    return { ok: false, reason: 'key_id', detail: `signed by ${keyIdHex(parsed.keyId)}, expected ${keyIdHex(key.keyId)}` };
  }
  const publicKey = publicKeyObject(key);
  if (!edVerify(null, blake2b(message), publicKey, parsed.signature)) return { ok: false, reason: 'signature', detail: 'the signature does not match the file' };
  const global = Buffer.concat([parsed.signature, Buffer.from(parsed.trustedComment, 'utf8')]);
  if (!edVerify(null, global, publicKey, parsed.globalSignature)) return { ok: false, reason: 'global_signature', detail: 'the trusted comment was altered' };
  return { ok: true, trustedComment: parsed.trustedComment, keyId: keyIdHex(parsed.keyId) };
}

export interface ParsedSignature {
  algorithm: string;
  keyId: Uint8Array;
  signature: Buffer;
  trustedComment: string;
  globalSignature: Buffer;
}

/** The four lines of a `.minisig`, or what is wrong with them. */
export function parseSignature(text: string): ParsedSignature | string {
  if (text.length > MAX_TRUSTED_COMMENT + 512) return 'too long';
  const lines = text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
  if (lines.length !== 4) return 'not four lines';
  const [untrusted, block, trusted, global] = lines as [string, string, string, string];
  if (!untrusted.startsWith(UNTRUSTED) || !trusted.startsWith(TRUSTED)) return 'comment lines missing';
  const sig = strictBase64(block);
  if (!sig || sig.length !== 2 + KEY_ID_BYTES + SIGNATURE_BYTES) return 'signature block';
  const globalSignature = strictBase64(global);
  if (!globalSignature || globalSignature.length !== SIGNATURE_BYTES) return 'global signature';
  const trustedComment = trusted.slice(TRUSTED.length);
  if (trustedComment.includes('\r')) return 'carriage return';
  return {
    algorithm: sig.subarray(0, 2).toString('latin1'),
    keyId: new Uint8Array(sig.subarray(2, 10)),
    signature: sig.subarray(10),
    trustedComment,
    globalSignature,
  };
}

function blake2b(message: Uint8Array): Buffer {
  return createHash('blake2b512').update(message).digest();
}

function privateKeyObject(key: MinisignSecretKey): KeyObject {
  return createPrivateKey({ key: { kty: 'OKP', crv: 'Ed25519', d: toBase64Url(key.seed), x: toBase64Url(key.publicKey) }, format: 'jwk' });
}

function publicKeyObject(key: MinisignPublicKey): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: toBase64Url(key.publicKey) }, format: 'jwk' });
}

/** Node's decoder skips junk silently; a signature must be exactly the canonical encoding of its bytes. */
function strictBase64(text: string): Buffer | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return null;
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : null;
}

function toBase64Url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64url');
}

function fromBase64Url(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'base64url'));
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}
