import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import canonicalize from 'canonicalize';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { describeError } from '../../src/main/cli/messages';
import { FileAttemptLog } from '../../src/main/kernel/attempts';
import { openEncrypted, type Db } from '../../src/main/store/connection';
import { deriveKey, hmacHex, seal, subkey, TEST_KDF } from '../../src/main/store/crypto';
import { storePaths } from '../../src/main/store/layout';
import { ADMIN, adminRuntime, call, cleanupTempDirs, failure, tempDir, testRuntime } from '../fixtures/store';

afterEach(cleanupTempDirs);

const TEMP = 'тимчасовий пароль 12345';
const IVAN = 'власний пароль Івана 2026';

/** Every row of every table but the audit trail, hashed: what a re-key must carry over unchanged. */
function contentHash(db: Db, except: string[] = []): string {
  const hash = createHash('sha256');
  const skip = new Set(['audit_events', 'audit_heads', 'settings', ...except]);
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((t) => t.name).filter((t) => !skip.has(t));
  for (const table of tables) hash.update(`${table}\n${JSON.stringify(db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all())}`);
  return hash.digest('hex');
}

async function withMember() {
  const rt = await adminRuntime();
  const ivan = await call(rt, 'users:add', { login: 'ivan', displayName: 'Петренко Іван', roles: ['member'], initialPassphrase: TEMP });
  await call(rt, 'session:lock', {});
  await call(rt, 'session:unlock', { login: 'ivan', passphrase: TEMP });
  await call(rt, 'session:changePassphrase', { current: TEMP, next: IVAN });
  await call(rt, 'session:lock', {});
  return { rt, ivanId: ivan.id, paths: storePaths(rt.storeDir) };
}

