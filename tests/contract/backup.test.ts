import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { restoreStore } from '../../src/main/store/backup';
import type { FileChooser } from '../../src/main/kernel/files';
import { makeBackup, waitForJob } from '../fixtures/backup';
import { ADMIN, adminRuntime, call, cleanupTempDirs, failure, tempDir, testEnv, testRuntime } from '../fixtures/store';

afterEach(cleanupTempDirs);

const DAY = 86_400_000;

function auditActions(rt: Awaited<ReturnType<typeof adminRuntime>>): string[] {
  return (rt.core.requireStore().db.prepare('SELECT action FROM audit_events ORDER BY seq').all() as { action: string }[]).map((r) => r.action);
}

function sha(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Dialogs that answer what the test says, as a user would in Electron's. */
function chooser(answers: Partial<Record<keyof FileChooser, string | null>>): FileChooser {
  return {
    saveBackup: async () => answers.saveBackup ?? null,
    openBackup: async () => answers.openBackup ?? null,
    storeFolder: async () => answers.storeFolder ?? null,
  };
}

describe('backup from the window', () => {
  it('makes an encrypted copy where the dialog said, verified before it reports done, audited, with the bar rising to 100', async () => {
    const rt = await adminRuntime();
    const started = await call(rt, 'backup:start', {});
    if (started.cancelled) throw new Error('cancelled');
    expect(started.job.fileName).toMatch(/^zlagoda-backup-2026-11-20-1100\.zlagoda$/);
    const seen: number[] = [started.job.percent];
    let job = started.job;
    while (job.phase !== 'done' && job.phase !== 'failed') {
      await new Promise((resolve) => setImmediate(resolve));
      job = await call(rt, 'backup:job', { jobId: job.jobId });
      seen.push(job.percent);
    }
    expect(job).toMatchObject({ phase: 'done', percent: 100, error: null });
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(job.path).toBe(join(`${rt.storeDir}-downloads`, job.fileName));
    const bytes = readFileSync(job.path!);
    expect(bytes.length).toBe(job.bytes);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
    expect(bytes.includes(Buffer.from(ADMIN.displayName))).toBe(false);
    expect(auditActions(rt)).toContain('store.backup');
    expect(readdirSync(`${rt.storeDir}-downloads`)).toEqual([job.fileName]);
    // The copy opens with the key and holds the store.
    const restored = await restoreStore(job.path!, join(tempDir(), 'check'), ADMIN.login, ADMIN.passphrase, testEnv());
    expect(restored.audit.verify().status).toBe('intact');
    restored.close();
  });

  it('a cancelled dialog makes nothing and audits nothing; a second backup waits for the first', async () => {
    const cancelled = await adminRuntime({ files: chooser({}) });
    const before = auditActions(cancelled).length;
    expect(await call(cancelled, 'backup:start', {})).toEqual({ cancelled: true });
    expect(auditActions(cancelled).length).toBe(before);

    const rt = await adminRuntime();
    const first = await call(rt, 'backup:start', {});
    expect((await failure(rt, 'backup:start', {})).code).toBe('BACKUP_RUNNING');
    if (first.cancelled) throw new Error('cancelled');
    expect((await waitForJob(rt, first.job.jobId)).phase).toBe('done');
    expect((await makeBackup(rt)).phase).toBe('done');
  });

  it('refuses a file that exists; a lock during the copy abandons it and leaves no partial file', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'taken.zlagoda'), 'already here');
    const taken = await adminRuntime({ files: chooser({ saveBackup: join(dir, 'taken.zlagoda') }) });
    const job = await makeBackup(taken);
    expect(job.phase).toBe('failed');
    expect(job.error?.code).toBe('FILE_EXISTS');
    expect(readFileSync(join(dir, 'taken.zlagoda'), 'utf8')).toBe('already here');

    const out = join(tempDir(), 'locked.zlagoda');
    const rt = await adminRuntime({ files: chooser({ saveBackup: out }) });
    const started = await call(rt, 'backup:start', {});
    if (started.cancelled) throw new Error('cancelled');
    rt.core.lock('manual');
    // The job outlives the lock only as a record; reading it needs the session back.
    await call(rt, 'session:unlock', { login: ADMIN.login, passphrase: ADMIN.passphrase });
    const failed = await waitForJob(rt, started.job.jobId);
    expect(failed.phase).toBe('failed');
    expect(failed.error?.code).toBe('LOCKED');
    expect(readdirSync(join(out, '..'))).toEqual([]);
  });

  it('the file being copied stays as it was checkpointed while the app writes and checkpoints meanwhile', async () => {
    const rt = await adminRuntime();
    const db = rt.core.requireStore().db;
    // More than a few 1 MiB chunks, so the copy yields between them.
    const before = 'а'.repeat(3 * 1024 * 1024);
    db.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)').run('filler', JSON.stringify(before), '2026-11-20');
    const started = await call(rt, 'backup:start', {});
    if (started.cancelled) throw new Error('cancelled');
    let job = started.job;
    while (job.phase !== 'copy') {
      await new Promise((resolve) => setImmediate(resolve));
      job = await call(rt, 'backup:job', { jobId: job.jobId });
    }
    expect(job.percent).toBeLessThan(60);
    db.prepare('UPDATE settings SET value = ? WHERE key = ?').run(JSON.stringify('б'.repeat(3 * 1024 * 1024)), 'filler');
    db.pragma('wal_checkpoint(PASSIVE)');
    const done = await waitForJob(rt, job.jobId);
    expect(done.phase).toBe('done');
    const restored = await restoreStore(done.path!, join(tempDir(), 'check'), ADMIN.login, ADMIN.passphrase, testEnv());
    expect((restored.db.prepare('SELECT value FROM settings WHERE key = ?').get('filler') as { value: string }).value).toBe(JSON.stringify(before));
    restored.close();
  });
});

