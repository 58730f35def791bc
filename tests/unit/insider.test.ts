import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import canonicalize from 'canonicalize';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChainReport } from '../../src/shared/domain/audit';
import { entryHash, GENESIS_HASH, type AuditRow } from '../../src/main/store/audit-chain';
import { openEncrypted, type Db } from '../../src/main/store/connection';
import { hmacHex, subkey } from '../../src/main/store/crypto';
import { storePaths } from '../../src/main/store/layout';
import { unlockStore } from '../../src/main/store/store';
import { signHead } from '../../src/main/store/witness';
import { ADMIN, adminRuntime, call, cleanupTempDirs, tempDir, testEnv, testRuntime } from '../fixtures/store';
import { seededRandom } from '../../src/shared/seeded-random';

/**
 * The attacks the audit log exists for: a signed-in user holding the data key (here a `member`) rewrites the
 * chain with the project's own modules, re-hashing and re-MACing every event from the edit to the head and
 * signing the result with their own key. Another user's signed heads and the head that user saw last must
 * expose it, naming where.
 */

const TEMP = 'тимчасовий пароль 12345';
const IVAN = 'власний пароль Івана 2026';

type Row = AuditRow;

let base: string;
let olenaId: string;
let ivanId: string;

/** A store where the admin worked and locked (signing the head and keeping it as seen), then the member did. */
beforeAll(async () => {
  const rt = await adminRuntime();
  olenaId = rt.core.session!.userId;
  const ivan = await call(rt, 'users:add', { login: 'ivan', displayName: 'Петренко Іван', roles: ['member'], initialPassphrase: TEMP });
  ivanId = ivan.id;
  for (let i = 0; i < 25; i++) await call(rt, 'organisations:save', { name: `Громадська організація «Надія ${i}»`, type: 'ngo', katottg: '' });
  await call(rt, 'session:lock', {});
  await call(rt, 'session:unlock', { login: 'ivan', passphrase: TEMP });
  await call(rt, 'session:changePassphrase', { current: TEMP, next: IVAN });
  await call(rt, 'organisations:list', {});
  await call(rt, 'session:lock', {});
  base = rt.storeDir;
}, 60_000);

afterAll(cleanupTempDirs);

function copyOfBase(): string {
  const dir = join(tempDir('zlagoda-insider-'), 'store');
  cpSync(base, dir, { recursive: true });
  return dir;
}

/** What the member can do with their own passphrase: the data key, their own signing key. */
async function asMember(dir: string): Promise<{ db: Db; macKey: Buffer; storeId: string; sign: import('node:crypto').KeyObject }> {
  const { store, opened } = await unlockStore(dir, 'ivan', IVAN, testEnv());
  const dek = store.keyForCopy();
  const storeId = store.storeId;
  store.close();
  const db = openEncrypted(storePaths(dir).db, dek);
  const macKey = Buffer.from(JSON.parse((db.prepare("SELECT value FROM settings WHERE key = 'auditKey'").get() as { value: string }).value) as string, 'hex');
  return { db, macKey, storeId, sign: opened.keys!.sign };
}

/** Rewrites the whole chain as `mutate` returns it, with fresh hashes and MACs, and signs the new head as the member. */
function rewrite(attacker: Awaited<ReturnType<typeof asMember>>, mutate: (rows: Row[]) => Row[], options: { dropHeadsAbove?: number } = {}): void {
  const { db, macKey } = attacker;
  const rows = (db.prepare('SELECT * FROM audit_events ORDER BY seq').all() as Row[]).map((r) => ({ ...r }));
  const next = mutate(rows);
  db.exec('DROP TRIGGER IF EXISTS audit_events_no_update; DROP TRIGGER IF EXISTS audit_events_no_delete; DROP TRIGGER IF EXISTS audit_heads_no_delete; DELETE FROM audit_events');
  if (options.dropHeadsAbove !== undefined) db.prepare('DELETE FROM audit_heads WHERE seq > ?').run(options.dropHeadsAbove);
  const insert = db.prepare(
    'INSERT INTO audit_events (seq, ts, actor_id, action, entity, entity_id, details, workstation, prev_hash, hash, mac) VALUES (@seq, @ts, @actor_id, @action, @entity, @entity_id, @details, @workstation, @prev_hash, @hash, @mac)',
  );
  let prev = GENESIS_HASH;
  next.forEach((row, index) => {
    row.seq = index + 1;
    row.prev_hash = prev;
    row.hash = entryHash(prev, row);
    row.mac = hmacHex(macKey, row.hash);
    insert.run(row);
    prev = row.hash;
  });
  signHead(db, attacker.storeId, { userId: ivanId, sign: attacker.sign }, { seq: next.length, hash: prev }, new Date('2026-11-21T10:00:00Z'));
  db.close();
}

