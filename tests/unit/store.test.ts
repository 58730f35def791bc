import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { fingerprint, openEncrypted } from '../../src/main/store/connection';
import { storePaths } from '../../src/main/store/layout';
import { ADMIN, adminRuntime, call, cleanupTempDirs, failure, testRuntime } from '../fixtures/store';

afterEach(cleanupTempDirs);

/** Whether the file opens with this form of the key (a schema read proves it; PRAGMA key always says ok). */
function keyedOpen(path: string, keyPragma: string): boolean {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    db.pragma(keyPragma);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return true;
  } catch {
    return false;
  } finally {
    db.close();
  }
}

function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isFile()) files[name] = readFileSync(path).toString('base64');
  }
  return files;
}

describe('encrypted store', () => {
  it('creates a SQLCipher v4 file that is not plain SQLite and has the required pragmas', async () => {
    const rt = await adminRuntime();
    const paths = storePaths(rt.storeDir);
    const header = readFileSync(paths.db).subarray(0, 16).toString('latin1');
    expect(header).not.toBe('SQLite format 3\0');
    const db = rt.core.requireStore().db;
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('temp_store', { simple: true })).toBe(2);
    expect(db.pragma('secure_delete', { simple: true })).toBe(1);
    expect(db.pragma('cipher', { simple: true })).toBe('sqlcipher');
    expect(Number(db.pragma('legacy', { simple: true }))).toBe(4);
  });

  it('a wrong passphrase gives WRONG_CREDENTIALS and leaves every file byte-identical', async () => {
    const rt = await adminRuntime();
    await call(rt, 'session:lock', {});
    const before = snapshot(rt.storeDir);
    const error = await failure(rt, 'session:unlock', { login: ADMIN.login, passphrase: 'не той пароль зовсім' });
    expect(error.code).toBe('WRONG_CREDENTIALS');
    const unknown = await failure(rt, 'session:unlock', { login: 'nobody', passphrase: 'не той пароль зовсім' });
    expect(unknown.code).toBe('WRONG_CREDENTIALS');
    expect(snapshot(rt.storeDir)).toEqual(before);
    expect((await call(rt, 'session:status', {})).storeState).toBe('locked');
  });

  it('a raw wrong key never opens the database', async () => {
    const rt = await adminRuntime();
    await call(rt, 'session:lock', {});
    for (let i = 0; i < 20; i++) {
      const key = Buffer.alloc(32, i + 1);
      expect(() => openEncrypted(storePaths(rt.storeDir).db, key)).toThrow(/does not open/);
    }
  });

  it('opens with the data key as a raw cipher key: the hex-passphrase form no longer opens it', async () => {
    const rt = await adminRuntime();
    const paths = storePaths(rt.storeDir);
    const dek = rt.core.requireStore().keyForCopy();
    await call(rt, 'session:lock', {});
    expect(keyedOpen(paths.db, `key="x'${dek.toString('hex')}'"`)).toBe(true);
    expect(keyedOpen(paths.db, `hexkey='${dek.toString('hex')}'`)).toBe(false);
  });

  it('converts a store in the old key form at its next unlock, safely and once', async () => {
    const rt = await adminRuntime();
    await call(rt, 'users:add', { login: 'ivan', displayName: 'Петренко Іван', roles: ['member'], initialPassphrase: 'тимчасовий пароль 12345' });
    const paths = storePaths(rt.storeDir);
    const dek = rt.core.requireStore().keyForCopy();
    const before = fingerprint(rt.core.requireStore().db);
    await call(rt, 'session:lock', {});
    // The form earlier releases wrote: the hex text of the key as a passphrase, through PBKDF2.
    const db = new Database(paths.db);
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    db.pragma(`key="x'${dek.toString('hex')}'"`);
    db.pragma('journal_mode = DELETE');
    db.pragma(`hexrekey='${dek.toString('hex')}'`);
    db.pragma('journal_mode = WAL');
    db.close();
    expect(keyedOpen(paths.db, `hexkey='${dek.toString('hex')}'`)).toBe(true);
    // A crash in an earlier attempt left a half-written copy behind: it is not trusted, only replaced.
    const { writeFileSync } = await import('node:fs');
    writeFileSync(`${paths.db}.rekey`, 'half a copy');

    await call(rt, 'session:unlock', { login: ADMIN.login, passphrase: ADMIN.passphrase });
    const store = rt.core.requireStore();
    // The lock and the unlock added their events and the signed head; everything else is as it was.
    const after = fingerprint(store.db);
    expect({ ...after.tables, audit_events: 0, audit_heads: 0 }).toEqual({ ...before.tables, audit_events: 0, audit_heads: 0 });
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect((await call(rt, 'audit:verify', { full: true })).status).toBe('intact');
    await call(rt, 'session:lock', {});
    expect(keyedOpen(paths.db, `key="x'${dek.toString('hex')}'"`)).toBe(true);
    expect(keyedOpen(paths.db, `hexkey='${dek.toString('hex')}'`)).toBe(false);
    expect(readdirSync(rt.storeDir).filter((n) => n.includes('rekey'))).toEqual([]);
  });

  it('keeps planted Ukrainian strings out of the database, WAL and key-slot files', async () => {
    const rt = await adminRuntime();
    const canaries = ['Мар’яна Шевченко-Канарка', 'Кравчук Тарас Богданович', 'АА 123456 канарка'];
    for (const [i, name] of canaries.entries()) {
      await call(rt, 'users:add', { login: `canary${i}`, displayName: name, roles: ['member'], initialPassphrase: 'тимчасовий пароль 12345' });
    }
    const paths = storePaths(rt.storeDir);
    const files = [paths.db, paths.wal, paths.slots].filter((f) => existsSync(f));
    expect(files).toContain(paths.wal);
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const canary of canaries) {
        expect(bytes.includes(Buffer.from(canary, 'utf8')), `${canary} in ${file}`).toBe(false);
        expect(bytes.includes(Buffer.from(canary, 'utf16le')), `${canary} (utf16) in ${file}`).toBe(false);
      }
    }
    rt.core.close();
    for (const file of [paths.db, paths.slots]) {
      const bytes = readFileSync(file);
      for (const canary of canaries) expect(bytes.includes(Buffer.from(canary, 'utf8'))).toBe(false);
    }
  });

  it('refuses to create a store where one exists, and leaves it intact', async () => {
    const rt = await adminRuntime();
    await call(rt, 'session:lock', {});
    const before = snapshot(rt.storeDir);
    const again = testRuntime(rt.storeDir);
    const error = await failure(again, 'session:setup', ADMIN);
    expect(error.code).toBe('STORE_EXISTS');
    expect(snapshot(rt.storeDir)).toEqual(before);
  });

  it('rejects a weak first passphrase before anything is written', async () => {
    const rt = testRuntime();
    const error = await failure(rt, 'session:setup', { ...ADMIN, passphrase: 'short' });
    expect(error.code).toBe('WEAK_PASSPHRASE');
    expect(error.details.problem).toBe('too_short');
    expect(existsSync(rt.storeDir)).toBe(false);
  });

  it('detects a key-slot file changed outside the app', async () => {
    const rt = await adminRuntime();
    await call(rt, 'session:lock', {});
    const path = storePaths(rt.storeDir).slots;
    const file = JSON.parse(readFileSync(path, 'utf8'));
    file.slots[0].mustChange = true;
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path, JSON.stringify(file));
    const error = await failure(rt, 'session:unlock', { login: ADMIN.login, passphrase: ADMIN.passphrase });
    expect(error.code).toBe('STORE_TAMPERED');
  });
});
