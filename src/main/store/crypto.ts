import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, scrypt, timingSafeEqual, createHmac } from 'node:crypto';

/** scrypt parameters are stored with every slot so that they can be raised later without breaking old slots. */
export interface KdfParams {
  alg: 'scrypt';
  N: number;
  r: number;
  p: number;
}

/** 256 MiB, about 0.7 s on the reference machine (2 cores); see `npm run bench`. */
export const PRODUCTION_KDF: KdfParams = { alg: 'scrypt', N: 2 ** 18, r: 8, p: 1 };

/** For tests only: the same code path at a cost that keeps a suite of hundreds of unlocks fast. */
export const TEST_KDF: KdfParams = { alg: 'scrypt', N: 2 ** 10, r: 8, p: 1 };

export function deriveKey(secret: string, salt: Buffer, params: KdfParams): Promise<Buffer> {
  const maxmem = 128 * params.N * params.r * params.p + 32 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    // NFC so that the same passphrase typed on another keyboard layout derives the same key.
    scrypt(secret.normalize('NFC'), salt, 32, { N: params.N, r: params.r, p: params.p, maxmem }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

export interface Sealed {
  nonce: string;
  ct: string;
  tag: string;
}

export function seal(key: Buffer, plaintext: Buffer, aad: string): Sealed {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ct = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { nonce: nonce.toString('base64'), ct: ct.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
}

/** Returns null when the key is wrong or anything was altered: GCM cannot tell the two apart. */
export function open(key: Buffer, sealed: Sealed, aad: string): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.nonce, 'base64'));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(sealed.ct, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

export function subkey(dek: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', dek, Buffer.alloc(0), `zlagoda/${purpose}`, 32));
}

export function hmacHex(key: Buffer, data: string): string {
  return createHmac('sha256', key).update(data, 'utf8').digest('hex');
}

export function equalHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

const BASE32 = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** 32 symbols of a 32-letter alphabet without look-alikes: 160 bits, read out in groups of four. */
export function newRecoveryKey(): string {
  const bytes = randomBytes(32);
  let out = '';
  for (let i = 0; i < 32; i++) out += BASE32[bytes[i]! % 32];
  return out.match(/.{4}/g)!.join('-');
}

/** Accepts the key as typed: any case, with or without spaces and dashes. */
export function normalizeRecoveryKey(input: string): string {
  const cleaned = input.toUpperCase().replace(/[\s-]/g, '');
  return cleaned.match(/.{1,4}/g)?.join('-') ?? '';
}

export function wipe(buffer: Buffer | null | undefined): void {
  buffer?.fill(0);
}
