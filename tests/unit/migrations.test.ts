import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createRuntime } from '../../src/main/runtime';
import { TEST_KDF } from '../../src/main/store/crypto';
import { storePaths } from '../../src/main/store/layout';
import { ADMIN, adminRuntime, call, cleanupTempDirs, failure, MIGRATIONS, tempDir } from '../fixtures/store';

afterEach(cleanupTempDirs);

/** A copy of the real migrations plus one more, as the next release would ship it. */
function migrationsWith(sql: string): string {
  const folder = join(tempDir('zlagoda-migrations-'), 'migrations');
  cpSync(MIGRATIONS, folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
  const last = journal.entries.at(-1);
  const tag = `${String(journal.entries.length).padStart(4, '0')}_next_release`;
  journal.entries.push({ idx: journal.entries.length, version: last.version, when: last.when + 1000, tag, breakpoints: true });
  writeFileSync(journalPath, JSON.stringify(journal));
  writeFileSync(join(folder, `${tag}.sql`), sql);
  return folder;
}

function runtimeWith(storeDir: string, migrationsFolder: string) {
  return createRuntime({ storeDir, migrationsFolder, version: 'next', kdf: TEST_KDF, });
}

describe('migrations', () => {
  it('applies a new migration to a store that already has rows, after keeping an encrypted copy', async () => {
    const rt = await adminRuntime();
    await call(rt, 'users:add', { login: 'ivan', displayName: 'Петренко Іван', roles: ['member'], initialPassphrase: 'тимчасовий пароль 12345' });
    await call(rt, 'session:lock', {});
    const next = migrationsWith(
      "ALTER TABLE `users` ADD `phone` text DEFAULT '' NOT NULL;\n--> statement-breakpoint\nCREATE TABLE `notes` (`id` text PRIMARY KEY NOT NULL, `user_id` text NOT NULL REFERENCES users(id));",
    );
    const upgraded = runtimeWith(rt.storeDir, next);
    await call(upgraded, 'session:unlock', { login: ADMIN.login, passphrase: ADMIN.passphrase });
    const store = upgraded.core.requireStore();
    expect(store.migration.applied).toBe(1);
    expect(store.migration.backupPath).not.toBeNull();
    expect(readFileSync(store.migration.backupPath!).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    const rows = store.db.prepare('SELECT login, phone FROM users ORDER BY login').all();
    expect(rows).toEqual([
      { login: 'ivan', phone: '' },
      { login: 'olena', phone: '' },
    ]);
    expect((await call(upgraded, 'audit:verify', {})).status).toBe('intact');
    const shipped = JSON.parse(readFileSync(join(MIGRATIONS, 'meta', '_journal.json'), 'utf8')).entries.length;
    expect((await call(upgraded, 'about:get', {})).schemaVersion).toBe(shipped + 1);
  });

  it('refuses a store written by a newer app and leaves it unchanged', async () => {
    const rt = await adminRuntime();
    await call(rt, 'session:lock', {});
    const next = migrationsWith('CREATE TABLE `later` (`id` text PRIMARY KEY NOT NULL);');
    const upgraded = runtimeWith(rt.storeDir, next);
    await call(upgraded, 'session:unlock', { login: ADMIN.login, passphrase: ADMIN.passphrase });
    await call(upgraded, 'session:lock', {});
    const before = readFileSync(storePaths(rt.storeDir).db);
    const error = await failure(rt, 'session:unlock', { login: ADMIN.login, passphrase: ADMIN.passphrase });
    expect(error.code).toBe('STORE_TOO_NEW');
    expect(readFileSync(storePaths(rt.storeDir).db).equals(before)).toBe(true);
  });

  it('rolls back a migration that breaks foreign keys', async () => {
    const rt = await adminRuntime();
    await call(rt, 'session:lock', {});
    const broken = migrationsWith(
      "CREATE TABLE `orphans` (`id` text PRIMARY KEY NOT NULL, `user_id` text NOT NULL REFERENCES users(id));\n--> statement-breakpoint\nINSERT INTO orphans VALUES ('o1', 'no-such-user');",
    );
    const error = await failure(runtimeWith(rt.storeDir, broken), 'session:unlock', { login: ADMIN.login, passphrase: ADMIN.passphrase });
    expect(error.code).toBe('STORE_CORRUPT');
    await call(rt, 'session:unlock', { login: ADMIN.login, passphrase: ADMIN.passphrase });
    const tables = rt.core.requireStore().db.prepare("SELECT name FROM sqlite_master WHERE name = 'orphans'").all();
    expect(tables).toEqual([]);
    expect(readdirSync(join(rt.storeDir, 'pre-migration'))).toHaveLength(1);
  });
});
