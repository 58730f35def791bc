import { afterAll, describe, expect, it } from 'vitest';
import { generateKeyPair, keyIdHex, type MinisignSecretKey } from '../../src/main/bundles/minisign';
import type { TrustedKey } from '../../src/main/bundles/verify-bundle';
import { writeZip } from '../../src/main/bundles/zip-write';
import { receive, type RegisteredKey } from '../../src/main/features/inbox/inbox.check';
import { seededRandom } from '../../src/shared/seeded-random';
import { base64, KYIV, POLTAVA, registerKey, senderBundle } from '../fixtures/inbox';
import { becomeReportingOfficer } from '../fixtures/reports';
import { adminRuntime, call, cleanupTempDirs } from '../fixtures/store';
import { entriesOf, tamperings } from '../fixtures/tamper';

afterAll(cleanupTempDirs);

/**
 * security.md S1 and S5 on the recipient's side: every random tampering of a valid bundle is refused by the same
 * function the import calls (1,000 in memory) and through the channel itself (a sample), and valid bundles are all
 * accepted. A tampering the verifier refuses for a specific reason must reach the recipient with that reason.
 */

const keyA = generateKeyPair();
const keyB = generateKeyPair();
const registered = (key: MinisignSecretKey, sender = POLTAVA.code, extra: Partial<TrustedKey> = {}): RegisteredKey => ({ keyId: keyIdHex(key.keyId), publicKey: key, sender, ...extra });
const register = [registered(keyA), registered(keyB, KYIV.code)];
// Quarters of 2026 in the ministry profile, as the tamperings of the trusted comment expect.
const pool = Array.from({ length: 12 }, (_, i) => senderBundle(keyA, { period: `2026-Q${1 + (i % 4)}`, seed: 50 + i, generatedAt: `2026-10-${String(1 + i).padStart(2, '0')}T08:00:00Z` }));
const tampers = tamperings(pool, keyA, keyB);
const kinds = Object.keys(tampers);
const nothingBefore = () => [];

/** A tampering's key list as the recipient holds it: each key with its sender. Key B is Kyiv's, never Poltava's. */
const asRegister = (keys: TrustedKey[]): RegisteredKey[] => keys.map((k) => ({ ...k, sender: k.keyId === keyIdHex(keyB.keyId) ? KYIV.code : POLTAVA.code }));

function tampered(random: () => number): { kind: string; zip: Uint8Array; reason: string; keys: RegisteredKey[] } {
  const kind = kinds[Math.floor(random() * kinds.length)]!;
  const base = Math.floor(random() * pool.length);
  const entries = entriesOf(pool[base]!);
  const expected = tampers[kind]!(entries, Math.floor(random() * 1_000_000), base);
  return { kind, zip: writeZip(entries), reason: expected.reason, keys: expected.keys ? asRegister(expected.keys) : register };
}

describe('the recipient and tampered bundles', () => {
  it('accepts every bundle of the pool untouched, and 100 valid bundles of random senders, periods and times', () => {
    const statuses = pool.map((bytes, i) => receive([{ id: `p${i}`, name: `p${i}.zip`, bytes }], register, nothingBefore).decisions[0]!.status);
    expect(statuses).toEqual(pool.map(() => 'accepted'));
    const random = seededRandom(4242);
    const files = Array.from({ length: 100 }, (_, i) => {
      const own = i % 2 === 0;
      const bytes = senderBundle(own ? keyA : keyB, {
        sender: own ? POLTAVA : KYIV,
        period: `${2000 + i}-Q${1 + Math.floor(random() * 4)}`,
        profile: random() < 0.5 ? 'ministry' : 'publication',
        seed: 1 + Math.floor(random() * 1000),
        generatedAt: new Date(Date.UTC(2026, 0, 1) + Math.floor(random() * 300) * 86_400_000).toISOString().replace('.000', ''),
      });
      return { id: `v${i}`, name: `v${i}.zip`, bytes };
    });
    const valid = receive(files, register, nothingBefore).decisions;
    const refused = valid.filter((d) => d.status !== 'accepted').map((d) => `${d.name}: ${d.reason} ${d.detail}`);
    expect(refused).toEqual([]);
  });

  it('refuses all 1,000 random tamperings, each with the reason the verifier gives', () => {
    const random = seededRandom(20261130);
    const seen = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      const t = tampered(random);
      const { decisions } = receive([{ id: `t${i}`, name: `t${i}.zip`, bytes: t.zip }], t.keys, nothingBefore);
      const d = decisions[0]!;
      if (d.status !== 'invalid' || d.reason !== t.reason) throw new Error(`tampering ${i} (${t.kind}): expected ${t.reason}, got ${d.status} ${d.reason} ${d.detail}`);
      expect(d.report).toBeNull();
      seen.add(t.kind);
    }
    expect(seen.size).toBe(kinds.length);
  });

  it('refuses tamperings through inbox:import too, records each, and keeps no report from them', async () => {
    const rt = await adminRuntime();
    await becomeReportingOfficer(rt);
    await registerKey(rt, keyA, POLTAVA, '2020-01-01T00:00:00Z');
    await registerKey(rt, keyB, KYIV, '2020-01-01T00:00:00Z');
    const random = seededRandom(77);
    const sample = Array.from({ length: 40 }, () => tampered(random)).filter((t) => t.keys === register).slice(0, 20);
    expect(sample.length).toBe(20);
    const result = await call(rt, 'inbox:import', { files: sample.map((t, i) => ({ name: `t${i}.zip`, data: base64(t.zip) })) });
    expect(result.files.map((f) => f.reason)).toEqual(sample.map((t) => t.reason));
    expect(result).toMatchObject({ accepted: 0, invalid: 20 });
    const db = rt.core.requireStore().db;
    expect(db.prepare("SELECT count(*) FROM received_bundles WHERE status = 'invalid' AND report_json IS NULL").pluck().get()).toBe(20);
    // The untouched originals are still accepted afterwards: a refusal does not count as having received a bundle.
    const originals = await call(rt, 'inbox:import', { files: pool.slice(0, 4).map((b, i) => ({ name: `o${i}.zip`, data: base64(b) })) });
    expect(originals.accepted).toBe(4);
  });
});