/** The admin's own check after the fact: unlock (which compares the head she saw last) and verify the whole chain. */
async function adminVerifies(dir: string): Promise<{ report: ChainReport; actions: string[] }> {
  const rt = testRuntime(dir);
  await call(rt, 'session:unlock', { login: ADMIN.login, passphrase: ADMIN.passphrase });
  const report = await call(rt, 'audit:verify', { full: true });
  const page = await call(rt, 'audit:list', { limit: 20 });
  rt.core.close();
  return { report, actions: page.rows.map((r) => r.action) };
}


type Kind = 'change' | 'delete' | 'reorder' | 'insert';

describe('the audit log against an insider holding the data key', () => {

  it('an untouched chain verifies intact for every user: no false alarm', async () => {
    for (let i = 0; i < 3; i++) {
      const { report } = await adminVerifies(copyOfBase());
      expect(report.status).toBe('intact');
      expect(report.heads).toBeGreaterThanOrEqual(2);
    }
  });

  it('reports 100 random rewrites of the admin’s events (change, delete, reorder, insert) by the member, naming the range', async () => {
    const next = seededRandom(20261129);
    const kinds: Kind[] = ['change', 'delete', 'reorder', 'insert'];
    let detected = 0;
    for (let trial = 0; trial < 100; trial++) {
      const kind = kinds[trial % kinds.length]!;
      const dir = copyOfBase();
      const attacker = await asMember(dir);
      const signed = (attacker.db.prepare('SELECT max(seq) AS s FROM audit_heads WHERE user_id = ?').get(olenaId) as { s: number }).s;
      // An event of the admin's, below the head she signed.
      const own = (attacker.db.prepare('SELECT seq FROM audit_events WHERE actor_id = ? AND seq < ? ORDER BY seq').all(olenaId, signed) as { seq: number }[]).map((r) => r.seq);
      const target = own[Math.floor(next() * own.length)]!;
      rewrite(attacker, (rows) => {
        const index = target - 1;
        if (kind === 'change') rows[index]!.details = JSON.stringify({ forged: trial });
        if (kind === 'delete') rows.splice(index, 1);
        if (kind === 'reorder') [rows[index], rows[index + 1]] = [rows[index + 1]!, rows[index]!];
        if (kind === 'insert') rows.splice(index, 0, { ...rows[index]!, action: 'user.removed', details: '{}' });
        return rows;
      });
      const { report } = await adminVerifies(dir);
      expect(report.status, `${kind} at ${target}`).toBe('broken');
      if (report.status !== 'broken') continue;
      const named = report.issues.find((i) => i.kind === 'rewritten' && i.userId === olenaId);
      expect(named, `${kind} at ${target}`).toBeDefined();
      // The range names the first changed event: after her last head that still holds, up to the one that broke.
      expect(named!.seq!).toBeLessThanOrEqual(target);
      expect(named!.to!).toBeGreaterThanOrEqual(target);
      detected += 1;
    }
    expect(detected).toBe(100);
  }, 240_000);

  it('reports a cut below the head the admin saw last, even with her signed heads deleted too', async () => {
    const next = seededRandom(7);
    for (let trial = 0; trial < 10; trial++) {
      const dir = copyOfBase();
      const attacker = await asMember(dir);
      const count = (attacker.db.prepare('SELECT count(*) AS n FROM audit_events').get() as { n: number }).n;
      const seen = (attacker.db.prepare('SELECT max(seq) AS s FROM audit_heads WHERE user_id = ?').get(olenaId) as { s: number }).s;
      const cut = 5 + Math.floor(next() * (seen - 6));
      expect(cut).toBeLessThan(seen);
      expect(count).toBeGreaterThan(seen);
      rewrite(attacker, (rows) => rows.slice(0, cut), { dropHeadsAbove: cut });
      const { report, actions } = await adminVerifies(dir);
      expect(report.status).toBe('broken');
      if (report.status !== 'broken') continue;
      expect(report.issues).toContainEqual(expect.objectContaining({ kind: 'seen', seq: seen }));
      // The unlock itself noticed and wrote it into the chain.
      expect(actions).toContain('audit.seen_missing');
    }
  }, 120_000);

  it('reports a head signed in the admin’s name by someone else, and a key the admin never certified', async () => {
    const dir = copyOfBase();
    const attacker = await asMember(dir);
    // A forged head in her name (signed with the member's key) and the member's key swapped in as hers.
    signHead(attacker.db, attacker.storeId, { userId: olenaId, sign: attacker.sign }, { seq: 3, hash: (attacker.db.prepare('SELECT hash FROM audit_events WHERE seq = 3').get() as { hash: string }).hash }, new Date());
    attacker.db.close();
    const { report } = await adminVerifies(dir);
    expect(report.status).toBe('broken');
    if (report.status === 'broken') expect(report.issues).toContainEqual(expect.objectContaining({ kind: 'signature', seq: 3, userId: olenaId }));

    const swapped = copyOfBase();
    const again = await asMember(swapped);
    // A new row naming the member's key as hers, "signed" by that key itself.
    const own = again.db.prepare('SELECT public_key, certificate FROM user_keys WHERE user_id = ? ORDER BY id DESC LIMIT 1').get(ivanId) as { public_key: string; certificate: string };
    again.db
      .prepare('INSERT INTO user_keys (user_id, public_key, issuer_key, may_certify, certificate, created_at) VALUES (?, ?, ?, 1, ?, ?)')
      .run(olenaId, own.public_key, own.public_key, own.certificate, '2026-11-21T10:00:00.000Z');
    again.db.close();
    const after = await adminVerifies(swapped);
    expect(after.actions).toContain('audit.key_mismatch');
    expect(after.report.status).toBe('broken');
    if (after.report.status === 'broken') expect(after.report.issues).toContainEqual(expect.objectContaining({ kind: 'certificate', userId: olenaId }));
  }, 60_000);
});