describe('the backup reminder', () => {
  it('is due at once on a new store, then after the set number of Kyiv days since the last backup', async () => {
    const rt = await adminRuntime();
    expect(await call(rt, 'backup:last', {})).toEqual({ lastBackupAt: null, path: null, reminderDays: 7, daysSince: null, due: true });
    expect((await call(rt, 'dashboard:get', {})).backup).toMatchObject({ due: true, lastBackupAt: null });
    const job = await makeBackup(rt);
    expect(await call(rt, 'backup:last', {})).toEqual({ lastBackupAt: '2026-11-20T09:00:00.000Z', path: job.path, reminderDays: 7, daysSince: 0, due: false });
    rt.clock.advance(6 * DAY + 14 * 3_600_000);
    // Someone at the keyboard all along: the idle lock is not what this test is about.
    rt.core.touch();
    // 26.11 at 23:00 UTC is 27.11 at 01:00 in Kyiv: the seventh calendar day there.
    expect(await call(rt, 'backup:last', {})).toMatchObject({ daysSince: 7, due: true });
    rt.clock.advance(-2 * 3_600_000);
    rt.core.touch();
    expect(await call(rt, 'backup:last', {})).toMatchObject({ daysSince: 6, due: false });
    await call(rt, 'settings:update', { idleLockMinutes: 10, lockWarningSeconds: 60, backupReminderDays: 3 });
    expect(await call(rt, 'backup:last', {})).toMatchObject({ reminderDays: 3, daysSince: 6, due: true });
    expect((await call(rt, 'dashboard:get', {})).backup).toMatchObject({ reminderDays: 3, due: true, lastBackupAt: '2026-11-20T09:00:00.000Z' });
  });

  it('is not shown to those who cannot make backups', async () => {
    const rt = await adminRuntime();
    await call(rt, 'users:add', { login: 'sec', displayName: 'Секретар Ради', roles: ['secretary'], initialPassphrase: 'тимчасовий пароль 12345' });
    await call(rt, 'session:lock', {});
    await call(rt, 'session:unlock', { login: 'sec', passphrase: 'тимчасовий пароль 12345' });
    await call(rt, 'session:changePassphrase', { current: 'тимчасовий пароль 12345', next: 'власний пароль секретаря' });
    expect((await call(rt, 'dashboard:get', {})).backup).toBeNull();
    expect((await failure(rt, 'backup:last', {})).code).toBe('FORBIDDEN');
  });
});

