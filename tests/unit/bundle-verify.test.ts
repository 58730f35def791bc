import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildBag } from '../../src/main/bundles/bagit';
import { bundleParts, makeBundle, SIGNATURE } from '../../src/main/bundles/bundle';
import type { BundleHeader } from '../../src/main/bundles/bundle-header';
import { formatPublicKey, generateKeyPair, keyIdHex, sign, type MinisignSecretKey } from '../../src/main/bundles/minisign';
import { verifyBundle, type TrustedKey } from '../../src/main/bundles/verify-bundle';
import { writeZip } from '../../src/main/bundles/zip-write';
import { seededRandom } from '../../src/shared/seeded-random';
import { dataNames, entriesOf, flipByte, tamperings } from '../fixtures/tamper';

const temps: string[] = [];
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const text = (s: string) => new TextEncoder().encode(s);

const keyA = generateKeyPair();
const keyB = generateKeyPair();
const trusted = (key: MinisignSecretKey, extra: Partial<TrustedKey> = {}): TrustedKey => ({ keyId: keyIdHex(key.keyId), publicKey: key, ...extra });

function header(key: MinisignSecretKey, overrides: Partial<BundleHeader> = {}): BundleHeader {
  return {
    oblast: 'UA53000000000000000',
    period: '2026-Q3',
    profile: 'ministry',
    generatedAt: '2026-10-01T07:30:00Z',
    softwareVersion: '0.1.0',
    auditHead: { count: 4821, hash: 'a'.repeat(64) },
    keyId: keyIdHex(key.keyId),
    ...overrides,
  };
}

function bundle(files: Map<string, Uint8Array>, key = keyA, overrides: Partial<BundleHeader> = {}): Uint8Array {
  return makeBundle({ files, secretKey: key, ...bundleParts(header(key, overrides)) });
}

const report = () =>
  new Map<string, Uint8Array>([
    ['data/report.json', text('{"applications":12,"granted":7,"refused":2}')],
    ['data/report.csv', text('section,code,value\nstatus,granted,7\n')],
    ['data/codebook/codes.csv', text('code,label\ngranted,Встановлено статус\n')],
  ]);

describe('makeBundle and verifyBundle', () => {
  it('makes byte-identical bundles from the same inputs, and verifies them', () => {
    const a = bundle(report());
    const b = bundle(new Map([...report()].reverse()));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const verdict = verifyBundle(a, [trusted(keyA)]);
    expect(verdict).toMatchObject({ ok: true, header: header(keyA), keyId: keyIdHex(keyA.keyId) });
    if (!verdict.ok) return;
    expect(verdict.trustedComment).toBe(`zlagoda-bundle|UA53000000000000000|2026-Q3|ministry|2026-10-01T07:30:00Z|4821:${'a'.repeat(64)}|${keyIdHex(keyA.keyId)}`);
    expect([...verdict.files.keys()].sort()).toEqual([...report().keys()].sort());
    expect(verdict.bagInfo.map(([label]) => label)).toEqual([
      'Zlagoda-Oblast-KATOTTG', 'Zlagoda-Period', 'Zlagoda-Profile', 'Zlagoda-Generated-At', 'Bag-Software-Agent',
      'Zlagoda-Audit-Head', 'Zlagoda-Signing-Key-Id', 'Bagging-Date', 'Payload-Oxum',
    ]);
  });

  it('refuses to make what the verifier would refuse', () => {
    const parts = bundleParts(header(keyA));
    expect(() => makeBundle({ files: new Map([['data/../x', text('x')]]), secretKey: keyA, ...parts })).toThrow();
    expect(() => makeBundle({ files: new Map([['report.json', text('x')]]), secretKey: keyA, ...parts })).toThrow();
    expect(() => makeBundle({ files: new Map([['data/CON.txt', text('x')]]), secretKey: keyA, ...parts })).toThrow();
    expect(() => makeBundle({ files: report(), secretKey: keyB, ...parts })).toThrow(/another key/);
    expect(() => makeBundle({ files: report(), secretKey: keyA, bagInfo: parts.bagInfo, trustedComment: parts.trustedComment.replace('2026-Q3', '2026-Q4') })).toThrow(/disagree/);
    expect(() => makeBundle({ files: report(), secretKey: keyA, bagInfo: parts.bagInfo, trustedComment: 'hello' })).toThrow();
    expect(() => bundle(report(), keyA, { oblast: 'Полтавська' })).toThrow();
  });

  it.skipIf(!existsSync('/usr/bin/minisign'))('is checked by stock tools alone: unzip, sha512sum -c, minisign -V', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zlagoda-bundle-'));
    temps.push(dir);
    writeFileSync(join(dir, 'bundle.zip'), bundle(report()));
    writeFileSync(join(dir, 'oblast.pub'), formatPublicKey(keyA));
    const run = (cmd: string, args: string[], cwd: string) => {
      const r = spawnSync(cmd, args, { cwd, encoding: 'utf8' });
      if (r.error) throw r.error;
      return r;
    };
    expect(run('unzip', ['-o', '-q', 'bundle.zip', '-d', 'bag'], dir).status).toBe(0);
    const bag = join(dir, 'bag');
    const payload = run('sha512sum', ['-c', '--strict', 'manifest-sha512.txt'], bag);
    expect(payload.status, payload.stderr).toBe(0);
    expect(payload.stdout.trim().split('\n')).toHaveLength(3);
    expect(run('sha512sum', ['-c', '--strict', 'tagmanifest-sha512.txt'], bag).status).toBe(0);
    const signature = run('minisign', ['-Vm', 'tagmanifest-sha512.txt', '-p', join(dir, 'oblast.pub')], bag);
    expect(signature.status, signature.stderr).toBe(0);
    expect(signature.stdout).toContain('Trusted comment: zlagoda-bundle|UA53000000000000000|2026-Q3|ministry|');
    writeFileSync(join(bag, 'data', 'report.json'), '{"applications":13}');
    expect(run('sha512sum', ['-c', '--strict', '--quiet', 'manifest-sha512.txt'], bag).status).not.toBe(0);
  });

  it('accepts 1,000 valid bundles with random payloads and headers', () => {
    const random = seededRandom(1130);
    const int = (n: number) => Math.floor(random() * n);
    for (let i = 0; i < 1000; i++) {
      const files = new Map<string, Uint8Array>();
      const count = 1 + int(5);
      for (let f = 0; f < count; f++) {
        const folder = int(3) === 0 ? `d${int(4)}/` : '';
        files.set(`data/${folder}f${f}-${int(1000)}.${['json', 'csv', 'txt', 'xml'][int(4)]}`, Uint8Array.from({ length: int(3000) }, () => int(256)));
      }
      const key = i % 2 ? keyA : keyB;
      const h = header(key, {
        period: ['2026-Q1', '2025-H2', '2024', '2026-01-01..2026-02-15'][int(4)]!,
        profile: int(2) ? 'ministry' : 'publication',
        generatedAt: new Date(Date.UTC(2025, 0, 1) + int(700) * 86_400_000 + int(86_400) * 1000).toISOString(),
        auditHead: { count: int(1_000_000), hash: Array.from({ length: 64 }, () => '0123456789abcdef'[int(16)]).join('') },
      });
      const zip = makeBundle({ files, secretKey: key, ...bundleParts(h) });
      const verdict = verifyBundle(zip, [trusted(keyA), trusted(keyB)]);
      if (!verdict.ok) throw new Error(`bundle ${i} refused: ${verdict.reason} ${verdict.detail}`);
      expect(verdict.header).toEqual(h);
      for (const [name, bytes] of files) expect(Buffer.from(verdict.files.get(name)!).equals(Buffer.from(bytes))).toBe(true);
    }
  });
});