describe('certificates and the seen head over a store’s ordinary life', () => {

  it('no false alarm after the root admin changes her own roles, another admin demotes her, and a recovery', async () => {
    const rt = await adminRuntime();
    const olena = rt.core.session!.userId;
    const petro = await call(rt, 'users:add', { login: 'petro', displayName: 'Петро Бондар', roles: ['admin'], initialPassphrase: TEMP });
    await call(rt, 'users:add', { login: 'maria', displayName: 'Марія Коваль', roles: ['member'], initialPassphrase: TEMP });
    await call(rt, 'users:setRoles', { userId: olena, roles: ['admin', 'auditor'] });
    await call(rt, 'session:lock', {});
    await call(rt, 'session:unlock', { login: 'petro', passphrase: TEMP });
    await call(rt, 'session:changePassphrase', { current: TEMP, next: IVAN });
    await call(rt, 'users:setRoles', { userId: olena, roles: ['auditor'] });
    await call(rt, 'session:lock', {});
    await call(rt, 'session:unlock', { login: 'maria', passphrase: TEMP });
    await call(rt, 'session:changePassphrase', { current: TEMP, next: 'пароль Марії на весь рік' });
    await call(rt, 'session:lock', {});
    await call(rt, 'session:unlock', { login: 'petro', passphrase: IVAN });
    expect(await call(rt, 'audit:verify', { full: true })).toMatchObject({ status: 'intact' });
    await call(rt, 'session:lock', {});
    await call(rt, 'session:recover', { recoveryKey: rt.recoveryKey, login: 'petro', newPassphrase: 'пароль Петра після відновлення' });
    expect(await call(rt, 'audit:verify', { full: true })).toMatchObject({ status: 'intact' });
    expect(petro.id).toBeTruthy();
  });

  it('reports a seen record erased from the admin’s slot, a key planted for her before a change of roles, and a deleted demotion', async () => {
    const dir = copyOfBase();
    const slotsPath = storePaths(dir).slots;
    const attacker = await asMember(dir);
    // 1. Her "seen" erased; the file re-MACed with the data key.
    const file = JSON.parse(readFileSync(slotsPath, 'utf8')) as { storeId: string; generation: number; slots: { userId: string | null; seen: unknown }[]; mac: string };
    for (const slot of file.slots) if (slot.userId === olenaId) slot.seen = null;
    const { store } = await unlockStore(dir, 'ivan', IVAN, testEnv());
    const dek = store.keyForCopy();
    store.close();
    file.mac = hmacHex(subkey(dek, 'keyslots'), canonicalize({ storeId: file.storeId, generation: file.generation, slots: file.slots }) ?? '');
    writeFileSync(slotsPath, JSON.stringify(file));
    // 2. A key of the member's, planted as hers.
    const member = attacker.db.prepare('SELECT public_key FROM user_keys WHERE user_id = ? ORDER BY id DESC LIMIT 1').get(ivanId) as { public_key: string };
    attacker.db.prepare("INSERT INTO user_keys (user_id, public_key, issuer_key, may_certify, certificate, created_at) VALUES (?, ?, ?, 1, 'x', '2026-11-21T10:00:00.000Z')").run(olenaId, member.public_key, member.public_key);
    attacker.db.close();
    const rt = testRuntime(dir);
    await call(rt, 'session:unlock', { login: ADMIN.login, passphrase: ADMIN.passphrase });
    const report = await call(rt, 'audit:verify', { full: true });
    expect(report.status === 'broken' && report.issues.map((i) => i.kind)).toEqual(expect.arrayContaining(['unseen', 'certificate']));
    // Saving her roles certifies the key that stands, never the planted newer row.
    await call(rt, 'users:setRoles', { userId: olenaId, roles: ['admin'] });
    const certified = rt.core.requireStore().db.prepare('SELECT public_key FROM user_keys WHERE user_id = ? ORDER BY id DESC LIMIT 1').get(olenaId) as { public_key: string };
    expect(certified.public_key).not.toBe(member.public_key);
    // 3. An admin demoted, who then deletes the certificate that demoted them: the audit event still names it.
    await call(rt, 'users:setRoles', { userId: ivanId, roles: ['admin'] });
    await call(rt, 'users:setRoles', { userId: ivanId, roles: ['member'] });
    const db = rt.core.requireStore().db;
    db.exec('DROP TRIGGER user_keys_no_delete');
    db.prepare('DELETE FROM user_keys WHERE id = (SELECT max(id) FROM user_keys WHERE user_id = ?)').run(ivanId);
    const after = await call(rt, 'audit:verify', { full: true });
    expect(after.status === 'broken' && after.issues.some((i) => i.kind === 'certificate' && i.seq !== undefined && i.userId === ivanId)).toBe(true);
    rt.core.close();
  });
});

