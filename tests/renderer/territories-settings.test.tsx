import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fail, fakeBridge, renderApp, sessionOf, unlockedStatus } from './fake-api';
import { EMPTY_DASHBOARD, pick, typeDate } from './samples';

const SETTINGS = { idleLockMinutes: 10, lockWarningSeconds: 60, backupReminderDays: 7 };
const NONE_YET = { lastBackupAt: null, path: null, reminderDays: 7, daysSince: null, due: true };

async function openSection(handlers: Parameters<typeof fakeBridge>[0]) {
  const bridge = fakeBridge({
    'session:status': () => unlockedStatus(sessionOf(['admin'])),
    'dashboard:get': () => EMPTY_DASHBOARD,
    'settings:get': () => SETTINGS,
    'backup:last': () => NONE_YET,
    ...handlers,
  });
  renderApp(bridge);
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: 'Налаштування' }));
  const section = await screen.findByRole('region', { name: 'Територія і кодифікатор КАТОТТГ' });
  return { user, bridge, section };
}

describe('settings: territory', () => {
  it('sets the store’s oblast and shows the edition held', async () => {
    const { user, bridge, section } = await openSection({ 'territories:saveOptions': (input) => input });
    expect(await within(section).findByText(/^Редакція кодифікатора від 16\.05\.2025: одиниць — 31748/)).toBeTruthy();
    await pick(user, 'Область цього сховища', 'Полтавська область', section);
    await user.click(within(section).getByRole('button', { name: 'Зберегти область' }));
    await waitFor(() => expect(bridge.callsOf('territories:saveOptions')).toEqual([{ oblast: 'UA53000000000028050' }]));
  });

  it('sends a newer edition’s file with its date, and names the rows of a refused file', async () => {
    const { user, bridge, section } = await openSection({
      'territories:loadEdition': () => fail('VALIDATION', { reason: 'bad_rows', badRows: 2, issues: [{ row: 7, problem: 'code' }, { row: 12, problem: 'category' }] }),
    });
    const csv = 'Перший рівень;Другий рівень;Третій рівень;Четвертий рівень;Додатковий рівень;Категорія об’єкта;Назва об’єкта\nUA53000000000028050;;;;;O;Полтавська\n';
    // Mantine's file box is a labelled button over a hidden file input: the file goes to the input, as a drop would.
    expect(within(section).getByRole('button', { name: /^Файл нової редакції/ })).toBeTruthy();
    await user.upload(section.querySelector<HTMLInputElement>('input[type="file"]')!, new File([csv], 'katottg-2025-12-01.csv', { type: 'text/csv' }));
    await typeDate(user, within(section).getByRole('textbox', { name: /^Дата редакції/ }), '01.12.2025');
    await user.click(within(section).getByRole('button', { name: 'Завантажити редакцію' }));
    expect(await within(section).findByText('Файл не завантажено: 2 рядків з помилками (рядки 7, 12). Нічого не змінено.')).toBeTruthy();
    expect(bridge.callsOf('territories:loadEdition')).toEqual([{ edition: '2025-12-01', csv }]);
  });
});
