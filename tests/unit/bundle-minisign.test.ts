import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  fingerprint,
  formatPublicKey,
  generateKeyPair,
  keyIdFromHex,
  keyIdHex,
  loadSecretKey,
  parsePublicKey,
  publicKeyBase64,
  sign,
  storeSecretKey,
  verify,
} from '../../src/main/bundles/minisign';

const MINISIGN = '/usr/bin/minisign';
const hasMinisign = existsSync(MINISIGN);
const temps: string[] = [];
function temp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'zlagoda-minisign-'));
  temps.push(dir);
  return dir;
}
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const message = new TextEncoder().encode('c5b2…  bagit.txt\n');
const comment = 'zlagoda-bundle|UA53000000000000000|2026-Q3|ministry|2026-10-01T07:00:00Z|12:ab|0011223344556677';

describe('minisign keys', () => {
  it('writes the public key file minisign writes: the key id as a little-endian number, then Ed ‖ id ‖ key', () => {
    const key = generateKeyPair();
    const text = formatPublicKey(key);
    const [first, second] = text.split('\n');
    expect(first).toBe(`untrusted comment: minisign public key ${keyIdHex(key.keyId)}`);
    const raw = Buffer.from(second!, 'base64');
    expect(raw.subarray(0, 2).toString('latin1')).toBe('Ed');
    expect(raw.readBigUInt64LE(2).toString(16).toUpperCase().padStart(16, '0')).toBe(keyIdHex(key.keyId));
    expect(Buffer.from(raw.subarray(10)).equals(Buffer.from(key.publicKey))).toBe(true);
    expect(parsePublicKey(text)).toEqual({ keyId: key.keyId, publicKey: key.publicKey });
    expect(parsePublicKey(publicKeyBase64(key))).toEqual({ keyId: key.keyId, publicKey: key.publicKey });
    expect(keyIdFromHex(keyIdHex(key.keyId))).toEqual(key.keyId);
  });

  it('refuses a public key that is not one', () => {
    const key = generateKeyPair();
    const good = publicKeyBase64(key);
    expect(parsePublicKey('')).toBeNull();
    expect(parsePublicKey(good.slice(0, -4))).toBeNull();
    expect(parsePublicKey(`${good}\n${good}\n${good}`)).toBeNull();
    expect(parsePublicKey(Buffer.concat([Buffer.from('XX'), Buffer.from(good, 'base64').subarray(2)]).toString('base64'))).toBeNull();
  });

  it('keeps the secret key as JSON for the store and reads it back, refusing a seed that does not fit the key', () => {
    const key = generateKeyPair();
    const stored = JSON.parse(JSON.stringify(storeSecretKey(key)));
    const loaded = loadSecretKey(stored);
    expect(verify(message, sign(message, loaded, comment), key)).toMatchObject({ ok: true });
    const other = generateKeyPair();
    expect(() => loadSecretKey({ ...stored, seed: Buffer.from(other.seed).toString('base64') })).toThrow();
  });

  it('shows a fingerprint a person can compare: the key id and four groups of base32', () => {
    const key = generateKeyPair();
    expect(fingerprint(key)).toMatch(new RegExp(`^${keyIdHex(key.keyId)} [A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}$`));
    expect(fingerprint({ ...key, publicKey: generateKeyPair().publicKey })).not.toBe(fingerprint(key));
  });
});