describe('the verifier', () => {

  it('reports every broken event with its kind, and a clock set back as a warning, not a break', async () => {
    const rt = await adminRuntime();
    for (let i = 0; i < 4; i++) await call(rt, 'organisations:save', { name: `Організація ${i}`, type: 'ngo', katottg: '' });
    rt.clock.advance(-3 * 60 * 60_000);
    await call(rt, 'organisations:save', { name: 'Організація після переведення годинника', type: 'ngo', katottg: '' });
    const clean = await call(rt, 'audit:verify', { full: true });
    expect(clean.status).toBe('intact');
    expect(clean.warnings).toEqual([expect.objectContaining({ kind: 'clock' })]);
    // Two edits without the key: both reported, the walk goes on past the first.
    const db = rt.core.requireStore().db;
    db.exec('DROP TRIGGER audit_events_no_update');
    db.prepare("UPDATE audit_events SET details = '{\"x\":1}' WHERE seq IN (3, 6)").run();
    const report = await call(rt, 'audit:verify', { full: true });
    expect(report.status).toBe('broken');
    if (report.status === 'broken') {
      expect(report.seq).toBe(3);
      expect(report.issues.filter((i) => i.kind === 'hash').map((i) => i.seq)).toEqual([3, 6]);
    }
  });
});
