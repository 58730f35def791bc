import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { applyProfile } from '../../src/shared/reports/profile';
import type { ReportProfile } from '../../src/shared/reports/report';
import { sampleExactReport } from '../fixtures/report-sample';
import { fakeBridge, renderApp, sessionOf, unlockedShell, type Handlers } from './fake-api';
import { fixToday } from './samples';

fixToday();

const view = (profile: ReportProfile, unprotected = false) => {
  const { report, suppressed } = applyProfile(sampleExactReport({ period: '2025-Q4', seed: 5, max: 9 }), { profile, k: 5 });
  return {
    report,
    suppressed: suppressed.length,
    unprotected: unprotected ? [{ table: 'status.applications', period: '2025-Q4', row: 'women', column: '*' }] : [],
    releases: [],
  };
};

function handlers(roles: ('reporting_officer' | 'analyst')[], extra: Handlers = {}): Handlers {
  return {
    ...unlockedShell(sessionOf(roles)),
    'reports:get': (input) => view((input as { profile: ReportProfile }).profile),
    'reports:options': () => ({ threshold: 5 }),
    'reports:keys': () => ({ current: null, previous: [] }),
    ...extra,
  };
}

async function openReports() {
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: 'Звітність' }));
  await screen.findByRole('table', { name: 'Рішення за заявами, ухвалені за період' });
  return user;
}

describe('the report screen', () => {
  it('asks for the quarter just ended, shows the figures beside the period before and a year earlier, and the hidden cells in publication', async () => {
    const bridge = fakeBridge(handlers(['reporting_officer']));
    renderApp(bridge);
    const user = await openReports();
    // 10 March 2026: the last quarter ended is the fourth of 2025.
    expect(bridge.callsOf('reports:get')[0]).toEqual({ period: '2025-Q4', profile: 'ministry' });
    const applications = screen.getByRole('table', { name: 'Заяви про встановлення статусу, подані за період' });
    expect(within(applications).getByRole('columnheader', { name: /Попередній \(2025-Q3\)/ })).toBeTruthy();
    expect(within(applications).getByRole('columnheader', { name: /Роком раніше \(2024-Q4\)/ })).toBeTruthy();
    expect(document.querySelectorAll('[data-suppressed]')).toHaveLength(0);

    await user.click(screen.getByText('Для оприлюднення'));
    await waitFor(() => expect(bridge.callsOf('reports:get').at(-1)).toEqual({ period: '2025-Q4', profile: 'publication' }));
    await waitFor(() => expect(document.querySelectorAll('[data-suppressed="<5"]').length).toBeGreaterThan(0));
    expect(screen.getByText(/Приховано \d+ клітин/)).toBeTruthy();
    expect(screen.getByText(/Числа від 1 до 4 приховано як «<5»/)).toBeTruthy();
  });

  it('asks for a half-year or any days in the period picker', async () => {
    const bridge = fakeBridge(handlers(['reporting_officer']));
    renderApp(bridge);
    const user = await openReports();
    await user.click(screen.getByRole('textbox', { name: 'Вид періоду' }));
    await user.click(await screen.findByRole('option', { name: 'Півріччя', hidden: true }));
    await waitFor(() => expect(bridge.callsOf('reports:get').at(-1)).toMatchObject({ period: '2025-H2' }));
  });

  it('blocks the export of a publication no hiding protects, and shows no export to a reader', async () => {
    const bridge = fakeBridge(handlers(['reporting_officer'], { 'reports:get': () => view('publication', true) }));
    renderApp(bridge);
    await openReports();
    expect(screen.getByRole('alert').textContent).toContain('не можна видати');
    expect((screen.getByRole('button', { name: 'Підписати й зберегти пакет' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('lets an analyst read the report but not export or sign it', async () => {
    renderApp(fakeBridge(handlers(['analyst'])));
    await openReports();
    expect(screen.queryByRole('button', { name: 'Підписати й зберегти пакет' })).toBeNull();
    expect(screen.getByText('Вивантажувати й підписувати звіти може відповідальна особа за звітність.')).toBeTruthy();
  });
});
