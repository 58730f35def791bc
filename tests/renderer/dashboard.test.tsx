import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Dashboard } from '../../src/shared/domain/dashboard';
import { fail, fakeBridge, renderApp, sessionOf, unlockedStatus } from './fake-api';
import { assignment, caseRecord, caseSummary, EMPTY_DASHBOARD, meetingSummary, PARAMETERS } from './samples';
import { referralPreview, referralRecord, referralSummary } from './referral-samples';

const DASHBOARD: Dashboard = {
  today: '2026-03-10',
  nextMeetings: [meetingSummary('m-2', 2, 2026, '2026-03-19', { place: 'м. Полтава, вул. Соборності, 45', format: 'mixed', status: 'planned', items: 3 })],
  dueSoon: { total: 1, rows: [assignment('a-1', { leadOrganisationId: 'o-1', dueDate: '2026-03-12' })] },
  overdue: {
    total: 7,
    organisations: 9,
    byOrganisation: [
      {
        organisationId: 'o-2',
        organisationName: 'ГУ Національної поліції в області',
        count: 7,
        rows: [assignment('a-2', { leadOrganisationId: 'o-1', decisionNumber: '3.2', state: 'overdue', dueDate: '2026-02-27', text: 'Надати інформацію про виявлені випадки' })],
      },
    ],
  },
  backup: null,
  todo: EMPTY_DASHBOARD.todo,
  cases: null,
  referrals: null,
  setup: null,
};

const TODO: Dashboard['todo'] = {
  notices: {
    total: 2,
    workingDays: 5,
    rows: [
      { meeting: meetingSummary('m-3', 3, 2026, '2026-03-13', { status: 'planned' }), sendBy: '2026-03-06', late: true },
      { meeting: meetingSummary('m-2', 2, 2026, '2026-03-19', { status: 'planned' }), sendBy: '2026-03-12', late: false },
    ],
  },
  minutes: {
    total: 7,
    rows: [meetingSummary('m-1', 1, 2026, '2026-02-12', { status: 'held' }), meetingSummary('m-9', 9, 2025, '2025-12-11', { status: 'minutes_drafted' })],
  },
  awaitingReport: { total: 1, rows: [assignment('a-3', { decisionNumber: '2.1', dueDate: '2026-03-12', leadOrganisationName: 'Служба у справах дітей' })] },
};

