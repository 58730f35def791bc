import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleParts, makeBundle } from '../../src/main/bundles/bundle';
import { formatPublicKey, generateKeyPair, keyIdHex } from '../../src/main/bundles/minisign';
import { readZip } from '../../src/main/bundles/zip-read';
import { writeZip } from '../../src/main/bundles/zip-write';
import { hostileZips } from '../fixtures/hostile-zips';
import { buildCommand, runCommand } from '../fixtures/cli';

/** The real command in its own process, as a recipient's script runs it: no store, no passphrase. */
let dir: string;

function zlagoda(args: string[]) {
  return runCommand(dir, args, { cwd: dir });
}

const key = generateKeyPair();
const keyId = keyIdHex(key.keyId);
const files = new Map([['data/report.json', new TextEncoder().encode('{"applications":12}')]]);
const zip = makeBundle({
  files,
  secretKey: key,
  ...bundleParts({ oblast: 'UA53000000000000000', period: '2026-Q3', profile: 'ministry', generatedAt: '2026-10-01T07:30:00Z', softwareVersion: '0.1.0', auditHead: { count: 7, hash: 'b'.repeat(64) }, keyId }),
});

beforeAll(() => {
  buildCommand();
  dir = mkdtempSync(join(tmpdir(), 'zlagoda-verify-'));
  writeFileSync(join(dir, 'oblast.pub'), formatPublicKey(key));
  writeFileSync(join(dir, 'other.pub'), formatPublicKey(generateKeyPair()));
  writeFileSync(join(dir, 'bundle.zip'), zip);
  const entries = (readZip(zip, { allow: () => true }) as { entries: Map<string, Uint8Array> }).entries;
  entries.set('data/report.json', new TextEncoder().encode('{"applications":13}'));
  writeFileSync(join(dir, 'tampered.zip'), writeZip(entries));
  writeFileSync(join(dir, 'slip.zip'), hostileZips().find((c) => c.reason === 'dot_segment')!.bytes);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('zlagoda verify', () => {
  it('exit 0 and one line naming the oblast, period and key for a valid bundle', () => {
    const run = zlagoda(['verify', 'bundle.zip', '--pubkey', 'oblast.pub']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(`Пакет дійсний: область UA53000000000000000, період 2026-Q3, профіль ministry, сформовано 2026-10-01T07:30:00Z, ключ ${keyId}, файлів даних — 1.`);
  });

  it('exit 1 with the first reason in Ukrainian for a tampered bundle, a stranger\'s key, a hostile archive', () => {
    const tampered = zlagoda(['verify', 'tampered.zip', '--pubkey', 'oblast.pub']);
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toMatch(/^zlagoda: Пакет недійсний: файл даних змінено .*\[payload_hash_mismatch: data\/report\.json\]\.$/);
    const stranger = zlagoda(['verify', 'bundle.zip', '--pubkey', 'other.pub']);
    expect(stranger.code).toBe(1);
    expect(stranger.stderr).toContain('ключем, якого немає серед довірених [unknown_key');
    const before = readdirSync(dir).sort();
    const slip = zlagoda(['verify', 'slip.zip', '--pubkey', 'oblast.pub']);
    expect(slip.code).toBe(1);
    expect(slip.stderr).toContain('[dot_segment: ../evil.sh]');
    expect(readdirSync(dir).sort()).toEqual(before);
    expect(tampered.stdout + stranger.stdout + slip.stdout).toBe('');
  });

  it('exit 2 when the key is not given or is not a minisign key', () => {
    expect(zlagoda(['verify', 'bundle.zip']).code).toBe(2);
    expect(zlagoda(['verify', 'bundle.zip', '--pubkey', 'bundle.zip'])).toMatchObject({ code: 2, stderr: expect.stringContaining('не є відкритим ключем minisign') });
    expect(zlagoda(['verify', 'absent.zip', '--pubkey', 'oblast.pub']).code).toBe(2);
  });
});
