import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
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
