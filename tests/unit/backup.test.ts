import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { unzipSync, Zip, ZipDeflate, ZipPassThrough, zipSync } from 'fflate';
import type { AppError } from '../../src/shared/errors';
import { afterEach, describe, expect, it } from 'vitest';
import { backupStore, restoreStore } from '../../src/main/store/backup';
import { ADMIN, adminRuntime, call, cleanupTempDirs, tempDir, testEnv } from '../fixtures/store';

afterEach(cleanupTempDirs);

const CANARY = 'Бондаренко Марія Канарка';

describe('backup and restore', () => {
  it('round-trips: the backup is encrypted and the restored store has the same rows and an intact chain', async () => {
    const rt = await adminRuntime();
    await call(rt, 'users:add', { login: 'maria', displayName: CANARY, roles: ['member'], initialPassphrase: 'тимчасовий пароль 12345' });
    const out = join(tempDir(), 'backup.zlagoda');
    const report = await backupStore(rt.core.requireStore(), out);
    expect(report.tables.users).toBe(2);
    const bytes = readFileSync(out);
    expect(bytes.includes(Buffer.from(CANARY))).toBe(false);
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);

    const target = join(tempDir(), 'restored');
    const restored = await restoreStore(out, target, ADMIN.login, ADMIN.passphrase, testEnv());
    const names = restored.db.prepare('SELECT display_name AS n FROM users ORDER BY login').all();
    expect(names).toEqual([{ n: CANARY }, { n: ADMIN.displayName }]);
    expect(restored.audit.verify().status).toBe('intact');
    restored.close();
  });

  it('never overwrites: an existing backup file or a non-empty target is refused', async () => {
    const rt = await adminRuntime();
    const out = join(tempDir(), 'backup.zlagoda');
    await backupStore(rt.core.requireStore(), out);
    await expect(backupStore(rt.core.requireStore(), out)).rejects.toMatchObject({ code: 'FILE_EXISTS' });
    await expect(restoreStore(out, rt.storeDir, ADMIN.login, ADMIN.passphrase, testEnv())).rejects.toMatchObject({ code: 'STORE_EXISTS' });
  });

  it('a wrong passphrase at restore leaves no directory behind', async () => {
    const rt = await adminRuntime();
    const out = join(tempDir(), 'backup.zlagoda');
    await backupStore(rt.core.requireStore(), out);
    const target = join(tempDir(), 'restored');
    await expect(restoreStore(out, target, ADMIN.login, 'зовсім не той пароль', testEnv())).rejects.toMatchObject({ code: 'WRONG_CREDENTIALS' });
    expect(existsSync(target)).toBe(false);
  });

  it('rejects damaged and foreign files with BACKUP_INVALID', async () => {
    const rt = await adminRuntime();
    const dir = tempDir();
    const out = join(dir, 'backup.zlagoda');
    await backupStore(rt.core.requireStore(), out);
    const damaged = readFileSync(out);
    const middle = damaged.length >> 1;
    damaged[middle] = damaged[middle]! ^ 0xff;
    writeFileSync(join(dir, 'damaged.zlagoda'), damaged);
    writeFileSync(join(dir, 'extra.zlagoda'), zipSync({ '../evil': new Uint8Array([1]) }));
    writeFileSync(join(dir, 'text.zlagoda'), 'not a zip');
    // The right names, but deflated: 64 MiB of zeros in a few kilobytes would inflate without bound.
    const zeros = new Uint8Array(64 * 1024 * 1024);
    writeFileSync(join(dir, 'bomb.zlagoda'), zipSync({ 'manifest.json': new Uint8Array([123, 125]), 'zlagoda.db': zeros, 'keyslots.json': new Uint8Array([123, 125]) }, { level: 9 }));
    for (const name of ['damaged.zlagoda', 'extra.zlagoda', 'text.zlagoda', 'bomb.zlagoda']) {
      const target = join(dir, `target-${name}`);
      await expect(restoreStore(join(dir, name), target, ADMIN.login, ADMIN.passphrase, testEnv())).rejects.toMatchObject({ code: 'BACKUP_INVALID' });
      expect(existsSync(target)).toBe(false);
    }
    expect(readdirSync(dir).sort()).toEqual(['backup.zlagoda', 'bomb.zlagoda', 'damaged.zlagoda', 'extra.zlagoda', 'text.zlagoda']);
  });
});

/** A backup's three entries, stored as Zlagoda writes them, with a manifest whose checksums match what is given. */
function storedZip(entries: { db: Uint8Array; slots: Uint8Array; manifest?: (files: Record<string, string>) => object }): Uint8Array {
  const files = { 'zlagoda.db': sha256(entries.db), 'keyslots.json': sha256(entries.slots) };
  const manifest = entries.manifest?.(files) ?? { format: 'zlagoda-backup', version: 1, storeId: 'x', createdAt: '2026-11-20T10:00:00.000Z', schemaVersion: 6, files };
  return zipSync({ 'zlagoda.db': entries.db, 'keyslots.json': entries.slots, 'manifest.json': new TextEncoder().encode(JSON.stringify(manifest)) }, { level: 0 });
}