describe('key slots that cannot be rolled back', () => {
  it('refuses an old slot file copied back after a passphrase change (STORE_TAMPERED), changing nothing', async () => {
    const { rt, paths } = await withMember();
    const old = readFileSync(paths.slots);
    await call(rt, 'session:unlock', { login: ADMIN.login, passphrase: ADMIN.passphrase });
    await call(rt, 'session:changePassphrase', { current: ADMIN.passphrase, next: 'новий пароль після витоку 2026' });
    await call(rt, 'session:lock', {});
    writeFileSync(paths.slots, old);
    const db = readFileSync(paths.db);
    expect((await failure(rt, 'session:unlock', { login: ADMIN.login, passphrase: ADMIN.passphrase })).code).toBe('STORE_TAMPERED');
    expect(readFileSync(paths.slots).equals(old)).toBe(true);
    expect(readFileSync(paths.db).equals(db)).toBe(true);
  });

  it('removing a user rotates the data key: their old slot file opens nothing, rows carried over unchanged', async () => {
    const { rt, ivanId, paths } = await withMember();
    const old = readFileSync(paths.slots);
    await call(rt, 'session:unlock', { login: ADMIN.login, passphrase: ADMIN.passphrase });
    const store = rt.core.requireStore();
    const keyBefore = store.keyForCopy();
    const before = contentHash(store.db, ['users']);
    await call(rt, 'users:remove', { userId: ivanId });
    const after = rt.core.requireStore();
    expect(after.keyForCopy().equals(keyBefore)).toBe(false);
    expect(contentHash(after.db, ['users'])).toBe(before);
    // The removal itself is the only change: the row's removed_at.
    const removed = after.db.prepare('SELECT removed_at FROM users WHERE id = ?').get(ivanId) as { removed_at: string | null };
    expect(removed.removed_at).not.toBeNull();
    expect((await call(rt, 'audit:verify', { full: true })).status).toBe('intact');
    await call(rt, 'session:lock', {});
    // The database under the old key: nothing.
    const probe = new Database(paths.db, { readonly: true });
    probe.pragma(`cipher='sqlcipher'`);
    probe.pragma('legacy=4');
    probe.pragma(`key="x'${keyBefore.toString('hex')}'"`);
    expect(() => probe.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow();
    probe.close();
    // The removed user with the slot file from before: refused, and nothing changed.
    writeFileSync(paths.slots, old);
    expect((await failure(rt, 'session:unlock', { login: 'ivan', passphrase: IVAN })).code).toBe('STORE_TAMPERED');
    expect(readFileSync(paths.slots).equals(old)).toBe(true);
  });

  it('an admin rotates the key on demand; every remaining user still unlocks; the chain stays intact', async () => {
    const { rt, paths } = await withMember();
    await call(rt, 'session:unlock', { login: ADMIN.login, passphrase: ADMIN.passphrase });
    const before = contentHash(rt.core.requireStore().db);
    const rotated = await call(rt, 'users:rotateKey', {});
    expect(rotated.generation).toBeGreaterThan(1);
    expect(rotated.bytes).toBe(statSync(paths.db).size);
    expect(contentHash(rt.core.requireStore().db)).toBe(before);
    await call(rt, 'session:lock', {});
    await call(rt, 'session:unlock', { login: 'ivan', passphrase: IVAN });
    await call(rt, 'session:lock', {});
    await call(rt, 'session:unlock', { login: ADMIN.login, passphrase: ADMIN.passphrase });
    const report = await call(rt, 'audit:verify', { full: true });
    expect(report.status).toBe('intact');
    expect((await call(rt, 'audit:list', { limit: 50 })).rows.map((r) => r.action)).toContain('store.key_rotated');
    // The recovery key follows the rotation too.
    await call(rt, 'session:lock', {});
    expect((await call(rt, 'session:recover', { recoveryKey: rt.recoveryKey, login: ADMIN.login, newPassphrase: 'пароль після відновлення 2026' })).login).toBe(ADMIN.login);
    expect((await call(rt, 'audit:verify', { full: true })).status).toBe('intact');
  });
});

describe('open and restore refuse what is not this store', () => {
  it('a live database truncated to 0 bytes is refused as damaged, never rebuilt, and the last backup is named', async () => {
    const rt = await adminRuntime();
    const backup = join(tempDir(), 'zlagoda.zbak');
    await rt.core.backup(backup);
    await call(rt, 'session:lock', {});
    const paths = storePaths(rt.storeDir);
    truncateSync(paths.db, 0);
    const error = await failure(rt, 'session:unlock', { login: ADMIN.login, passphrase: ADMIN.passphrase });
    expect(error.code).toBe('STORE_CORRUPT');
    expect(error.details.lastBackup).toMatchObject({ path: backup });
    expect(describeError(error)).toContain(`Як відновити: «zlagoda restore --from ${backup} --store НОВИЙ-КАТАЛОГ --user ЛОГІН»`);
    expect(statSync(paths.db).size).toBe(0);
  });

  it('a database without the schema (right key, no tables) is refused too', async () => {
    const rt = await adminRuntime();
    const dek = rt.core.requireStore().keyForCopy();
    await call(rt, 'session:lock', {});
    const paths = storePaths(rt.storeDir);
    for (const file of readdirSync(rt.storeDir)) if (file.startsWith('zlagoda.db')) writeFileSync(join(rt.storeDir, file), '');
    const blank = openEncrypted(paths.db, dek, { fileMustExist: false });
    blank.close();
    expect(statSync(paths.db).size).toBeGreaterThan(0);
    expect((await failure(rt, 'session:unlock', { login: ADMIN.login, passphrase: ADMIN.passphrase })).code).toBe('STORE_CORRUPT');
  });
});

describe('set-up killed halfway', () => {
  it('leaves only a folder beside the store, which the next set-up clears', async () => {
    const rt = testRuntime();
    // What a set-up killed before its rename leaves: a half-built folder next to the (absent) store.
    const leftover = `${rt.storeDir}.creating-deadbeef`;
    mkdirSync(leftover);
    writeFileSync(join(leftover, 'zlagoda.db'), 'half a database');
    expect((await call(rt, 'session:status', {})).storeState).toBe('absent');
    await call(rt, 'session:setup', ADMIN);
    expect(existsSync(leftover)).toBe(false);
    expect(readdirSync(join(rt.storeDir, '..')).filter((n) => n.includes('.creating-'))).toEqual([]);
    await call(rt, 'session:lock', {});
    await call(rt, 'session:unlock', { login: ADMIN.login, passphrase: ADMIN.passphrase });
  });
});

describe('files and the throttle', () => {
  it('keeps the store folder 0700 and every file 0600, re-tightened at every open', async () => {
    const rt = await adminRuntime();
    await call(rt, 'session:lock', {});
    const paths = storePaths(rt.storeDir);
    chmodSync(paths.db, 0o644);
    chmodSync(paths.slots, 0o644);
    chmodSync(rt.storeDir, 0o755);
    await call(rt, 'session:unlock', { login: ADMIN.login, passphrase: ADMIN.passphrase });
    expect(statSync(rt.storeDir).mode & 0o777).toBe(0o700);
    for (const name of readdirSync(rt.storeDir)) {
      const stat = statSync(join(rt.storeDir, name));
      if (stat.isFile()) expect(stat.mode & 0o777, name).toBe(0o600);
    }
  });

  it('counts failed attempts under the user id a login belongs to, never the text typed', async () => {
    const path = join(tempDir(), 'attempts.json');
    const rt = await adminRuntime();
    await call(rt, 'session:lock', {});
    const filed = testRuntime(rt.storeDir);
    const attempts = new FileAttemptLog(path);
    (filed.core.deps as { attempts: unknown }).attempts = attempts;
    const typed = 'мій пароль 2026 у полі логіну';
    await failure(filed, 'session:unlock', { login: typed, passphrase: 'щось зовсім інше 123' });
    const text = readFileSync(path, 'utf8');
    expect(text).not.toContain(typed);
    expect(text).not.toContain('мій пароль');
    expect(Object.keys((JSON.parse(text) as { counters: object }).counters)).toEqual(['unlock:unknown']);
    await failure(filed, 'session:unlock', { login: ADMIN.login, passphrase: 'щось зовсім інше 123' });
    const adminId = (JSON.parse(readFileSync(storePaths(rt.storeDir).slots, 'utf8')) as { slots: { login: string | null; userId: string }[] }).slots.find((s) => s.login === ADMIN.login)!.userId;
    expect(Object.keys((JSON.parse(readFileSync(path, 'utf8')) as { counters: object }).counters).sort()).toEqual([`unlock:${adminId}`, 'unlock:unknown']);
    // A counter file of an older version, keyed by the text as typed, loses those keys at the next start.
    writeFileSync(path, JSON.stringify({ counters: { [`unlock:${typed}`]: { failures: 3, lastFailureAt: 1 } }, pending: [] }));
    new FileAttemptLog(path);
    expect(readFileSync(path, 'utf8')).not.toContain(typed);
  });

  it('restore tries passphrases under the same throttle as an unlock', async () => {
    const rt = await adminRuntime();
    const backup = join(tempDir(), 'zlagoda.zbak');
    await rt.core.backup(backup);
    rt.core.close();
    const target = testRuntime(join(tempDir(), 'restored'), rt.clock);
    const codes: string[] = [];
    for (let i = 0; i < 7; i++) {
      const error = await target.core.restore(backup, ADMIN.login, `неправильний пароль ${i} 2026`).then(
        () => null,
        (e: { code: string }) => e,
      );
      codes.push(error?.code ?? 'ok');
    }
    expect(codes.slice(0, 5)).toEqual(Array(5).fill('WRONG_CREDENTIALS'));
    expect(codes.slice(6)).toEqual(['THROTTLED']);
    expect(existsSync(target.storeDir)).toBe(false);
    // After the wait the right passphrase restores.
    rt.clock.advance(60 * 60_000);
    expect((await target.core.restore(backup, ADMIN.login, ADMIN.passphrase)).events).toBeGreaterThan(0);
  });
});

describe('stores from before users had keys', () => {
  /** Rewrites a fresh store's slot file in the first format: the passphrase wraps the data key itself. */
  async function toLegacy(dir: string, dek: Buffer, storeId: string, users: { id: string; login: string; secret: string }[]): Promise<void> {
    const slots = [];
    for (const user of users) {
      const salt = randomBytes(16);
      const kek = await deriveKey(user.secret, salt, TEST_KDF);
      const id = randomUUID();
      const sealed = seal(kek, dek, `zlagoda-slot-v1|${storeId}|${id}|user|${user.id}`);
      slots.push({ id, kind: 'user', login: user.login, userId: user.id, kdf: TEST_KDF, salt: salt.toString('base64'), ...sealed, mustChange: false, createdAt: '2026-01-01T00:00:00.000Z' });
    }
    const mac = hmacHex(subkey(dek, 'keyslots'), canonicalize({ storeId, slots }) ?? '');
    writeFileSync(storePaths(dir).slots, JSON.stringify({ format: 'zlagoda-keyslots', version: 1, storeId, slots, mac }));
    const db = openEncrypted(storePaths(dir).db, dek);
    // Those stores had no keys and no signed heads.
    db.exec("DELETE FROM settings WHERE key IN ('keyGeneration', 'auditKey'); DROP TRIGGER user_keys_no_delete; DELETE FROM user_keys; DROP TRIGGER audit_heads_no_delete; DELETE FROM audit_heads");
    db.close();
  }

  it('upgrades each user’s slot at their next unlock; the first admin’s key becomes the root; rotation waits for the rest', async () => {
    const { rt, ivanId } = await withMember();
    await call(rt, 'session:unlock', { login: ADMIN.login, passphrase: ADMIN.passphrase });
    const store = rt.core.requireStore();
    const dek = store.keyForCopy();
    const storeId = store.storeId;
    const adminId = rt.core.session!.userId;
    // The audit key of those stores was derived from the data key at every open.
    const chainBefore = store.audit.head();
    await call(rt, 'session:lock', {});
    const db = openEncrypted(storePaths(rt.storeDir).db, dek);
    const auditKey = JSON.parse((db.prepare("SELECT value FROM settings WHERE key = 'auditKey'").get() as { value: string }).value) as string;
    db.close();
    expect(auditKey).toBe(subkey(dek, 'audit').toString('hex'));
    await toLegacy(rt.storeDir, dek, storeId, [
      { id: adminId, login: ADMIN.login, secret: ADMIN.passphrase },
      { id: ivanId, login: 'ivan', secret: IVAN },
    ]);
    await call(rt, 'session:unlock', { login: ADMIN.login, passphrase: ADMIN.passphrase });
    expect((await call(rt, 'audit:list', { limit: 10 })).rows.map((r) => r.action)).toContain('keyslots.upgraded');
    expect(rt.core.requireStore().audit.head().seq).toBeGreaterThan(chainBefore.seq);
    expect((await failure(rt, 'users:rotateKey', {})).details.logins).toBe('ivan');
    await call(rt, 'session:lock', {});
    await call(rt, 'session:unlock', { login: 'ivan', passphrase: IVAN });
    await call(rt, 'session:lock', {});
    await call(rt, 'session:unlock', { login: ADMIN.login, passphrase: ADMIN.passphrase });
    // Ivan's key vouches only for itself until an admin certifies it: saving his roles does.
    const before = await call(rt, 'audit:verify', { full: true });
    expect(before.status === 'broken' && before.issues.some((i) => i.kind === 'certificate' && i.userId === ivanId)).toBe(true);
    await call(rt, 'users:setRoles', { userId: ivanId, roles: ['member'] });
    const after = await call(rt, 'audit:verify', { full: true });
    // The events this test's store wrote before it was turned back into the old format name certificates that
    // format never had: those are the only findings left.
    expect((after.status === 'broken' ? after.issues : []).filter((i) => !(i.kind === 'certificate' && i.seq !== undefined && i.seq <= chainBefore.seq))).toEqual([]);
    await call(rt, 'users:rotateKey', {});
  });
});

describe('two processes on one store', () => {
  it('a window left open while the command line adds a user neither loses that user nor writes back an old slot file', async () => {
    const rt = await adminRuntime();
    const cli = testRuntime(rt.storeDir, rt.clock);
    await call(cli, 'session:unlock', { login: ADMIN.login, passphrase: ADMIN.passphrase });
    await call(cli, 'users:add', { login: 'petro', displayName: 'Петро Бондар', roles: ['member'], initialPassphrase: TEMP });
    cli.core.close();
    // The window, unlocked before, adds a user of its own and locks: both users stay.
    await call(rt, 'users:add', { login: 'oksana', displayName: 'Оксана Мельник', roles: ['member'], initialPassphrase: TEMP });
    await call(rt, 'session:lock', {});
    for (const login of ['petro', 'oksana']) {
      await call(rt, 'session:unlock', { login, passphrase: TEMP });
      await call(rt, 'session:lock', {});
    }
    await call(rt, 'session:unlock', { login: ADMIN.login, passphrase: ADMIN.passphrase });
    expect((await call(rt, 'audit:verify', { full: true })).status).toBe('intact');
  });
});

describe('rotation with the store open elsewhere', () => {
  it('is refused while another window or command has the store open, and goes ahead once it locks', async () => {
    const rt = await adminRuntime();
    const other = testRuntime(rt.storeDir, rt.clock);
    await call(other, 'session:unlock', { login: ADMIN.login, passphrase: ADMIN.passphrase });
    expect((await failure(rt, 'users:rotateKey', {})).code).toBe('STORE_BUSY');
    await call(other, 'session:lock', {});
    expect((await call(rt, 'users:rotateKey', {})).generation).toBeGreaterThan(1);
  });
});

describe('orphans', () => {
  it('a user slot without an active user is removed at the next unlock and audited', async () => {
    const { rt, ivanId, paths } = await withMember();
    await call(rt, 'session:unlock', { login: ADMIN.login, passphrase: ADMIN.passphrase });
    const store = rt.core.requireStore();
    // As a crash of an earlier version could leave it: the user row gone, the slot still in the file.
    store.db.prepare('UPDATE users SET removed_at = ? WHERE id = ?').run('2026-11-20T10:00:00.000Z', ivanId);
    await call(rt, 'session:lock', {});
    await call(rt, 'session:unlock', { login: ADMIN.login, passphrase: ADMIN.passphrase });
    const slots = JSON.parse(readFileSync(paths.slots, 'utf8')) as { slots: { userId: string | null }[] };
    expect(slots.slots.map((s) => s.userId)).not.toContain(ivanId);
    expect((await call(rt, 'audit:list', { limit: 10 })).rows.map((r) => r.action)).toContain('keyslots.orphan_removed');
  });
});
