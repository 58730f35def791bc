import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { UserSummary } from '../../src/shared/domain/users';
import { EMPTY_DASHBOARD } from './samples';
import { fail, fakeBridge, lockedStatus, renderApp, sessionOf, unlockedStatus, unlockedShell } from './fake-api';

const SECRET_NAME = 'Мар’яна Коваль';
const USERS: UserSummary[] = [
  {
    id: 'u-2',
    login: 'm.koval',
    displayName: SECRET_NAME,
    roles: ['secretary'],
    mustChangePassphrase: false,
    createdAt: '2025-03-02T08:00:00.000Z',
    lastUnlockAt: null,
  },
];

afterEach(() => {
  vi.useRealTimers();
});

describe('locking', () => {
  it('drops everything on screen when the status poll finds the store locked', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let locked = false;
    const bridge = fakeBridge({
      'session:status': () => (locked ? lockedStatus : unlockedStatus(sessionOf(['admin']))),
      'dashboard:get': () => EMPTY_DASHBOARD,
      'users:list': () => USERS,
    });
    renderApp(bridge);
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    await user.click(await screen.findByRole('button', { name: 'Користувачі' }));
    expect(await screen.findByText(SECRET_NAME)).toBeTruthy();

    locked = true;
    await act(async () => {
      await vi.advanceTimersByTimeAsync(5_000);
    });
    expect(await screen.findByRole('button', { name: 'Розблокувати' })).toBeTruthy();
    expect(screen.queryByText(SECRET_NAME)).toBeNull();
    expect(screen.queryByTestId('current-user')).toBeNull();
    expect(document.body.textContent).not.toContain('m.koval');
  });

  it('shows the unlock screen as soon as any call answers LOCKED', async () => {
    const bridge = fakeBridge({
      ...unlockedShell(sessionOf(['admin'])),
      'users:list': () => fail('LOCKED'),
      'about:get': () => fail('LOCKED'),
    });
    renderApp(bridge);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Користувачі' }));
    expect(await screen.findByRole('button', { name: 'Розблокувати' })).toBeTruthy();
    expect(screen.queryByTestId('current-user')).toBeNull();
  });

  it('locks on Ctrl+L, even from inside a text field', async () => {
    const bridge = fakeBridge({
      ...unlockedShell(sessionOf(['admin'])),
      'session:lock': () => ({ locked: true as const }),
      'settings:get': () => ({ idleLockMinutes: 15, lockWarningSeconds: 60, backupReminderDays: 7 }),
      'backup:last': () => ({ lastBackupAt: null, path: null, reminderDays: 7, daysSince: null, due: true }),
    });
    renderApp(bridge);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Налаштування' }));
    const field = await screen.findByLabelText(/Автоматичне блокування/);
    fireEvent.keyDown(field, { key: 'l', code: 'KeyL', ctrlKey: true });
    expect(await screen.findByRole('button', { name: 'Розблокувати' })).toBeTruthy();
    await waitFor(() => expect(bridge.callsOf('session:lock')).toHaveLength(1));
  });

  it('makes a user with an initial passphrase change it before anything else', async () => {
    const first = sessionOf(['secretary'], { login: 'm.koval', displayName: SECRET_NAME, mustChangePassphrase: true });
    const bridge = fakeBridge({
      ...unlockedShell(first),
      'session:changePassphrase': (input) =>
        input.current === 'початковий пароль 1' ? { ...first, mustChangePassphrase: false } : fail('WRONG_CREDENTIALS'),
    });
    renderApp(bridge);
    const user = userEvent.setup();
    expect(await screen.findByText('Змініть початковий пароль')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Огляд' })).toBeNull();
    await user.type(screen.getByLabelText(/^Поточний пароль/), 'початковий пароль 1');
    await user.type(screen.getByLabelText(/^Новий пароль/), 'мій власний довгий пароль');
    await user.type(screen.getByLabelText(/^Повторіть новий пароль/), 'мій власний довгий пароль{Enter}');
    await waitFor(() => expect(screen.getByTestId('current-user').textContent).toBe(SECRET_NAME));
    expect(bridge.callsOf('session:changePassphrase')).toEqual([
      { current: 'початковий пароль 1', next: 'мій власний довгий пароль' },
    ]);
  });
});