describe('1,000 random tamperings, each refused for its specific reason', () => {
  const pool = Array.from({ length: 12 }, (_, i) => {
    const files = new Map(report());
    files.set(`data/extra-${i}.json`, text(JSON.stringify({ bundle: i, padding: 'x'.repeat(i * 37) })));
    return bundle(files, keyA, { period: `2026-Q${1 + (i % 4)}`, auditHead: { count: 100 + i, hash: String(i % 10).repeat(64) } });
  });
  const trustedA = [trusted(keyA)];

  const tampers = tamperings(pool, keyA, keyB);
  const kinds = Object.keys(tampers);

  it('all 1,000 refused, with the reason each tampering should give', () => {
    const random = seededRandom(20261130);
    const seen = new Map<string, number>();
    for (let i = 0; i < 1000; i++) {
      const kind = kinds[Math.floor(random() * kinds.length)]!;
      const base = Math.floor(random() * pool.length);
      const entries = entriesOf(pool[base]!);
      const expected = tampers[kind]!(entries, Math.floor(random() * 1_000_000), base);
      const verdict = verifyBundle(writeZip(entries), expected.keys ?? trustedA);
      if (verdict.ok || verdict.reason !== expected.reason) {
        throw new Error(`tampering ${i} (${kind}): expected ${expected.reason}, got ${verdict.ok ? 'accepted' : `${verdict.reason} ${verdict.detail}`}`);
      }
      seen.set(kind, (seen.get(kind) ?? 0) + 1);
    }
    expect(seen.size).toBe(kinds.length);
  });

  it('a flipped byte anywhere in the zip is refused, or changes nothing that was verified', () => {
    const random = seededRandom(7);
    let refused = 0;
    for (let i = 0; i < 300; i++) {
      const base = pool[i % pool.length]!;
      const original = verifyBundle(base, trustedA);
      const verdict = verifyBundle(flipByte(base, Math.floor(random() * base.length)), trustedA);
      if (!verdict.ok) {
        refused++;
        expect(typeof verdict.reason).toBe('string');
        continue;
      }
      // Only bytes no reader consults (a date field, the "version made by") may change without a refusal.
      expect(original.ok && verdict.trustedComment === original.trustedComment).toBe(true);
      for (const [name, bytes] of verdict.files) expect(original.ok && Buffer.from(original.files.get(name)!).equals(Buffer.from(bytes))).toBe(true);
    }
    expect(refused).toBeGreaterThan(250);
  });

  it('refuses a bundle whose bag-info is signed but disagrees with the comment, or lacks a field', () => {
    const parts = bundleParts(header(keyA));
    const lacking = parts.bagInfo.filter(([label]) => label !== 'Zlagoda-Profile');
    // Built by hand, as only a forger would: makeBundle itself refuses this.
    const e = entriesOf(bundle(report()));
    const payload = new Map(dataNames(e).map((k) => [k, e.get(k)!]));
    for (const [bagInfo, reason] of [
      [lacking, 'missing_bag_info_field'],
      [parts.bagInfo.map(([l, v]) => [l, l === 'Zlagoda-Period' ? '2026-Q4' : v] as const), 'comment_mismatch'],
    ] as const) {
      const tags = buildBag(payload, bagInfo);
      const forged = new Map([...payload, ...tags, [SIGNATURE, text(sign(tags.get('tagmanifest-sha512.txt')!, keyA, parts.trustedComment))]]);
      expect(verifyBundle(writeZip(forged), trustedA)).toMatchObject({ ok: false, reason });
    }
  });
});
