import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fail, fakeBridge, lockedStatus, renderApp, sessionOf, unlockedStatus } from './fake-api';
import { EMPTY_DASHBOARD } from './samples';

describe('unlock screen', () => {
  it('says in Ukrainian what to do after a wrong passphrase, and clears the passphrase', async () => {
    const bridge = fakeBridge({
      'session:status': () => lockedStatus,
      'session:unlock': () => fail('WRONG_CREDENTIALS'),
    });
    renderApp(bridge);
    const user = userEvent.setup();

    await user.type(await screen.findByLabelText(/^Логін/), 'o.petrenko');
    await user.type(screen.getByLabelText(/^Пароль/), 'не той пароль зовсім{Enter}');

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(
      'Невірний логін або пароль. Перевірте розкладку клавіатури й Caps Lock і спробуйте ще раз.',
    );
    expect(bridge.callsOf('session:unlock')).toEqual([{ login: 'o.petrenko', passphrase: 'не той пароль зовсім' }]);
    expect((screen.getByLabelText(/^Пароль/) as HTMLInputElement).value).toBe('');
  });

  it('shows how long to wait when throttled and blocks the button meanwhile', async () => {
    const bridge = fakeBridge({
      'session:status': () => lockedStatus,
      'session:unlock': () => fail('THROTTLED', { retryAfterSeconds: 30 }),
    });
    renderApp(bridge);
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText(/^Логін/), 'admin');
    await user.type(screen.getByLabelText(/^Пароль/), 'довга фраза для входу{Enter}');

    expect((await screen.findByRole('alert')).textContent).toContain('Наступна спроба можлива через 30 с.');
    expect(screen.getByText(/Зачекайте ще \d+ с\./)).toBeTruthy();
    await user.type(screen.getByLabelText(/^Пароль/), 'ще раз');
    expect(screen.getByRole('button', { name: 'Розблокувати' }).hasAttribute('disabled')).toBe(true);
  });

  it('opens the main window after a good unlock, in English when switched', async () => {
    const session = sessionOf(['secretary'], { displayName: 'Марія Коваль' });
    let unlocked = false;
    const bridge = fakeBridge({
      'session:status': () => (unlocked ? unlockedStatus(session) : lockedStatus),
      'dashboard:get': () => EMPTY_DASHBOARD,
      'session:unlock': () => {
        unlocked = true;
        return session;
      },
    });
    renderApp(bridge);
    const user = userEvent.setup();
    await user.click(await screen.findByText('ENG'));
    await user.type(await screen.findByLabelText(/^Login/), 'm.koval');
    await user.type(screen.getByLabelText(/^Passphrase/), 'довга фраза для входу{Enter}');

    expect(await screen.findByTestId('current-user')).toHaveProperty('textContent', 'Марія Коваль');
    expect(screen.getByText('Secretary')).toBeTruthy();
    // A secretary has neither users.read nor audit.read: those pages are not offered.
    expect(screen.queryByText('Users')).toBeNull();
    expect(screen.queryByText('Audit log')).toBeNull();
  });

  it('recovers an admin with the recovery key', async () => {
    const session = sessionOf(['admin']);
    const bridge = fakeBridge({
      'session:status': () => lockedStatus,
      'dashboard:get': () => EMPTY_DASHBOARD,
      'session:recover': (input) => (input.recoveryKey === 'ABCD-EFGH-JKLM-NPQR' ? session : fail('WRONG_RECOVERY_KEY')),
    });
    renderApp(bridge);
    const user = userEvent.setup();
    await user.click(await screen.findByText('Забули пароль? Скористайтеся ключем відновлення'));
    await user.type(screen.getByLabelText(/^Ключ відновлення/), 'wxyz-wxyz-wxyz-wxyz');
    await user.type(screen.getByLabelText(/^Логін адміністратора/), 'admin');
    await user.type(screen.getByLabelText(/^Новий пароль/), 'нова довга фраза для адміна');
    await user.type(screen.getByLabelText(/^Повторіть новий пароль/), 'нова довга фраза для адміна{Enter}');
    expect((await screen.findByRole('alert')).textContent).toContain('Ключ відновлення не підходить');

    await user.clear(screen.getByLabelText(/^Ключ відновлення/));
    await user.type(screen.getByLabelText(/^Ключ відновлення/), 'ABCD-EFGH-JKLM-NPQR{Enter}');
    await waitFor(() => expect(screen.getByTestId('current-user').textContent).toBe('Олена Петренко'));
    expect(bridge.callsOf('session:recover').at(-1)).toEqual({
      recoveryKey: 'ABCD-EFGH-JKLM-NPQR',
      login: 'admin',
      newPassphrase: 'нова довга фраза для адміна',
    });
  });
});
