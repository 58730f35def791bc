import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { UserSummary } from '../../src/shared/domain/users';
import { fail, fakeBridge, renderApp, sessionOf, unlockedShell } from './fake-api';

const admin = sessionOf(['admin']);
const USERS: UserSummary[] = [
  {
    id: 'u-admin',
    login: 'admin',
    displayName: 'Олена Петренко',
    roles: ['admin'],
    mustChangePassphrase: false,
    createdAt: '2025-03-01T08:00:00.000Z',
    lastUnlockAt: '2025-03-05T08:00:00.000Z',
  },
  {
    id: 'u-2',
    login: 'm.koval',
    displayName: 'Мар’яна Коваль',
    roles: ['secretary', 'case_officer'],
    mustChangePassphrase: true,
    createdAt: '2025-03-02T08:00:00.000Z',
    lastUnlockAt: null,
  },
];

function usersBridge() {
  const users = [...USERS];
  const bridge = fakeBridge({
    ...unlockedShell(admin),
    'users:list': () => users,
    'users:add': (input) => {
      if (input.login === 'taken') return fail('LOGIN_TAKEN', { field: 'login' });
      const user: UserSummary = {
        id: `u-${users.length + 1}`,
        login: input.login,
        displayName: input.displayName,
        roles: input.roles,
        mustChangePassphrase: true,
        createdAt: '2025-03-05T09:00:00.000Z',
        lastUnlockAt: null,
      };
      users.push(user);
      return user;
    },
  });
  return bridge;
}

async function openUsers() {
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: 'Користувачі' }));
  const table = await screen.findByRole('table', { name: 'Користувачі' });
  return { user, table };
}

