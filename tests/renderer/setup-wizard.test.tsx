import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fail, fakeBridge, renderApp, sessionOf, unlockedStatus } from './fake-api';
import { EMPTY_DASHBOARD } from './samples';

const KEY = 'QW7E-RT2Y-UP3A-SD4F-GH5J-KL6Z-XC7V-BN8M';

function setupBridge() {
  const session = sessionOf(['admin']);
  let created = false;
  return fakeBridge({
    'session:status': () => (created ? unlockedStatus(session) : { storeState: 'absent', session: null, idleLockMinutes: 15, lockWarningSeconds: 60, idleLockInSeconds: null, lastLock: null }),
    'dashboard:get': () => EMPTY_DASHBOARD,
    'session:setup': () => {
      created = true;
      return { recoveryKey: KEY, session };
    },
  });
}

async function fillAccount(user: ReturnType<typeof userEvent.setup>, passphrase: string) {
  await user.type(await screen.findByLabelText(/^Логін/), 'admin');
  await user.type(screen.getByLabelText(/^Прізвище, ім’я та по батькові/), 'Олена Петренко');
  await user.type(screen.getByLabelText(/^Пароль/), passphrase);
  await user.type(screen.getByLabelText(/^Повторіть пароль/), passphrase);
}

describe('first-run set-up', () => {
  it('refuses a short passphrase before asking the main process', async () => {
    const bridge = setupBridge();
    renderApp(bridge);
    const user = userEvent.setup();
    await fillAccount(user, 'коротко');
    await user.click(screen.getByRole('button', { name: 'Створити сховище' }));
    expect(await screen.findByText(/Пароль закороткий: потрібно щонайменше 12 символів/)).toBeTruthy();
    expect(bridge.callsOf('session:setup')).toHaveLength(0);
  });

  it('shows the recovery key once and lets the user in only after it is typed back', async () => {
    const bridge = setupBridge();
    renderApp(bridge);
    const user = userEvent.setup();
    await fillAccount(user, 'весна прийде в наше місто');
    await user.click(screen.getByRole('button', { name: 'Створити сховище' }));

    expect((await screen.findByTestId('recovery-key')).textContent).toBe(KEY);
    expect(bridge.callsOf('session:setup')).toEqual([
      { login: 'admin', displayName: 'Олена Петренко', passphrase: 'весна прийде в наше місто' },
    ]);
    await user.click(screen.getByRole('button', { name: 'Я зберіг(-ла) ключ' }));

    // The key is no longer on screen at the check step: it must come from the user's copy.
    expect(screen.queryByTestId('recovery-key')).toBeNull();
    const statusCallsBefore = bridge.callsOf('session:status').length;
    await user.type(screen.getByLabelText('Ключ відновлення'), 'QW7E-RT2Y-UP3A-SD4F-GH5J-KL6Z-XC7V-BN8X{Enter}');
    expect(await screen.findByText(/Ключ не збігається з показаним/)).toBeTruthy();
    expect(screen.queryByTestId('current-user')).toBeNull();
    expect(bridge.callsOf('session:status')).toHaveLength(statusCallsBefore);

    await user.clear(screen.getByLabelText('Ключ відновлення'));
    // Case, spaces and dashes do not matter.
    await user.type(screen.getByLabelText('Ключ відновлення'), 'qw7e rt2y up3a sd4f gh5j kl6z xc7v bn8m');
    await user.click(screen.getByRole('button', { name: 'Перейти до роботи' }));
    await waitFor(() => expect(screen.getByTestId('current-user').textContent).toBe('Олена Петренко'));
  });

  it('puts a weak-passphrase answer of the main process next to the passphrase field', async () => {
    const bridge = setupBridge();
    bridge.handlers['session:setup'] = () => fail('WEAK_PASSPHRASE', { problem: 'common' });
    renderApp(bridge);
    const user = userEvent.setup();
    await fillAccount(user, 'зовсім не поширена фраза');
    await user.click(screen.getByRole('button', { name: 'Створити сховище' }));
    expect(await screen.findByText(/Цей пароль надто поширений/)).toBeTruthy();
    expect(screen.queryByTestId('recovery-key')).toBeNull();
  });
});
