import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Dashboard } from '../../src/shared/domain/dashboard';
import { fail, fakeBridge, renderApp, sessionOf, unlockedStatus } from './fake-api';
import { assignment, EMPTY_DASHBOARD, meetingSummary } from './samples';

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
