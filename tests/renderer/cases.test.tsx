import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { CaseFilter } from '../../src/shared/domain/cases';
import { fail, fakeBridge, renderApp, sessionOf, unlockedShell, type Handlers } from './fake-api';
import { caseRecord, caseSummary, dataRows, fixToday, optionsOf, PARAMETERS } from './samples';

fixToday();

const ROWS = [
  caseSummary('c-late', { code: 'ОС-3F8A-PQ2N', registrationNumber: '12', registrationDate: '2026-02-20', nextStep: 'police_answer', dueOn: '2026-03-08', daysLeft: -2 }),
  caseSummary('c-soon', { code: 'ОС-7K2M-Q9XD', registrationNumber: '14', nextStep: 'interview', dueOn: '2026-03-13', daysLeft: 3, child: true }),
  caseSummary('c-later', { code: 'ОС-9Z1B-W4HT', registrationNumber: '15', nextStep: 'decision', dueOn: '2026-03-30', daysLeft: 20, foreigner: true }),
];

function officer(extra: Handlers = {}, session = sessionOf(['case_officer'])): Handlers {
  return {
    ...unlockedShell(session),
    'cases:list': () => ({ total: 120, rows: ROWS }),
    'cases:anonymisable': () => [],
    'parameters:get': () => PARAMETERS,
    ...extra,
  };
}

async function openCases() {
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: 'Справи щодо статусу' }));
  const table = await screen.findByRole('table', { name: 'Справи щодо статусу' });
  return { user, table };
}

describe('the case list', () => {
  it('shows codes, never names, with the next step, its due date and the days left coloured by urgency', async () => {
    renderApp(fakeBridge(officer()));
    const { table } = await openCases();
    const [late, soon, later] = dataRows(table);
    expect(late!.textContent).toContain('ОС-3F8A-PQ2N');
    expect(late!.textContent).toContain('№ 12 від 20.02.2026');
    expect(late!.textContent).toContain('Відповідь Національної поліції');
    expect(late!.textContent).toContain('08.03.2026');
    expect(within(late!).getByText('прострочено на 2 дні').getAttribute('style')).toContain('red');
    expect(within(soon!).getByText('залишилося 3 дні').getAttribute('style')).toContain('orange');
    expect(within(later!).getByText('залишилося 20 днів').getAttribute('style') ?? '').not.toContain('orange');
    expect(soon!.textContent).toContain('Дитина');
    expect(later!.textContent).toContain('Іноземець');
    expect(screen.getByText('Показано 1–3 з 120')).toBeTruthy();
  });

  it('asks the main process for one page under the filters: state, next step, year, overdue, a code typed in part', async () => {
    const bridge = fakeBridge(officer());
    renderApp(bridge);
    const { user } = await openCases();
    const last = () => bridge.callsOf('cases:list').at(-1) as CaseFilter;
    expect(last()).toEqual({ overdue: false, query: '', offset: 0, limit: 50 });

    await user.click(screen.getByRole('switch', { name: 'Лише прострочені' }));
    await waitFor(() => expect(last().overdue).toBe(true));

    await user.click(screen.getByRole('textbox', { name: 'Стан справи' }));
    await user.click(optionsOf('Стан справи').getByRole('option', { name: 'Повернуто для доповнення', hidden: true }));
    await waitFor(() => expect(last().states).toEqual(['incomplete']));

    await user.click(screen.getByRole('textbox', { name: 'Наступний етап' }));
    await user.click(optionsOf('Наступний етап').getByRole('option', { name: 'Рішення', hidden: true }));
    await waitFor(() => expect(last().step).toBe('decision'));

    await user.click(screen.getByRole('textbox', { name: 'Рік реєстрації' }));
    await user.click(optionsOf('Рік реєстрації').getByRole('option', { name: '2025', hidden: true }));
    await waitFor(() => expect(last().year).toBe(2025));

    await user.type(screen.getByRole('textbox', { name: 'Код особи або номер заяви' }), 'q9x');
    await waitFor(() => expect(last().query).toBe('q9x'));
    // Typing asks once the typing pauses, not once per letter.
    expect(bridge.callsOf('cases:list').filter((c) => (c as CaseFilter).query === 'q')).toHaveLength(0);

    // The next page continues where this one ends, under the same filters.
    await user.click(screen.getByRole('button', { name: 'Сторінка 2' }));
    await waitFor(() => expect(last()).toEqual({ states: ['incomplete'], step: 'decision', year: 2025, overdue: true, query: 'q9x', offset: 50, limit: 50 }));

    await user.click(screen.getByRole('button', { name: 'Скинути фільтри' }));
    expect((screen.getByRole('switch', { name: 'Лише прострочені' }) as HTMLInputElement).checked).toBe(false);
    expect((screen.getByRole('textbox', { name: 'Код особи або номер заяви' }) as HTMLInputElement).value).toBe('');
    expect(screen.queryByRole('button', { name: 'Скинути фільтри' })).toBeNull();
  });

  it('offers the search by surname only to those who may read personal data', async () => {
    renderApp(fakeBridge(officer({}, sessionOf(['case_officer'], { permissions: ['meetings.read', 'cases.read'] }))));
    await openCases();
    expect(screen.queryByRole('region', { name: 'Пошук за прізвищем' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Зареєструвати заяву' })).toBeNull();
  });
});

describe('a case card', () => {
  it('offers only the steps the procedure allows now, and a refused step says why in the procedure’s words', async () => {
    const bridge = fakeBridge(
      officer({
        'cases:get': () => caseRecord('c-soon'),
        'cases:addStep': () => fail('INVALID_STATE', { reason: 'before_registration', date: '2026-03-05' }),
      }),
    );
    renderApp(bridge);
    const { user, table } = await openCases();
    await user.click(dataRows(table)[1]!);
    expect(await screen.findByRole('heading', { level: 1, name: 'Справа ОС-7K2M-Q9XD' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Внести етап' }));
    const menu = await screen.findByRole('menu', { hidden: true });
    expect(within(menu).getAllByRole('menuitem', { hidden: true }).map((item) => item.textContent)).toEqual(['Співбесіда', 'Співбесіду замінено іншими даними']);
    await user.click(within(menu).getByRole('menuitem', { name: 'Співбесіда', hidden: true }));

    const form = await screen.findByTestId('step-form');
    expect(within(form).getByRole('heading', { name: 'Новий етап: Співбесіда' })).toBeTruthy();
    // Signed by whoever is signed in, dated today, due today.
    expect((within(form).getByRole('textbox', { name: /^Посадова особа/ }) as HTMLInputElement).value).toBe('Олена Петренко');
    expect((within(form).getByRole('textbox', { name: /^Дата/ }) as HTMLInputElement).value).toBe('10.03.2026');
    expect(form.textContent).toContain('Строк цього етапу — 10.03.2026.');
    await user.click(within(form).getByRole('button', { name: 'Внести' }));
    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toBe('Дата раніше за реєстрацію заяви (05.03.2026). Перевірте дату етапу.');
    expect(bridge.callsOf('cases:addStep')).toEqual([
      { caseId: 'c-soon', step: { kind: 'interview', date: '2026-03-10', official: 'Олена Петренко', documents: [], note: '' } },
    ]);
  });
});