describe('restore from the unlock screen', () => {
  it('restores into a new folder under the throttle, never touching the open store, and the app then opens the restored one', async () => {
    const rt = await adminRuntime();
    await call(rt, 'users:add', { login: 'maria', displayName: 'Бондаренко Марія', roles: ['member'], initialPassphrase: 'тимчасовий пароль 12345' });
    await makeBackup(rt);
    await call(rt, 'session:lock', {});
    const original = sha(join(rt.storeDir, 'zlagoda.db'));
    const file = await call(rt, 'backup:chooseFile', {});
    const folder = await call(rt, 'backup:chooseFolder', {});
    if (file.cancelled || folder.cancelled) throw new Error('cancelled');
    expect(folder.path).toBe(`${rt.storeDir}-restored-1`);

    const wrong = await failure(rt, 'backup:restore', { fileToken: file.token, folderToken: folder.token, login: ADMIN.login, passphrase: 'не той пароль зовсім' });
    expect(wrong.code).toBe('WRONG_CREDENTIALS');
    expect(existsSync(folder.path)).toBe(false);
    expect(rt.attempts.get('restore').failures).toBe(1);

    const restored = await call(rt, 'backup:restore', { fileToken: file.token, folderToken: folder.token, login: ADMIN.login, passphrase: ADMIN.passphrase });
    expect(restored.folder).toBe(folder.path);
    expect(restored.events).toBeGreaterThan(0);
    expect(rt.attempts.get('restore').failures).toBe(0);
    expect(sha(join(rt.storeDir, 'zlagoda.db'))).toBe(original);
    expect(rt.core.storeDir).toBe(folder.path);
    expect(await call(rt, 'session:status', {})).toMatchObject({ storeState: 'locked', lastLock: null });

    await call(rt, 'session:unlock', { login: ADMIN.login, passphrase: ADMIN.passphrase });
    expect((await call(rt, 'about:get', {})).storeDir).toBe(folder.path);
    expect((await call(rt, 'users:list', {})).map((u) => u.login).sort()).toEqual(['maria', 'olena']);
    const actions = auditActions(rt);
    expect(actions).toContain('store.restored');
    // The failed attempt is in the chain of the store unlocked next.
    expect(actions).toContain('auth.unlock_failed');
    // The choices were used up.
    expect((await failure(rt, 'backup:restore', { fileToken: file.token, folderToken: folder.token, login: ADMIN.login, passphrase: ADMIN.passphrase })).code).toBe('NOT_CHOSEN');
  });

  it('refuses a folder that is not empty or lies inside the store, a choice it never made, and a file that is no backup', async () => {
    const full = tempDir();
    writeFileSync(join(full, 'notes.txt'), 'мої нотатки');
    const junk = join(tempDir(), 'junk.zlagoda');
    writeFileSync(junk, 'not a zip at all');
    const rt = await adminRuntime({ files: chooser({ openBackup: junk, storeFolder: full }) });
    await call(rt, 'session:lock', {});
    expect((await failure(rt, 'backup:chooseFolder', {})).code).toBe('RESTORE_FOLDER');
    expect(readFileSync(join(full, 'notes.txt'), 'utf8')).toBe('мої нотатки');

    const inside = await adminRuntime();
    await call(inside, 'session:lock', {});
    const nested = testRuntime(inside.storeDir, inside.clock, { files: chooser({ storeFolder: join(inside.storeDir, 'sub') }) });
    expect((await failure(nested, 'backup:chooseFolder', {})).code).toBe('RESTORE_FOLDER');

    const file = await call(rt, 'backup:chooseFile', {});
    if (file.cancelled) throw new Error('cancelled');
    const missing = await failure(rt, 'backup:restore', { fileToken: file.token, folderToken: '00000000-0000-4000-8000-000000000000', login: ADMIN.login, passphrase: ADMIN.passphrase });
    expect(missing.code).toBe('NOT_CHOSEN');
    expect(missing.details.field).toBe('folderToken');

    const emptyTarget = join(tempDir(), 'new-store');
    const good = await adminRuntime({ files: chooser({ openBackup: junk, storeFolder: emptyTarget }) });
    await call(good, 'session:lock', {});
    const junkFile = await call(good, 'backup:chooseFile', {});
    const target = await call(good, 'backup:chooseFolder', {});
    if (junkFile.cancelled || target.cancelled) throw new Error('cancelled');
    const invalid = await failure(good, 'backup:restore', { fileToken: junkFile.token, folderToken: target.token, login: ADMIN.login, passphrase: ADMIN.passphrase });
    expect(invalid.code).toBe('BACKUP_INVALID');
    expect(invalid.details.reason).toBe('notBackup');
    expect(existsSync(emptyTarget)).toBe(false);
    expect(good.core.storeDir).toBe(good.storeDir);
  });

  it('waits after five wrong passphrases, as an unlock does', async () => {
    const rt = await adminRuntime();
    await makeBackup(rt);
    await call(rt, 'session:lock', {});
    const file = await call(rt, 'backup:chooseFile', {});
    const folder = await call(rt, 'backup:chooseFolder', {});
    if (file.cancelled || folder.cancelled) throw new Error('cancelled');
    const attempt = () => failure(rt, 'backup:restore', { fileToken: file.token, folderToken: folder.token, login: ADMIN.login, passphrase: 'не той пароль зовсім' });
    for (let i = 0; i < 4; i += 1) expect((await attempt()).code).toBe('WRONG_CREDENTIALS');
    const fifth = await attempt();
    expect(fifth.code).toBe('WRONG_CREDENTIALS');
    expect(fifth.details.retryAfterSeconds).toBe(30);
    const throttled = await failure(rt, 'backup:restore', { fileToken: file.token, folderToken: folder.token, login: ADMIN.login, passphrase: ADMIN.passphrase });
    expect(throttled.code).toBe('THROTTLED');
    rt.clock.advance(31_000);
    expect((await call(rt, 'backup:restore', { fileToken: file.token, folderToken: folder.token, login: ADMIN.login, passphrase: ADMIN.passphrase })).folder).toBe(folder.path);
  });
});
