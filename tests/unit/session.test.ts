import { afterEach, describe, expect, it } from 'vitest';
import { delayAfter } from '../../src/main/kernel/attempts';
import { ADMIN, adminRuntime, call, cleanupTempDirs, failure, testRuntime } from '../fixtures/store';

afterEach(cleanupTempDirs);

const SECRETARY = { login: 'ivan', displayName: 'Петренко Іван', roles: ['secretary' as const], initialPassphrase: 'початковий пароль для Івана' };

describe('users and sessions', () => {
  it('a new user must change the initial passphrase before anything else', async () => {
    const rt = await adminRuntime();
    await call(rt, 'users:add', SECRETARY);
    await call(rt, 'session:lock', {});
    const session = await call(rt, 'session:unlock', { login: 'ivan', passphrase: SECRETARY.initialPassphrase });
    expect(session.mustChangePassphrase).toBe(true);
    expect((await failure(rt, 'about:get', {})).code).toBe('PASSPHRASE_CHANGE_REQUIRED');
    const same = await failure(rt, 'session:changePassphrase', { current: SECRETARY.initialPassphrase, next: SECRETARY.initialPassphrase });
    expect(same.code).toBe('SAME_PASSPHRASE');
    const changed = await call(rt, 'session:changePassphrase', { current: SECRETARY.initialPassphrase, next: 'новий власний пароль Івана' });
    expect(changed.mustChangePassphrase).toBe(false);
    expect((await call(rt, 'about:get', {})).version).toBe('0.0.0-test');
    await call(rt, 'session:lock', {});
    expect((await failure(rt, 'session:unlock', { login: 'ivan', passphrase: SECRETARY.initialPassphrase })).code).toBe('WRONG_CREDENTIALS');
    expect((await call(rt, 'session:unlock', { login: 'IVAN', passphrase: 'новий власний пароль Івана' })).roles).toEqual(['secretary']);
  });

  it('a removed user can no longer unlock, and their slot is gone', async () => {
    const rt = await adminRuntime();
    const user = await call(rt, 'users:add', SECRETARY);
    await call(rt, 'users:remove', { userId: user.id });
    expect(rt.core.requireStore().slots.slots.some((s) => s.userId === user.id)).toBe(false);
    expect((await call(rt, 'users:list', {})).map((u) => u.login)).toEqual(['olena']);
    await call(rt, 'session:lock', {});
    expect((await failure(rt, 'session:unlock', { login: 'ivan', passphrase: SECRETARY.initialPassphrase })).code).toBe('WRONG_CREDENTIALS');
  });

  it('keeps at least one admin and refuses self-removal', async () => {
    const rt = await adminRuntime();
    const self = rt.core.session!.userId;
    expect((await failure(rt, 'users:remove', { userId: self })).code).toBe('SELF_REMOVAL');
    expect((await failure(rt, 'users:setRoles', { userId: self, roles: ['member'] })).code).toBe('LAST_ADMIN');
    expect((await failure(rt, 'users:add', { ...SECRETARY, login: 'OLENA' })).code).toBe('LOGIN_TAKEN');
  });

  it('the recovery key resets an admin passphrase, and only an admin one', async () => {
    const rt = await adminRuntime();
    await call(rt, 'users:add', SECRETARY);
    await call(rt, 'session:lock', {});
    const notAdmin = await failure(rt, 'session:recover', { recoveryKey: rt.recoveryKey, login: 'ivan', newPassphrase: 'відновлений пароль для всіх' });
    expect(notAdmin.code).toBe('NOT_AN_ADMIN');
    const wrong = await failure(rt, 'session:recover', { recoveryKey: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH', login: 'olena', newPassphrase: 'відновлений пароль для всіх' });
    expect(wrong.code).toBe('WRONG_RECOVERY_KEY');
    const typed = rt.recoveryKey.toLowerCase().replace(/-/g, ' ');
    const session = await call(rt, 'session:recover', { recoveryKey: typed, login: 'olena', newPassphrase: 'відновлений пароль Олени' });
    expect(session.roles).toContain('admin');
    await call(rt, 'session:lock', {});
    expect((await failure(rt, 'session:unlock', { login: ADMIN.login, passphrase: ADMIN.passphrase })).code).toBe('WRONG_CREDENTIALS');
    await call(rt, 'session:unlock', { login: 'olena', passphrase: 'відновлений пароль Олени' });
    const actions = (await call(rt, 'audit:list', {})).rows.map((r) => r.action);
    expect(actions).toContain('auth.recovery_used');
    expect(actions).toContain('auth.recovery_failed');
  });

  it('throttles repeated failed unlocks with a growing delay, and audits the failures at the next unlock', async () => {
    const rt = await adminRuntime();
    await call(rt, 'session:lock', {});
    for (let i = 0; i < 5; i++) expect((await failure(rt, 'session:unlock', { login: 'olena', passphrase: `помилковий пароль ${i}` })).code).toBe('WRONG_CREDENTIALS');
    const throttled = await failure(rt, 'session:unlock', { login: ADMIN.login, passphrase: ADMIN.passphrase });
    expect(throttled.code).toBe('THROTTLED');
    expect(throttled.details.retryAfterSeconds).toBe(30);
    rt.clock.advance(31_000);
    await call(rt, 'session:unlock', { login: ADMIN.login, passphrase: ADMIN.passphrase });
    const failed = (await call(rt, 'audit:list', { action: 'auth.unlock_failed' })).rows;
    expect(failed).toHaveLength(5);
    expect(JSON.stringify(failed)).not.toContain('помилковий');
    expect(delayAfter(6)).toBe(60_000);
    expect(delayAfter(30)).toBe(15 * 60_000);
  });

  it('a lock that lands during a key derivation ends the work as LOCKED, with nothing written', async () => {
    const rt = await adminRuntime();
    const changing = rt.dispatch('session:changePassphrase', { current: ADMIN.passphrase, next: 'зовсім новий довгий пароль адміна' });
    rt.core.lock('manual');
    const changed = await changing;
    expect(changed.ok ? 'ok' : changed.error.code).toBe('LOCKED');
    // The old passphrase still opens the store: the new slot was never saved.
    await call(rt, 'session:unlock', { login: ADMIN.login, passphrase: ADMIN.passphrase });

    const adding = rt.dispatch('users:add', { login: 'm.koval', displayName: 'Мар’яна Коваль', roles: ['secretary'], initialPassphrase: 'початковий пароль секретаря 1' });
    rt.core.lock('manual');
    const added = await adding;
    expect(added.ok ? 'ok' : added.error.code).toBe('LOCKED');
    await call(rt, 'session:unlock', { login: ADMIN.login, passphrase: ADMIN.passphrase });
    expect((await call(rt, 'users:list', {})).map((u) => u.login)).toEqual([ADMIN.login]);
  });

  it('locks after the idle time and shows no session when locked', async () => {
    const rt = await adminRuntime();
    await call(rt, 'settings:update', { idleLockMinutes: 5, lockWarningSeconds: 60, backupReminderDays: 7 });
    rt.clock.advance(4 * 60_000);
    await call(rt, 'session:activity', {});
    rt.clock.advance(4 * 60_000);
    expect((await call(rt, 'session:status', {})).storeState).toBe('unlocked');
    rt.clock.advance(60_000);
    const status = await call(rt, 'session:status', {});
    expect(status).toMatchObject({ storeState: 'locked', session: null });
    expect((await failure(rt, 'users:list', {})).code).toBe('LOCKED');
    await call(rt, 'session:unlock', { login: ADMIN.login, passphrase: ADMIN.passphrase });
    expect((await call(rt, 'audit:list', { action: 'auth.lock' })).rows[0]?.details).toEqual({ reason: 'idle' });
  });

  it('a session that may read victims’ personal data locks after five idle minutes, whatever the setting', async () => {
    const rt = await adminRuntime();
    await call(rt, 'settings:update', { idleLockMinutes: 30, lockWarningSeconds: 60, backupReminderDays: 7 });
    expect((await call(rt, 'session:status', {})).idleLockMinutes).toBe(30);
    await call(rt, 'users:setRoles', { userId: rt.core.session!.userId, roles: ['admin', 'case_officer'] });
    expect((await call(rt, 'session:status', {})).idleLockMinutes).toBe(5);
    rt.clock.advance(5 * 60_000);
    expect((await call(rt, 'session:status', {})).storeState).toBe('locked');
    // Signed in again, the case officer keeps the five minutes; a setting below them stands.
    await call(rt, 'session:unlock', { login: ADMIN.login, passphrase: ADMIN.passphrase });
    expect((await call(rt, 'session:status', {})).idleLockMinutes).toBe(5);
    await call(rt, 'settings:update', { idleLockMinutes: 3, lockWarningSeconds: 60, backupReminderDays: 7 });
    expect((await call(rt, 'session:status', {})).idleLockMinutes).toBe(3);
    await call(rt, 'users:setRoles', { userId: rt.core.session!.userId, roles: ['admin'] });
    await call(rt, 'settings:update', { idleLockMinutes: 30, lockWarningSeconds: 60, backupReminderDays: 7 });
    expect((await call(rt, 'session:status', {})).idleLockMinutes).toBe(30);
  });

  it('the status poll does not count as activity', async () => {
    const rt = await adminRuntime();
    for (let i = 0; i < 11; i++) {
      rt.clock.advance(60_000);
      await call(rt, 'session:status', {});
    }
    expect((await call(rt, 'session:status', {})).storeState).toBe('locked');
  });

  it('a second runtime on the same store sees it locked until it unlocks', async () => {
    const rt = await adminRuntime();
    const other = testRuntime(rt.storeDir);
    expect((await call(other, 'session:status', {})).storeState).toBe('locked');
  });
});
