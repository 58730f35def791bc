import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, adminRuntime, call, cleanupTempDirs, failure } from '../fixtures/store';

afterEach(cleanupTempDirs);

const TEMP = 'тимчасовий пароль 12345';
const CANARY = 'Виступ Канарки Оксани Петрівни про чернетку';

describe('drafts kept at a lock', () => {
  it('are the signed-in user’s own, encrypted at rest, audited, and gone once taken back', async () => {
    const rt = await adminRuntime();
    await call(rt, 'users:add', { login: 'maria', displayName: 'Марія Коваль', roles: ['secretary'], initialPassphrase: TEMP });
    const payload = JSON.stringify({ place: CANARY });
    await call(rt, 'drafts:save', { key: 'meetings:m-1', label: 'засідання № 4/2026', payload });
    await call(rt, 'drafts:save', { key: 'meetings:m-1', label: 'засідання № 4/2026', payload });
    expect(await call(rt, 'drafts:list', {})).toEqual([{ key: 'meetings:m-1', label: 'засідання № 4/2026', savedAt: expect.any(String) }]);
    await call(rt, 'session:lock', {});
    // Never on disk in plaintext: no file of the store holds the text.
    for (const entry of readdirSync(rt.storeDir, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) expect(readFileSync(join(entry.parentPath, entry.name)).includes(Buffer.from('Канарки')), entry.name).toBe(false);
    }
    // Another user sees none of them.
    await call(rt, 'session:unlock', { login: 'maria', passphrase: TEMP });
    await call(rt, 'session:changePassphrase', { current: TEMP, next: 'пароль Марії на весь рік' });
    expect(await call(rt, 'drafts:list', {})).toEqual([]);
    expect(await call(rt, 'drafts:get', { key: 'meetings:m-1' })).toBeNull();
    expect((await call(rt, 'drafts:discard', { key: 'meetings:m-1' })).discarded).toBe(false);
    await call(rt, 'session:lock', {});
    // The same user gets the draft back, once.
    await call(rt, 'session:unlock', { login: ADMIN.login, passphrase: ADMIN.passphrase });
    expect((await call(rt, 'drafts:get', { key: 'meetings:m-1' }))?.payload).toBe(payload);
    expect(await call(rt, 'drafts:discard', { key: 'meetings:m-1', restored: true })).toEqual({ discarded: true });
    expect(await call(rt, 'drafts:list', {})).toEqual([]);
    const actions = (await call(rt, 'audit:list', { limit: 40 })).rows.map((r) => r.action);
    expect(actions.filter((a) => a.startsWith('draft.'))).toEqual(['draft.restored', 'draft.discarded', 'draft.kept', 'draft.kept']);
    // A key that names no page and record is refused before anything is written.
    expect((await failure(rt, 'drafts:save', { key: '../etc', label: 'x', payload: '{}' })).code).toBe('VALIDATION');
  });

  it('the status counts down to the idle lock while unlocked, then says why it locked and what was kept', async () => {
    const rt = await adminRuntime();
    await call(rt, 'settings:update', { idleLockMinutes: 5, lockWarningSeconds: 45, backupReminderDays: 7 });
    rt.clock.advance(2 * 60_000);
    const open = await call(rt, 'session:status', {});
    expect(open).toMatchObject({ storeState: 'unlocked', idleLockInSeconds: 180, lockWarningSeconds: 45, lastLock: null });
    await call(rt, 'drafts:save', { key: 'meetings:m-2', label: 'засідання № 5/2026', payload: '{}' });
    rt.clock.advance(5 * 60_000);
    const locked = await call(rt, 'session:status', {});
    expect(locked).toMatchObject({ storeState: 'locked', idleLockInSeconds: null, lastLock: { reason: 'idle', draftsKept: 1 } });
    await call(rt, 'session:unlock', { login: ADMIN.login, passphrase: ADMIN.passphrase });
    await call(rt, 'session:lock', {});
    expect((await call(rt, 'session:status', {})).lastLock).toMatchObject({ reason: 'manual', draftsKept: 0 });
  });
});
