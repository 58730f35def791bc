import { createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync, sign, verify, type KeyObject } from 'node:crypto';
import { open, seal, type Sealed } from './crypto';

/**
 * A user's two key pairs. The box pair (X25519) lets anyone holding the data key wrap a new data key for every
 * user without their passphrases, which is what makes rotation possible. The signing pair (Ed25519) is what
 * makes a user a witness of the audit chain: its private half exists only inside that user's slot.
 */
export interface UserKeys {
  box: KeyObject;
  sign: KeyObject;
}

export function newUserKeys(): UserKeys {
  return { box: generateKeyPairSync('x25519').privateKey, sign: generateKeyPairSync('ed25519').privateKey };
}

export function exportPrivate(key: KeyObject): string {
  return key.export({ type: 'pkcs8', format: 'der' }).toString('base64');
}

export function importPrivate(base64: string): KeyObject {
  return createPrivateKey({ key: Buffer.from(base64, 'base64'), format: 'der', type: 'pkcs8' });
}

export function publicOf(key: KeyObject): string {
  return createPublicKey(key).export({ type: 'spki', format: 'der' }).toString('base64');
}

function importPublic(base64: string): KeyObject | null {
  try {
    return createPublicKey({ key: Buffer.from(base64, 'base64'), format: 'der', type: 'spki' });
  } catch {
    return null;
  }
}

/** A data key (or any secret) wrapped to a box public key: an ephemeral X25519 exchange, HKDF, AES-256-GCM. */
export interface Boxed extends Sealed {
  epk: string;
}

function boxKey(shared: Buffer, aad: string): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, Buffer.alloc(0), `zlagoda/box|${aad}`, 32));
}

export function boxTo(recipient: string, plaintext: Buffer, aad: string): Boxed {
  const publicKey = importPublic(recipient);
  if (!publicKey) throw new Error('not a box public key');
  const ephemeral = generateKeyPairSync('x25519');
  const shared = diffieHellman({ privateKey: ephemeral.privateKey, publicKey });
  const key = boxKey(shared, aad);
  shared.fill(0);
  const sealed = seal(key, plaintext, aad);
  key.fill(0);
  return { epk: publicOf(ephemeral.privateKey), ...sealed };
}

/** Null when the box was not made for this key or was altered. */
export function unbox(privateKey: KeyObject, boxed: Boxed, aad: string): Buffer | null {
  const publicKey = importPublic(boxed.epk);
  if (!publicKey) return null;
  let shared: Buffer;
  try {
    shared = diffieHellman({ privateKey, publicKey });
  } catch {
    return null;
  }
  const key = boxKey(shared, aad);
  shared.fill(0);
  const plain = open(key, boxed, aad);
  key.fill(0);
  return plain;
}

export function signText(privateKey: KeyObject, message: string): string {
  return sign(null, Buffer.from(message, 'utf8'), privateKey).toString('base64');
}

/** Parsed public keys are cached: a full verification checks thousands of signatures by a handful of users. */
const parsed = new Map<string, KeyObject | null>();

export function verifyText(publicKey: string, message: string, signature: string): boolean {
  let key = parsed.get(publicKey);
  if (key === undefined) {
    key = importPublic(publicKey);
    if (parsed.size > 1000) parsed.clear();
    parsed.set(publicKey, key);
  }
  if (!key || key.asymmetricKeyType !== 'ed25519') return false;
  try {
    return verify(null, Buffer.from(message, 'utf8'), key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/** A symmetric key only the holder of this user's box key can derive: it seals what the user saw last. */
export function witnessKey(keys: UserKeys): Buffer {
  const der = keys.box.export({ type: 'pkcs8', format: 'der' });
  const key = Buffer.from(hkdfSync('sha256', der, Buffer.alloc(0), 'zlagoda/seen', 32));
  der.fill(0);
  return key;
}
