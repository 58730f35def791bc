import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { BackupJob } from '../../src/shared/domain/backup';
import { fail, fakeBridge, lockedStatus, renderApp, sessionOf, unlockedStatus } from './fake-api';
import { EMPTY_DASHBOARD } from './samples';

const SETTINGS = { idleLockMinutes: 10, lockWarningSeconds: 60, backupReminderDays: 7 };
const NONE_YET = { lastBackupAt: null, path: null, reminderDays: 7, daysSince: null, due: true };
const PATH = '/home/olena/Документи/zlagoda-backup-2026-03-10-1100.zlagoda';

function job(phase: BackupJob['phase'], percent: number, extra: Partial<BackupJob> = {}): BackupJob {
  return { jobId: '3f1c9a52-4d1e-4a8b-9c61-1b2f3e4d5a6b', phase, percent, fileName: 'zlagoda-backup-2026-03-10-1100.zlagoda', path: null, bytes: null, error: null, ...extra };
}

async function openSettings() {
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: 'Налаштування' }));
  return { user, section: await screen.findByRole('region', { name: 'Резервна копія' }) };
}

describe('settings: backup', () => {
  it('makes a backup where the main process asked, shows the bar by phase, and says where the verified copy went', async () => {
    const answers = [job('copy', 31), job('verify', 80), job('done', 100, { path: PATH, bytes: 3_460_000 })];
    let made = false;
    const bridge = fakeBridge({
      'session:status': () => unlockedStatus(sessionOf(['admin'])),
      'dashboard:get': () => EMPTY_DASHBOARD,
      'settings:get': () => SETTINGS,
      'backup:last': () => (made ? { lastBackupAt: '2026-03-10T09:00:00.000Z', path: PATH, reminderDays: 7, daysSince: 0, due: false } : NONE_YET),
      'backup:start': () => ({ cancelled: false, job: job('checkpoint', 0) }),
      'backup:job': () => {
        const next = answers.shift()!;
        if (next.phase === 'done') made = true;
        return next;
      },
    });
    renderApp(bridge);
    const { user, section } = await openSettings();
    expect(await within(section).findByText('Резервних копій цього сховища ще не створено.')).toBeTruthy();
    expect(within(section).getByRole('status').textContent).toContain('Час створити резервну копію: нагадування налаштовано на кожні 7 дн.');

    await user.click(within(section).getByRole('button', { name: 'Створити резервну копію' }));
    const bar = await within(section).findByRole('progressbar', { name: 'Поступ створення резервної копії' });
    expect(Number(bar.getAttribute('aria-valuenow'))).toBeLessThan(100);
    const done = await within(section).findByTestId('backup-done', {}, { timeout: 5000 });
    expect(done.textContent).toBe(`Копію створено й перевірено: ${PATH} (3,3 МБ).`);
    // The line above follows: the last backup is the one just made.
    expect(await within(section).findByText('Остання копія: 10.03.2026 11:00, сьогодні.')).toBeTruthy();
    expect(bridge.callsOf('backup:start')).toEqual([{}]);
    expect(bridge.callsOf('backup:job').every((input) => JSON.stringify(input) === JSON.stringify({ jobId: job('done', 0).jobId }))).toBe(true);
  });

  it('a refused copy says why in Ukrainian; a cancelled dialog changes nothing; the reminder days are a setting', async () => {
    const bridge = fakeBridge({
      'session:status': () => unlockedStatus(sessionOf(['admin'])),
      'dashboard:get': () => EMPTY_DASHBOARD,
      'settings:get': () => SETTINGS,
      'settings:update': (input) => input,
      'backup:last': () => NONE_YET,
      'backup:start': () => ({ cancelled: false, job: job('checkpoint', 0) }),
      'backup:job': () => job('failed', 0, { error: { code: 'FILE_EXISTS', message: 'exists', details: {}, correlationId: '3f1c9a52' } }),
    });
    renderApp(bridge);
    const { user, section } = await openSettings();
    await user.click(within(section).getByRole('button', { name: 'Створити резервну копію' }));
    expect((await within(section).findByRole('alert')).textContent).toContain('Файл із такою назвою вже існує. Оберіть іншу назву або інший каталог.');
    expect(within(section).getByText('Копію не створено.')).toBeTruthy();

    bridge.handlers['backup:start'] = () => ({ cancelled: true });
    await user.click(within(section).getByRole('button', { name: 'Створити резервну копію' }));
    await waitFor(() => expect(bridge.callsOf('backup:start')).toHaveLength(2));

    const days = screen.getByLabelText(/^Нагадувати про резервну копію через, днів/);
    await user.clear(days);
    await user.type(days, '14');
    await user.click(screen.getByRole('button', { name: 'Зберегти' }));
    await waitFor(() => expect(bridge.callsOf('settings:update')).toEqual([{ ...SETTINGS, backupReminderDays: 14 }]));
  });
});

/** The restore form; a notice of another test may linger in Mantine's notifications, outside it. */
const restoreForm = () => screen.getByRole('heading', { name: 'Відновлення з резервної копії' }).closest('form')!;