/** A zip with the backup's names whose database entry inflates to `mib` MiB of zeros, built a megabyte at a time. */
function deflatedBomb(mib: number): Buffer {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, data) => {
    if (error) throw error;
    chunks.push(data);
  });
  const db = new ZipDeflate('zlagoda.db', { level: 1 });
  zip.add(db);
  const zeros = new Uint8Array(1024 * 1024);
  for (let i = 0; i < mib; i++) db.push(zeros, i === mib - 1);
  for (const name of ['keyslots.json', 'manifest.json']) {
    const small = new ZipPassThrough(name);
    zip.add(small);
    small.push(new Uint8Array([123, 125]), true);
  }
  zip.end();
  return Buffer.concat(chunks);
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function refusal(file: string): Promise<{ code: string; reason: unknown }> {
  const target = join(tempDir(), 'target');
  const error = (await restoreStore(file, target, ADMIN.login, ADMIN.passphrase, testEnv()).then(
    (store) => {
      store.close();
      throw new Error('restored');
    },
    (e: AppError) => e,
  )) as AppError;
  expect(existsSync(target)).toBe(false);
  return { code: error.code, reason: error.details.reason };
}

describe('backups that are not this store', () => {
  it('carries the chain head, signed, and a keyed manifest naming the store and its slot generation', async () => {
    const rt = await adminRuntime();
    const out = join(tempDir(), 'backup.zlagoda');
    const report = await rt.core.backup(out);
    const manifest = JSON.parse(new TextDecoder().decode(unzipSync(readFileSync(out))['manifest.json'])) as Record<string, unknown>;
    expect(manifest).toMatchObject({ version: 2, storeId: rt.core.requireStore().storeId, generation: 1, head: { seq: report.head.seq, hash: report.head.hash, userId: rt.core.session!.userId } });
    expect(manifest.mac).toMatch(/^[0-9a-f]{64}$/);
    expect((manifest.head as { signature: string }).signature).toBeTruthy();
  });

  it('refuses a backup whose database is 0 bytes, whose manifest was altered, or whose database is another store’s', async () => {
    const rt = await adminRuntime();
    const dir = tempDir();
    const out = join(dir, 'good.zlagoda');
    await rt.core.backup(out);
    const parts = unzipSync(readFileSync(out));
    const empty = join(dir, 'empty.zlagoda');
    writeFileSync(empty, storedZip({ db: new Uint8Array(0), slots: parts['keyslots.json']! }));
    expect(await refusal(empty)).toEqual({ code: 'BACKUP_INVALID', reason: 'empty' });

    const original = JSON.parse(new TextDecoder().decode(parts['manifest.json'])) as Record<string, unknown>;
    const altered = join(dir, 'altered.zlagoda');
    writeFileSync(altered, storedZip({ db: parts['zlagoda.db']!, slots: parts['keyslots.json']!, manifest: () => ({ ...original, createdAt: '2020-01-01T00:00:00.000Z' }) }));
    expect(await refusal(altered)).toEqual({ code: 'BACKUP_INVALID', reason: 'manifestKey' });

    const other = await adminRuntime();
    const foreign = join(dir, 'foreign-db.zlagoda');
    await other.core.backup(join(dir, 'other.zlagoda'));
    const otherDb = unzipSync(readFileSync(join(dir, 'other.zlagoda')))['zlagoda.db']!;
    writeFileSync(foreign, storedZip({ db: otherDb, slots: parts['keyslots.json']!, manifest: (files) => ({ ...original, files, mac: original.mac }) }));
    expect(await refusal(foreign)).toEqual({ code: 'BACKUP_INVALID', reason: 'otherStore' });
  });

  it('refuses a zip bomb and an entry claiming more than the archive holds, within bounded memory', async () => {
    const dir = tempDir();
    const rt = await adminRuntime();
    const out = join(dir, 'good.zlagoda');
    await rt.core.backup(out);
    // 512 MiB of zeros deflates to about half a megabyte: refused by its compression, before anything is inflated.
    const bomb = join(dir, 'bomb.zlagoda');
    writeFileSync(bomb, deflatedBomb(512));
    const before = process.memoryUsage().rss;
    expect(await refusal(bomb)).toEqual({ code: 'BACKUP_INVALID', reason: 'compressed' });
    // A stored entry whose central directory claims 2 GiB: refused by the claim, nothing is read.
    const bytes = Buffer.from(readFileSync(out));
    const central = bytes.lastIndexOf(Buffer.from('zlagoda.db')) - 46;
    expect(bytes.readUInt32LE(central)).toBe(0x02014b50);
    bytes.writeUInt32LE(2 ** 31, central + 20);
    bytes.writeUInt32LE(2 ** 31, central + 24);
    const liar = join(dir, 'liar.zlagoda');
    writeFileSync(liar, bytes);
    expect((await refusal(liar)).code).toBe('BACKUP_INVALID');
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 ** 2);
  }, 120_000);
});