describe('minisign signatures', () => {
  const key = generateKeyPair();
  const signature = sign(message, key, comment);

  it('writes the four lines of a prehashed signature', () => {
    const lines = signature.split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/^untrusted comment: /);
    expect(Buffer.from(lines[1]!, 'base64').subarray(0, 2).toString('latin1')).toBe('ED');
    expect(lines[2]).toBe(`trusted comment: ${comment}`);
    expect(lines[4]).toBe('');
    expect(verify(message, signature, key)).toEqual({ ok: true, trustedComment: comment, keyId: keyIdHex(key.keyId) });
  });

  it('names what is wrong: the file, the comment, the key id, the algorithm, the form', () => {
    const lines = signature.split('\n');
    const block = Buffer.from(lines[1]!, 'base64');
    const withBlock = (b: Buffer) => [lines[0], b.toString('base64'), lines[2], lines[3], ''].join('\n');
    expect(verify(new TextEncoder().encode('other'), signature, key)).toMatchObject({ ok: false, reason: 'signature' });
    expect(verify(message, signature.replace('2026-Q3', '2026-Q4'), key)).toMatchObject({ ok: false, reason: 'global_signature' });
    const flipped = Buffer.from(block);
    flipped[40]! ^= 1;
    expect(verify(message, withBlock(flipped), key)).toMatchObject({ ok: false, reason: 'signature' });
    const legacy = Buffer.from(block);
    legacy.write('Ed', 0, 'latin1');
    expect(verify(message, withBlock(legacy), key)).toMatchObject({ ok: false, reason: 'algorithm' });
    expect(verify(message, signature, generateKeyPair())).toMatchObject({ ok: false, reason: 'key_id' });
    expect(verify(message, signature, { keyId: key.keyId, publicKey: generateKeyPair().publicKey })).toMatchObject({ ok: false, reason: 'signature' });
    expect(verify(message, signature.replace('untrusted', 'Untrusted'), key)).toMatchObject({ ok: false, reason: 'malformed' });
    expect(verify(message, `${signature}extra\n`, key)).toMatchObject({ ok: false, reason: 'malformed' });
    expect(verify(message, withBlock(block.subarray(0, 70)), key)).toMatchObject({ ok: false, reason: 'malformed' });
    expect(verify(message, signature.replace(lines[3]!, `${lines[3]!.slice(0, -2)}A=`), key)).toMatchObject({ ok: false });
  });

  it('refuses a comment of two lines', () => {
    expect(() => sign(message, key, 'one\ntwo')).toThrow();
  });
});

describe.skipIf(!hasMinisign)(`interoperability with ${MINISIGN}${hasMinisign ? '' : ' (skipped: minisign is not installed; CI installs it)'}`, () => {
  it('minisign -V accepts what we sign, and refuses it tampered', () => {
    const dir = temp();
    const key = generateKeyPair();
    writeFileSync(join(dir, 'oblast.pub'), formatPublicKey(key));
    writeFileSync(join(dir, 'file.txt'), message);
    writeFileSync(join(dir, 'file.txt.minisig'), sign(message, key, comment));
    const ok = spawnSync(MINISIGN, ['-Vm', join(dir, 'file.txt'), '-p', join(dir, 'oblast.pub')], { encoding: 'utf8' });
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain(`Trusted comment: ${comment}`);
    const prehashed = spawnSync(MINISIGN, ['-H', '-Vm', join(dir, 'file.txt'), '-p', join(dir, 'oblast.pub')], { encoding: 'utf8' });
    expect(prehashed.status).toBe(0);
    writeFileSync(join(dir, 'file.txt'), Buffer.concat([Buffer.from(message), Buffer.from('x')]));
    expect(spawnSync(MINISIGN, ['-Vm', join(dir, 'file.txt'), '-p', join(dir, 'oblast.pub')]).status).not.toBe(0);
    writeFileSync(join(dir, 'file.txt'), message);
    writeFileSync(join(dir, 'file.txt.minisig'), sign(message, key, comment).replace('2026-Q3', '2026-Q4'));
    expect(spawnSync(MINISIGN, ['-Vm', join(dir, 'file.txt'), '-p', join(dir, 'oblast.pub')]).status).not.toBe(0);
  });

  it('we accept what minisign -S signs with a key from minisign -G -W, and refuse it tampered', () => {
    const dir = temp();
    const generated = spawnSync(MINISIGN, ['-G', '-W', '-p', join(dir, 'k.pub'), '-s', join(dir, 'k.key')], { encoding: 'utf8' });
    expect(generated.status, generated.stderr).toBe(0);
    writeFileSync(join(dir, 'f.txt'), message);
    const signed = spawnSync(MINISIGN, ['-S', '-s', join(dir, 'k.key'), '-m', join(dir, 'f.txt'), '-t', comment], { encoding: 'utf8', input: '' });
    expect(signed.status, signed.stderr).toBe(0);
    const publicKey = parsePublicKey(readFileSync(join(dir, 'k.pub'), 'utf8'))!;
    expect(readFileSync(join(dir, 'k.pub'), 'utf8').split('\n')[0]).toBe(`untrusted comment: minisign public key ${keyIdHex(publicKey.keyId)}`);
    const minisig = readFileSync(join(dir, 'f.txt.minisig'), 'utf8');
    expect(verify(message, minisig, publicKey)).toEqual({ ok: true, trustedComment: comment, keyId: keyIdHex(publicKey.keyId) });
    expect(verify(new TextEncoder().encode('changed'), minisig, publicKey)).toMatchObject({ ok: false, reason: 'signature' });
    expect(verify(message, minisig.replace('ministry', 'publication'), publicKey)).toMatchObject({ ok: false, reason: 'global_signature' });
  });
});