describe('users page', () => {
  it('lists users with Ukrainian role names, the must-change flag and last unlock in Kyiv time', async () => {
    renderApp(usersBridge());
    const { table } = await openUsers();
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    const [, first, second] = rows;
    expect(first!.textContent).toContain('Олена Петренко');
    expect(first!.textContent).toContain('Адміністратор');
    // 08:00 UTC on 5 March is 10:00 in Kyiv (winter time).
    expect(first!.textContent).toContain('05.03.2025 10:00');
    expect(second!.textContent).toContain('Мар’яна Коваль');
    expect(second!.textContent).toContain('Секретар');
    expect(second!.textContent).toContain('Фахівець із встановлення статусу');
    expect(second!.textContent).toContain('Ще не змінено');
    expect(second!.textContent).toContain('ще не входив(-ла)');
  });

  it('validates the add form before sending, then adds the user with the chosen roles', async () => {
    const bridge = usersBridge();
    renderApp(bridge);
    const { user } = await openUsers();
    await user.click(screen.getByRole('button', { name: 'Додати користувача' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Додати' }));

    expect(await within(dialog).findByText('Оберіть хоча б одну роль.')).toBeTruthy();
    expect(within(dialog).getAllByText('Заповніть це поле.').length).toBeGreaterThanOrEqual(3);
    expect(bridge.callsOf('users:add')).toHaveLength(0);

    await user.type(within(dialog).getByLabelText(/^Логін/), 'bad login');
    await user.click(within(dialog).getByRole('button', { name: 'Додати' }));
    expect(await within(dialog).findByText(/Лише літери, цифри, крапка, дефіс і підкреслення/)).toBeTruthy();

    await user.clear(within(dialog).getByLabelText(/^Логін/));
    await user.type(within(dialog).getByLabelText(/^Логін/), 'i.shevchuk');
    await user.type(within(dialog).getByLabelText(/^Прізвище, ім’я та по батькові/), 'Ірина Шевчук');
    await user.click(within(dialog).getByLabelText('Секретар'));
    await user.click(within(dialog).getByRole('button', { name: 'Згенерувати' }));
    const generated = (within(dialog).getByLabelText(/^Початковий пароль/) as HTMLInputElement).value;
    expect(generated).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}-[a-z2-9]{5}-[a-z2-9]{5}$/);
    await user.click(within(dialog).getByRole('button', { name: 'Додати' }));

    await waitFor(() =>
      expect(bridge.callsOf('users:add')).toEqual([
        { login: 'i.shevchuk', displayName: 'Ірина Шевчук', roles: ['secretary'], initialPassphrase: generated },
      ]),
    );
    expect((await screen.findByTestId('created-credentials')).textContent).toContain(generated);
    await user.click(screen.getByRole('button', { name: 'Готово' }));
    const table = screen.getByRole('table', { name: 'Користувачі' });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(4));
    expect(table.textContent).toContain('Ірина Шевчук');
  });

  it('shows a taken login next to the login field', async () => {
    renderApp(usersBridge());
    const { user } = await openUsers();
    await user.click(screen.getByRole('button', { name: 'Додати користувача' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText(/^Логін/), 'taken');
    await user.type(within(dialog).getByLabelText(/^Прізвище, ім’я та по батькові/), 'Хтось Інший');
    await user.click(within(dialog).getByLabelText('Аналітик'));
    await user.type(within(dialog).getByLabelText(/^Початковий пароль/), 'довгий початковий пароль');
    await user.click(within(dialog).getByRole('button', { name: 'Додати' }));
    expect(await within(dialog).findByText('Такий логін уже зайнятий. Оберіть інший.')).toBeTruthy();
  });

  it('changes roles, and asks before removing a user, explaining a refusal', async () => {
    const bridge = usersBridge();
    bridge.handlers['users:setRoles'] = (input) => ({ ...USERS[1]!, roles: input.roles });
    bridge.handlers['users:remove'] = () => fail('LAST_ADMIN');
    renderApp(bridge);
    const { user, table } = await openUsers();
    const row = within(table).getAllByRole('row').find((r) => r.textContent?.includes('m.koval'))!;

    await user.click(within(row).getByRole('button', { name: 'Змінити ролі' }));
    const rolesDialog = await screen.findByRole('dialog');
    expect(within(rolesDialog).getByText('Ролі користувача Мар’яна Коваль')).toBeTruthy();
    await user.click(within(rolesDialog).getByLabelText('Фахівець із встановлення статусу'));
    await user.click(within(rolesDialog).getByLabelText('Аудитор'));
    await user.click(within(rolesDialog).getByRole('button', { name: 'Зберегти' }));
    await waitFor(() => expect(bridge.callsOf('users:setRoles')).toEqual([{ userId: 'u-2', roles: ['secretary', 'auditor'] }]));

    await user.click(within(row).getByRole('button', { name: 'Видалити' }));
    const confirm = await screen.findByRole('dialog');
    expect(confirm.textContent).toContain('Користувач «Мар’яна Коваль» (m.koval) більше не зможе розблокувати сховище.');
    expect(bridge.callsOf('users:remove')).toHaveLength(0);
    await user.click(within(confirm).getByRole('button', { name: 'Видалити' }));
    expect((await within(confirm).findByRole('alert')).textContent).toContain(
      'У сховищі має залишитися хоча б один адміністратор.',
    );
    expect(bridge.callsOf('users:remove')).toEqual([{ userId: 'u-2' }]);
  });

  it('changes the encryption key after saying what it shuts out and what it does not, naming users who block it', async () => {
    const bridge = usersBridge();
    bridge.handlers['users:rotateKey'] = () => fail('LEGACY_SLOTS', { logins: 'm.koval' });
    renderApp(bridge);
    const { user } = await openUsers();
    await user.click(screen.getByRole('button', { name: 'Змінити ключ шифрування' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('старі копії файлу ключів доступу більше нічого не відкриватимуть');
    expect(dialog.textContent).toContain('Резервні копії, зроблені раніше, залишаться зашифровані старим ключем');
    expect(bridge.callsOf('users:rotateKey')).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Змінити ключ' }));
    expect((await within(dialog).findByRole('alert')).textContent).toContain('доки ці користувачі не ввійдуть хоча б раз після оновлення програми: m.koval');

    bridge.handlers['users:rotateKey'] = () => ({ generation: 3, bytes: 4096 });
    await user.click(within(dialog).getByRole('button', { name: 'Змінити ключ' }));
    expect(await screen.findByText('Ключ шифрування сховища змінено. Зробіть нову резервну копію.')).toBeTruthy();
    expect(bridge.callsOf('users:rotateKey')).toEqual([{}, {}]);
  });
});