describe('dashboard', () => {
  it('opens after unlock with next meetings, assignments due this week and overdue ones by organisation', async () => {
    renderApp(fakeBridge({ 'session:status': () => unlockedStatus(sessionOf(['member'])), 'dashboard:get': () => DASHBOARD }));
    expect(await screen.findByText('Сьогодні 10.03.2026')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Огляд' }).getAttribute('aria-current')).toBe('page');
    const next = screen.getByRole('region', { name: 'Найближчі засідання' });
    expect(next.textContent).toContain('№ 2/2026');
    expect(next.textContent).toContain('19.03.2026 10:00');
    expect(next.textContent).toContain('Заплановано');
    const overdue = screen.getByRole('region', { name: 'Прострочені доручення за організаціями' });
    expect(within(overdue).getByText('ГУ Національної поліції в області')).toBeTruthy();
    expect(overdue.textContent).toContain('до 27.02.2026');
    expect(screen.getByRole('region', { name: 'Доручення, строк яких спливає протягом 7 днів' }).textContent).toContain('до 12.03.2026');
    // The main process sends a few rows with the totals; the rest are one click away.
    expect(overdue.textContent).toContain('Ще 6 — відкрити всі доручення на контролі');
    expect(overdue.textContent).toContain('Прострочені доручення є ще в 8 організаціях');
  });

  it('opens the record a row names', async () => {
    const late = assignment('a-2', { decisionNumber: '3.2', state: 'overdue', dueDate: '2026-02-27', text: 'Надати інформацію про виявлені випадки' });
    const bridge = fakeBridge({
      'session:status': () => unlockedStatus(sessionOf(['secretary'])),
      'dashboard:get': () => DASHBOARD,
      'assignments:list': () => [late],
      'assignments:get': () => late,
      'organisations:options': () => [],
    });
    renderApp(bridge);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: '3.2 (№ 1/2026)' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Доручення' }).getAttribute('aria-current')).toBe('page'));
    // The card asks for the one assignment, not for every assignment to find it among them.
    expect(await screen.findByTestId('assignment-text')).toBeTruthy();
    expect(bridge.callsOf('assignments:get')).toEqual([{ id: 'a-2' }]);
  });

  it('says what to do: notices by the working-days rule (late ones in red), minutes to finish, reports to chase; each opens its record', async () => {
    const bridge = fakeBridge({
      'session:status': () => unlockedStatus(sessionOf(['secretary'])),
      'dashboard:get': () => ({ ...DASHBOARD, todo: TODO }),
      'meetings:get': () => fail('NOT_FOUND'),
      'meetings:years': () => [],
      'meetings:list': () => [],
      'organisations:options': () => [],
      'group:get': () => fail('NOT_FOUND'),
      'assignments:list': () => [],
    });
    renderApp(bridge);
    const todo = await screen.findByRole('region', { name: 'Що зробити' });
    const notices = within(todo).getByRole('list', { name: 'Повідомлення про засідання' });
    expect(notices.textContent).toContain('Строк надсилання повідомлення про засідання № 3/2026 (13.03.2026) — 06.03.2026 — минув. Якщо його ще не надіслано, надішліть негайно.');
    expect(notices.textContent).toContain('Повідомлення про засідання № 2/2026 (19.03.2026) має бути надіслане членам ради не пізніше 12.03.2026 — за 5 робочих днів до засідання.');
    const minutes = within(todo).getByRole('list', { name: 'Протоколи' });
    expect(minutes.textContent).toContain('Засідання № 1/2026 від 12.02.2026 проведено: підготуйте протокол.');
    expect(minutes.textContent).toContain('Протокол засідання № 9/2025 від 11.12.2025 чекає на затвердження.');
    expect(todo.textContent).toContain('І ще 5');
    expect(within(todo).getByRole('list', { name: 'Інформація про виконання доручень' }).textContent).toContain(
      'Доручення 2.1 (№ 1/2026), строк 12.03.2026: немає інформації про виконання від Служба у справах дітей.',
    );
    const user = userEvent.setup();
    await user.click(within(notices).getByRole('button', { name: /№ 3\/2026/ }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Засідання' }).getAttribute('aria-current')).toBe('page'));
    expect(bridge.callsOf('meetings:get')).toEqual([{ id: 'm-3' }]);
  });

  it('a new store shows the set-up checklist with links; an admin sees the last backup or the reminder', async () => {
    const bridge = fakeBridge({
      'session:status': () => unlockedStatus(sessionOf(['admin'])),
      'dashboard:get': () => ({
        ...EMPTY_DASHBOARD,
        setup: { council: true, order: false, members: false, quorum: true },
        backup: { lastBackupAt: '2026-03-01T08:30:00.000Z', path: '/home/olena/копії/zlagoda-backup-2026-03-01-1030.zlagoda', reminderDays: 7, daysSince: 9, due: true },
      }),
      'group:get': () => fail('NOT_FOUND'),
      'group:members': () => [],
      'organisations:options': () => [],
    });
    renderApp(bridge);
    const setup = await screen.findByRole('region', { name: 'Налаштуйте раду' });
    expect(within(setup).getByTestId('setup-council').getAttribute('data-done')).toBe('true');
    expect(within(setup).getByTestId('setup-order').textContent).toContain('Внесіть номер і дату розпорядження (наказу) про утворення ради.');
    expect(screen.getByTestId('backup-line').textContent).toContain('Час створити резервну копію: остання — 01.03.2026 10:30, 9 днів тому.');
    const user = userEvent.setup();
    await user.click(within(within(setup).getByTestId('setup-order')).getByRole('button', { name: 'Перейти' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Склад ради' }).getAttribute('aria-current')).toBe('page'));
    expect(await screen.findByRole('tab', { name: 'Положення і правила', selected: true })).toBeTruthy();
  });

  it('a backup made today is one quiet line; none yet is a reminder', async () => {
    renderApp(
      fakeBridge({
        'session:status': () => unlockedStatus(sessionOf(['admin'])),
        'dashboard:get': () => ({ ...EMPTY_DASHBOARD, backup: { lastBackupAt: '2026-03-10T07:00:00.000Z', path: '/tmp/x.zlagoda', reminderDays: 7, daysSince: 0, due: false } }),
      }),
    );
    expect((await screen.findByTestId('backup-line')).textContent).toBe('Остання резервна копія — 10.03.2026 09:00, сьогодні.');
    expect(screen.getByText(/Невідкладних справ немає/)).toBeTruthy();
    cleanup();

    renderApp(
      fakeBridge({
        'session:status': () => unlockedStatus(sessionOf(['admin'])),
        'dashboard:get': () => ({ ...EMPTY_DASHBOARD, backup: { lastBackupAt: null, path: null, reminderDays: 7, daysSince: null, due: true } }),
      }),
    );
    expect((await screen.findByTestId('backup-line')).textContent).toContain('Резервних копій ще не створено.');
  });

  it('says plainly when nothing is due, and explains a failure', async () => {
    renderApp(
      fakeBridge({
        'session:status': () => unlockedStatus(sessionOf(['member'])),
        'dashboard:get': () => EMPTY_DASHBOARD,
      }),
    );
    expect(await screen.findByText('Прострочених доручень немає.')).toBeTruthy();
    expect(screen.getByText(/Засідань не заплановано/)).toBeTruthy();

    renderApp(fakeBridge({ 'session:status': () => unlockedStatus(sessionOf(['member'])), 'dashboard:get': () => fail('STORE_BUSY') }));
    expect((await screen.findByRole('alert')).textContent).toContain('Сховище зараз використовує інша програма');
  });
});

describe('dashboard: the status procedure', () => {
  const clock: NonNullable<Dashboard['cases']> = {
    days: 5,
    dueSoon: 3,
    overdue: 2,
    rows: [
      caseSummary('c-late', { code: 'ОС-3F8A-PQ2N', nextStep: 'police_answer', dueOn: '2026-03-08', daysLeft: -2 }),
      caseSummary('c-soon', { code: 'ОС-7K2M-Q9XD', nextStep: 'interview', dueOn: '2026-03-12', daysLeft: 2 }),
    ],
  };

  it('a case officer sees what falls due and what is late, by code, each opening its case', async () => {
    const bridge = fakeBridge({
      'session:status': () => unlockedStatus(sessionOf(['case_officer'])),
      'dashboard:get': () => ({ ...EMPTY_DASHBOARD, cases: clock }),
      'cases:get': () => caseRecord('c-late', { code: 'ОС-3F8A-PQ2N' }),
      'parameters:get': () => PARAMETERS,
    });
    renderApp(bridge);
    const section = await screen.findByRole('region', { name: 'Процедура встановлення статусу' });
    expect(within(section).getByTestId('cases-due-soon').textContent).toBe('Строк спливає протягом 5 днів: 3');
    expect(within(section).getByTestId('cases-overdue').textContent).toBe('Прострочено: 2');
    const rows = within(section).getByRole('table', { name: 'Найближчі строки справ' });
    expect(rows.textContent).toContain('Відповідь Національної поліції');
    expect(rows.textContent).toContain('08.03.2026');
    expect(rows.textContent).toContain('прострочено на 2 дні');
    const user = userEvent.setup();
    await user.click(within(rows).getByRole('button', { name: 'ОС-3F8A-PQ2N' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Справа ОС-3F8A-PQ2N' })).toBeTruthy();
    expect(bridge.callsOf('cases:get')).toEqual([{ id: 'c-late' }]);
  });

  it('an analyst sees only how many steps are late: no codes, no rows', async () => {
    renderApp(
      fakeBridge({
        'session:status': () => unlockedStatus(sessionOf(['analyst'])),
        'dashboard:get': () => ({ ...EMPTY_DASHBOARD, cases: { days: 5, dueSoon: null, overdue: 2, rows: [] } }),
      }),
    );
    const section = await screen.findByRole('region', { name: 'Процедура встановлення статусу' });
    expect(section.textContent).toBe('Процедура встановлення статусуПрострочених етапів: 2');
    expect(within(section).queryByRole('table')).toBeNull();
  });

  it('others see no status procedure at all', async () => {
    renderApp(fakeBridge({ 'session:status': () => unlockedStatus(sessionOf(['secretary'])), 'dashboard:get': () => EMPTY_DASHBOARD }));
    await screen.findByText('Прострочених доручень немає.');
    expect(screen.queryByRole('region', { name: 'Процедура встановлення статусу' })).toBeNull();
  });
});

describe('dashboard: referrals', () => {
  const referrals: NonNullable<Dashboard['referrals']> = {
    overdueAnswers: 2,
    overdueServices: 1,
    dueSoon: 4,
    rows: [
      referralSummary('r-late', { code: 'ОС-3F8A-PQ2N', number: '9/2026', dueKind: 'answer', dueOn: '2026-03-08', daysLeft: -2 }),
      referralSummary('r-service', { code: 'ОС-9Z1B-W4HT', number: '11/2026', state: 'in_progress', dueKind: 'service', dueOn: '2026-03-12', daysLeft: 2 }),
    ],
  };

  it('a case officer sees overdue answers and services, what falls due, and the nearest rows, each opening its referral', async () => {
    const bridge = fakeBridge({
      'session:status': () => unlockedStatus(sessionOf(['case_officer'])),
      'dashboard:get': () => ({ ...EMPTY_DASHBOARD, cases: { days: 5, dueSoon: 0, overdue: 0, rows: [] }, referrals }),
      'referrals:get': () => referralRecord('r-late', { code: 'ОС-3F8A-PQ2N', number: '9/2026', state: 'sent', allowedEvents: [] }),
      'referrals:preview': () => referralPreview(),
      'parameters:get': () => PARAMETERS,
      'organisations:options': () => [],
    });
    renderApp(bridge);
    const section = await screen.findByRole('region', { name: 'Направлення' });
    expect(within(section).getByTestId('referrals-overdue-answers').textContent).toBe('Прострочено відповідей: 2');
    expect(within(section).getByTestId('referrals-overdue-services').textContent).toBe('Прострочено допомоги: 1');
    expect(within(section).getByTestId('referrals-due-soon').textContent).toBe('Строк спливає протягом 5 днів: 4');
    const rows = within(section).getByRole('table', { name: 'Найближчі строки направлень' });
    const [late, service] = within(rows).getAllByRole('row');
    expect(late!.textContent).toContain('№ 9/2026');
    expect(late!.textContent).toContain('Відповідь отримувача');
    expect(late!.textContent).toContain('08.03.2026');
    expect(within(late!).getByText('прострочено на 2 дні').getAttribute('style')).toContain('red');
    expect(service!.textContent).toContain('Надання допомоги');
    expect(service!.textContent).toContain('залишилося 2 дні');
    const user = userEvent.setup();
    await user.click(within(rows).getByRole('button', { name: 'Відкрити направлення 9/2026 (особа ОС-3F8A-PQ2N)' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Направлення № 9/2026' })).toBeTruthy();
    expect(bridge.callsOf('referrals:get')).toEqual([{ id: 'r-late' }]);
  });

  it('others see no referrals section', async () => {
    renderApp(fakeBridge({ 'session:status': () => unlockedStatus(sessionOf(['analyst'])), 'dashboard:get': () => EMPTY_DASHBOARD }));
    await screen.findByText('Прострочених доручень немає.');
    expect(screen.queryByRole('region', { name: 'Направлення' })).toBeNull();
  });
});
