import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../src/shared/permissions';
import { fail, fakeBridge, renderApp, sessionOf, unlockedShell, type Handlers } from './fake-api';
import { fixToday, PARAMETERS, typeDate } from './samples';

fixToday();

function signedIn(roles: Role[], extra: Handlers = {}): Handlers {
  return { ...unlockedShell(sessionOf(roles)), 'parameters:get': () => PARAMETERS, ...extra };
}

async function openParameters() {
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: 'Параметри процедури' }));
  await screen.findByRole('heading', { level: 1, name: 'Параметри процедури встановлення статусу' });
  return user;
}

describe('procedure parameters', () => {
  it('shows each term’s versions with its legal basis and whether it was checked against the act', async () => {
    renderApp(fakeBridge(signedIn(['admin'])));
    await openParameters();
    const interview = await screen.findByRole('table', { name: 'Співбесіда' });
    expect(interview.textContent).toContain('3 робочі дні');
    expect(interview.textContent).toContain('від реєстрації заяви');
    expect(interview.textContent).toContain('уточнити');
    expect(interview.textContent).toContain('Чинна');
    const procedure = screen.getByRole('table', { name: 'Уся процедура' });
    expect(procedure.textContent).toContain('1 місяць');
    expect(procedure.textContent).toContain('підтверджено');
  });

  it('a version dated before today is refused, in the parameters’ own words', async () => {
    const bridge = fakeBridge(signedIn(['admin'], { 'parameters:saveTerm': () => fail('INVALID_STATE', { reason: 'retroactive', today: '2026-03-10' }) }));
    renderApp(bridge);
    const user = await openParameters();
    await user.click(await screen.findByRole('button', { name: 'Нова версія: Співбесіда' }));
    const dialog = await screen.findByRole('dialog', { name: 'Нова версія строку: Співбесіда' });
    // It starts from the version in force, dated today.
    expect((within(dialog).getByRole('spinbutton', { name: /^Кількість/ }) as HTMLInputElement).value).toBe('3');
    const validFrom = within(dialog).getByRole('textbox', { name: /^Діє з/ });
    expect((validFrom as HTMLInputElement).value).toBe('10.03.2026');
    await user.clear(within(dialog).getByRole('spinbutton', { name: /^Кількість/ }));
    await user.type(within(dialog).getByRole('spinbutton', { name: /^Кількість/ }), '5');
    await typeDate(user, validFrom, '01.03.2026');
    await user.click(within(dialog).getByRole('button', { name: 'Зберегти' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toBe('Нова версія діє від сьогодні (10.03.2026) або пізніше: минулі справи рахують за параметрами, чинними тоді.');
    expect(bridge.callsOf('parameters:saveTerm')).toEqual([
      { key: 'interview', value: 5, unit: 'days', dayKind: 'working', countsFrom: 'registration', legalBasis: 'Постанова КМУ № 417 (строк уточнити)', confirmed: false, validFrom: '2026-03-01' },
    ]);
  });

  it('takes a subsistence minimum in hryvnias and sends it in kopiyky', async () => {
    const bridge = fakeBridge(signedIn(['admin'], { 'parameters:saveMinimum': () => PARAMETERS }));
    renderApp(bridge);
    const user = await openParameters();
    await user.click(screen.getByRole('tab', { name: 'Прожиткові мінімуми' }));
    const table = await screen.findByRole('table', { name: 'Працездатні особи' });
    expect(table.textContent).toContain('3\u00a0028,00 грн');
    await user.click(screen.getByRole('button', { name: 'Нова версія: працездатні особи' }));
    const dialog = await screen.findByRole('dialog');
    const amount = within(dialog).getByRole('textbox', { name: /^Розмір, грн/ });
    await user.clear(amount);
    await user.type(amount, '3 328,50');
    await typeDate(user, within(dialog).getByRole('textbox', { name: /^Діє з/ }), '01.01.2027');
    await user.click(within(dialog).getByRole('button', { name: 'Зберегти' }));
    await waitFor(() => expect(bridge.callsOf('parameters:saveMinimum')).toEqual([{ category: 'working_age', validFrom: '2027-01-01', amountKop: 332850, legalBasis: 'Закон про Державний бюджет України на 2025 рік' }]));
  });

  it('a case officer reads the parameters and cannot change them', async () => {
    renderApp(fakeBridge(signedIn(['case_officer'], { 'cases:list': () => ({ total: 0, rows: [] }), 'cases:anonymisable': () => [] })));
    await openParameters();
    await screen.findByRole('table', { name: 'Співбесіда' });
    expect(screen.getByText(/Параметри змінює адміністратор/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Нова версія/ })).toBeNull();
  });
});