describe('unlock screen: restore from a backup', () => {
  it('chooses the file and an empty folder in the main process’s dialogs, restores, and opens the restored store', async () => {
    const session = sessionOf(['admin']);
    let unlocked = false;
    let folderAnswers = 0;
    const bridge = fakeBridge({
      'session:status': () => (unlocked ? unlockedStatus(session) : lockedStatus),
      'dashboard:get': () => EMPTY_DASHBOARD,
      'backup:chooseFile': () => ({ cancelled: false, token: 'f-1', path: PATH }),
      'backup:chooseFolder': () =>
        (folderAnswers += 1) === 1 ? fail('RESTORE_FOLDER', { field: 'folderToken' }) : { cancelled: false, token: 'd-1', path: '/home/olena/Злагода-відновлене' },
      'backup:restore': (input) => (input.passphrase === 'весна у Полтаві 2026 року' ? { events: 412, folder: '/home/olena/Злагода-відновлене' } : fail('WRONG_CREDENTIALS')),
      'session:unlock': () => {
        unlocked = true;
        return session;
      },
    });
    renderApp(bridge);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Відновити з резервної копії' }));
    expect(screen.getByRole('heading', { name: 'Відновлення з резервної копії' })).toBeTruthy();
    expect(screen.getByText(/наявне сховище й будь-які файли залишаться без змін/)).toBeTruthy();

    // Nothing chosen yet: the form says what to do and sends nothing.
    await user.type(screen.getByLabelText(/^Логін користувача з копії/), 'olena');
    await user.type(screen.getByLabelText(/^Пароль цього користувача/), 'весна у Полтаві 2026 року');
    await user.click(screen.getByRole('button', { name: 'Відновити й відкрити' }));
    expect((await within(restoreForm()).findByRole('alert')).textContent).toContain('Файл резервної копії або папку для відновлення не обрано');
    expect(bridge.callsOf('backup:restore')).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Обрати файл…' }));
    expect((await screen.findByLabelText('Файл резервної копії')).textContent).toBe(PATH);
    await user.click(screen.getByRole('button', { name: 'Обрати папку…' }));
    expect((await within(restoreForm()).findByRole('alert')).textContent).toContain('Для відновлення потрібна порожня папка поза теперішнім сховищем');
    await user.click(screen.getByRole('button', { name: 'Обрати папку…' }));
    expect((await screen.findByLabelText('Папка для відновленого сховища')).textContent).toBe('/home/olena/Злагода-відновлене');

    await user.clear(screen.getByLabelText(/^Пароль цього користувача/));
    await user.type(screen.getByLabelText(/^Пароль цього користувача/), 'не той пароль зовсім');
    await user.click(screen.getByRole('button', { name: 'Відновити й відкрити' }));
    expect((await within(restoreForm()).findByRole('alert')).textContent).toContain('Невірний логін або пароль.');
    expect((screen.getByLabelText(/^Пароль цього користувача/) as HTMLInputElement).value).toBe('');

    await user.type(screen.getByLabelText(/^Пароль цього користувача/), 'весна у Полтаві 2026 року');
    await user.click(screen.getByRole('button', { name: 'Відновити й відкрити' }));
    expect(await screen.findByTestId('current-user')).toBeTruthy();
    expect(bridge.callsOf('backup:restore').at(-1)).toEqual({ fileToken: 'f-1', folderToken: 'd-1', login: 'olena', passphrase: 'весна у Полтаві 2026 року' });
    expect(bridge.callsOf('session:unlock')).toEqual([{ login: 'olena', passphrase: 'весна у Полтаві 2026 року' }]);
  });

  it('a damaged backup is named as such, with the reason', async () => {
    const bridge = fakeBridge({
      'session:status': () => lockedStatus,
      'backup:chooseFile': () => ({ cancelled: false, token: 'f-1', path: '/tmp/notes.zlagoda' }),
      'backup:chooseFolder': () => ({ cancelled: false, token: 'd-1', path: '/tmp/new' }),
      'backup:restore': () => fail('BACKUP_INVALID', { reason: 'checksum' }),
    });
    renderApp(bridge);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Відновити з резервної копії' }));
    await user.click(screen.getByRole('button', { name: 'Обрати файл…' }));
    await user.click(screen.getByRole('button', { name: 'Обрати папку…' }));
    await screen.findByText('/tmp/new');
    await user.type(screen.getByLabelText(/^Логін користувача з копії/), 'olena');
    await user.type(screen.getByLabelText(/^Пароль цього користувача/), 'весна у Полтаві 2026 року');
    await user.click(screen.getByRole('button', { name: 'Відновити й відкрити' }));
    const alert = await within(restoreForm()).findByRole('alert');
    expect(alert.textContent).toContain('Резервна копія пошкоджена або не належить цьому сховищу.');
    expect(alert.textContent).toContain('Контрольні суми частин копії не збігаються з описом');
    await user.click(screen.getByRole('button', { name: 'Повернутися до розблокування' }));
    expect(await screen.findByRole('heading', { name: 'Розблокування сховища' })).toBeTruthy();
  });
});
