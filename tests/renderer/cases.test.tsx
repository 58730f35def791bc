import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { CaseFilter } from '../../src/shared/domain/cases';
import { fail, fakeBridge, renderApp, sessionOf, unlockedShell, type Handlers } from './fake-api';
import { caseRecord, caseStep, caseSummary, dataRows, fixToday, optionsOf, PARAMETERS } from './samples';

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
    const items = within(menu).getAllByRole('menuitem', { hidden: true });
    const open = items.filter((item) => !item.hasAttribute('data-disabled'));
    expect(open.map((item) => item.textContent)).toEqual(['Співбесіда', 'Співбесіду замінено іншими даними']);
    // The others are there, disabled, each saying what must come first.
    const decision = items.find((item) => item.textContent?.startsWith('Рішення'))!;
    expect(decision.hasAttribute('data-disabled')).toBe(true);
    expect(decision.textContent).toBe('РішенняРішення не можна внести до співбесіди або до запису про її заміну іншими даними.');
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

describe('registering an application', () => {
  it('a new person: who they are and the application go to the main process; the card opens titled by the code', async () => {
    const created = caseRecord('c-new', { code: 'ОС-4RT7-MN2P', fields: { ...caseRecord('x').fields, registrationNumber: '7' } });
    const bridge = fakeBridge(
      officer({
        'cases:list': () => ({ total: 0, rows: [] }),
        'organisations:options': () => [],
        'cases:create': () => created,
        'cases:get': () => created,
      }),
    );
    renderApp(bridge);
    const { user } = await openCases();
    await user.click(screen.getByRole('button', { name: 'Зареєструвати заяву' }));
    const dialog = await screen.findByRole('dialog', { name: 'Реєстрація заяви про встановлення статусу' });
    // Nothing filled: the form says what is missing and asks the main process nothing.
    await user.click(within(dialog).getByRole('button', { name: 'Зареєструвати' }));
    expect((await within(dialog).findAllByText('Заповніть це поле.')).length).toBeGreaterThanOrEqual(3);
    expect(bridge.callsOf('cases:create')).toEqual([]);

    await user.type(within(dialog).getAllByRole('textbox', { name: /^Прізвище/ })[0]!, 'Вигаданенко');
    await user.type(within(dialog).getByRole('textbox', { name: /^Ім’я/ }), 'Фантазія');
    await user.click(within(dialog).getByRole('textbox', { name: /^Стать/ }));
    await user.click(optionsOf(/^Стать/).getByRole('option', { name: 'жіноча', hidden: true }));
    await user.type(within(dialog).getByRole('textbox', { name: /^Орган, що прийняв заяву/ }), 'Полтавська районна державна адміністрація');
    await user.type(within(dialog).getByRole('textbox', { name: /^Реєстраційний номер заяви/ }), '7');
    await user.type(within(dialog).getByRole('textbox', { name: /^Документи, що надійшли із заявою/ }), 'копія паспорта{Enter}{Enter}медичний висновок');
    await user.click(within(dialog).getByRole('button', { name: 'Зареєструвати' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Справа ОС-4RT7-MN2P' })).toBeTruthy();
    const [sent] = bridge.callsOf('cases:create') as { person: Record<string, unknown>; fields: Record<string, unknown>; official: string }[];
    expect(sent!.person).toMatchObject({ surname: 'Вигаданенко', givenName: 'Фантазія', patronymic: '', sex: 'female', citizenship: 'UA', birthDate: null });
    expect(sent!.fields).toMatchObject({ receivingBodyKind: 'state_administration', registrationNumber: '7', registrationDate: '2026-03-10', arrival: 'self', formsVersion: '2024', documentsReceived: ['копія паспорта', 'медичний висновок'] });
    expect(sent!.official).toBe('Олена Петренко');
    // The notice names the number and the code, never the person.
    const notice = await screen.findByText('Заяву № 7 зареєстровано. Справа ОС-4RT7-MN2P.');
    expect(notice.textContent).not.toContain('Вигаданенко');
  });

  it('a person already on record is found by name and chosen; only their id goes with the application', async () => {
    const bridge = fakeBridge(
      officer({
        'cases:list': () => ({ total: 0, rows: [] }),
        'organisations:options': () => [],
        'cases:search': () => [{ id: 'p-1', code: 'ОС-7K2M-Q9XD', surname: 'Вигаданенко', givenName: 'Фантазія', patronymic: 'Уявлівна', birthDate: '1998-04-12' }],
        'cases:create': () => caseRecord('c-2'),
        'cases:get': () => caseRecord('c-2'),
      }),
    );
    renderApp(bridge);
    const { user } = await openCases();
    await user.click(screen.getByRole('button', { name: 'Зареєструвати заяву' }));
    const dialog = await screen.findByRole('dialog', { name: 'Реєстрація заяви про встановлення статусу' });
    await user.click(within(dialog).getByRole('radio', { name: 'Особа вже є в обліку' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Знайти особу за прізвищем' }), 'Виг{Enter}');
    await user.click(await within(dialog).findByRole('radio', { name: 'Вигаданенко Фантазія Уявлівна — ОС-7K2M-Q9XD, народження 12.04.1998' }));
    await user.type(within(dialog).getByRole('textbox', { name: /^Орган, що прийняв заяву/ }), 'Полтавська районна державна адміністрація');
    await user.type(within(dialog).getByRole('textbox', { name: /^Реєстраційний номер заяви/ }), '8');
    await user.click(within(dialog).getByRole('button', { name: 'Зареєструвати' }));
    await waitFor(() => expect(bridge.callsOf('cases:create')).toHaveLength(1));
    expect(bridge.callsOf('cases:search')[0]).toEqual({ name: 'Виг' });
    const [sent] = bridge.callsOf('cases:create') as Record<string, unknown>[];
    expect(sent).toMatchObject({ personId: 'p-1' });
    expect(sent).not.toHaveProperty('person');
  });
});

describe('the person’s card', () => {
  it('is titled by the code; the name is in its fields only, and a correction goes to the main process', async () => {
    const person = {
      id: 'p-1',
      code: 'ОС-7K2M-Q9XD',
      surname: 'Вигаданенко',
      givenName: 'Фантазія',
      patronymic: 'Уявлівна',
      birthDate: '1998-04-12',
      ageAtIdentification: null,
      sex: 'female' as const,
      citizenship: 'UA',
      languages: 'українська',
      interpreterNeeded: false,
      phone: '',
      email: '',
      address: '',
      identityDocument: '',
      incapable: false,
      representative: { name: '', relation: '', contacts: '' },
      cases: [{ id: 'c-soon', registrationNumber: '14', registrationDate: '2026-03-05', state: 'open' }],
      updatedAt: '2026-03-05T08:00:00.000Z',
    };
    const bridge = fakeBridge(
      officer({
        'cases:get': () => caseRecord('c-soon'),
        'cases:person': () => person,
        'cases:savePerson': (input) => ({ ...person, phone: input.person.phone ?? '' }),
      }),
    );
    renderApp(bridge);
    const { user, table } = await openCases();
    await user.click(dataRows(table)[1]!);
    await user.click(await screen.findByRole('button', { name: 'Картка особи' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Картка особи ОС-7K2M-Q9XD' })).toBeTruthy();
    expect(bridge.callsOf('cases:person')).toEqual([{ id: 'p-c-soon' }]);
    const phone = screen.getByRole('textbox', { name: 'Телефон' });
    await user.type(phone, '+380 67 000 00 00');
    // Leaving with the change unsaved asks first; staying keeps what was typed.
    await user.click(screen.getByRole('button', { name: 'Огляд' }));
    const leave = await screen.findByRole('dialog', { name: 'Вийти без збереження?' });
    await user.click(within(leave).getByRole('button', { name: 'Залишитися' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect((phone as HTMLInputElement).value).toBe('+380 67 000 00 00');
    await user.click(phone);
    await user.keyboard('{Control>}s{/Control}');
    await waitFor(() => expect(bridge.callsOf('cases:savePerson')).toHaveLength(1));
    expect(bridge.callsOf('cases:savePerson')[0]).toMatchObject({ id: 'p-1', person: { surname: 'Вигаданенко', phone: '+380 67 000 00 00' } });
    expect(await screen.findByText('Відомості про особу ОС-7K2M-Q9XD збережено.')).toBeTruthy();
  });
});

describe('the timeline', () => {
  it('shows each step with its facts and lateness; a step later ones stand on is not removed, and says so', async () => {
    const card = caseRecord('c-soon', {
      nextStep: 'police_answer',
      dueOn: '2026-03-18',
      daysLeft: 8,
      procedureDueOn: '2026-04-09',
      allowedSteps: ['undertaking', 'file_compiled', 'police_answer'],
      steps: [
        caseStep('s-1', 'registration', '2026-03-02'),
        caseStep('s-2', 'interview', '2026-03-09', { dueOn: '2026-03-05', daysLate: 4 }),
        caseStep('s-3', 'police_request', '2026-03-09', { number: '01-15/233', documents: ['запит'] }),
      ],
    });
    const bridge = fakeBridge(officer({ 'cases:get': () => card, 'cases:removeStep': () => fail('INVALID_STATE', { reason: 'others_depend', on: 'needs_interview' }) }));
    renderApp(bridge);
    const { user, table } = await openCases();
    await user.click(dataRows(table)[1]!);
    const steps = await screen.findAllByTestId('timeline-step');
    expect(steps.map((s) => s.getAttribute('data-kind'))).toEqual(['registration', 'interview', 'police_request']);
    expect(steps[1]!.textContent).toContain('із запізненням на 4 дн.');
    expect(steps[2]!.textContent).toContain('Вихідний номер запиту: 01-15/233');
    expect(steps[2]!.textContent).toContain('запит');
    // The registration is corrected in the application's facts, never on the timeline.
    expect(within(steps[0]!).queryByRole('button', { name: /^Вилучити/ })).toBeNull();
    expect(screen.getByTestId('timeline-next').textContent).toBe('Очікується: Відповідь Національної поліціїСтрок — 18.03.2026 (залишилося 8 днів)');
    expect(screen.getByText('09.04.2026')).toBeTruthy();

    await user.click(within(steps[1]!).getByRole('button', { name: 'Вилучити етап «Співбесіда» від 09.03.2026' }));
    const confirm = await screen.findByRole('dialog', { name: 'Вилучити етап «Співбесіда» від 09.03.2026?' });
    await user.click(within(confirm).getByRole('button', { name: 'Вилучити' }));
    expect((await within(confirm).findByRole('alert')).textContent).toBe('Цей етап не можна вилучити: від нього залежать пізніші етапи. Спершу вилучіть їх.');
    expect(bridge.callsOf('cases:removeStep')).toEqual([{ caseId: 'c-soon', stepId: 's-2' }]);
  });
});

describe('one-time aid and de-identification', () => {
  it('shows the aid as three minimums of the category on the application date before it is saved', async () => {
    const granted = caseRecord('c-soon', {
      state: 'granted',
      nextStep: null,
      dueOn: null,
      daysLeft: null,
      validUntil: '2028-03-06',
      allowedSteps: ['extension', 'ended'],
      steps: [caseStep('s-1', 'registration', '2026-02-02'), caseStep('s-9', 'decision', '2026-03-06', { outcome: 'granted', number: 'НСС-17' })],
    });
    const bridge = fakeBridge(officer({ 'cases:get': () => granted, 'cases:saveAid': () => granted }));
    renderApp(bridge);
    const { user, table } = await openCases();
    await user.click(dataRows(table)[1]!);
    const aid = await screen.findByRole('region', { name: 'Одноразова матеріальна допомога' });
    await user.click(within(aid).getByRole('button', { name: 'Внести заяву про допомогу' }));
    expect(aid.textContent).toContain('3 × 3\u00a0028,00 = 9\u00a0084,00 грн');
    await user.type(within(aid).getByRole('textbox', { name: /^Хто виплачує/ }), 'УСЗН Полтавської РДА');
    await user.click(within(aid).getByRole('button', { name: 'Зберегти' }));
    await waitFor(() =>
      expect(bridge.callsOf('cases:saveAid')).toEqual([{ caseId: 'c-soon', applicationDate: '2026-03-10', category: 'working_age', payingBody: 'УСЗН Полтавської РДА', paymentDate: null }]),
    );
  });

  it('lists persons past the retention term by code; erasing one takes the code typed to confirm', async () => {
    const bridge = fakeBridge(
      officer({
        'cases:anonymisable': () => [{ personId: 'p-old', code: 'ОС-2B3C-4D5E', closedOn: '2020-05-01', eligibleSince: '2025-05-01' }],
        'cases:anonymise': (input) => (input.confirmCode === 'ОС-2B3C-4D5E' ? { personId: 'p-old', code: 'ОС-2B3C-4D5E' } : fail('VALIDATION', { issues: [{ path: 'confirmCode', code: 'custom', key: 'confirmCode' }] })),
      }),
    );
    renderApp(bridge);
    const { user } = await openCases();
    const panel = await screen.findByRole('region', { name: 'Знеособлення' });
    expect(panel.textContent).toContain('ОС-2B3C-4D5E');
    expect(panel.textContent).toContain('01.05.2025');
    await user.click(within(panel).getByRole('button', { name: 'Знеособити дані особи ОС-2B3C-4D5E' }));
    const dialog = await screen.findByRole('dialog', { name: 'Знеособити дані особи ОС-2B3C-4D5E?' });
    const confirm = within(dialog).getByRole('textbox', { name: /^Щоб підтвердити, введіть код особи/ });
    await user.type(confirm, 'ОС-2B3C-4D5F');
    await user.click(within(dialog).getByRole('button', { name: 'Знеособити' }));
    expect(await within(dialog).findByText('Введений код не збігається з кодом цієї особи. Перепишіть його з картки.')).toBeTruthy();
    await user.clear(confirm);
    await user.type(confirm, 'ОС-2B3C-4D5E');
    await user.click(within(dialog).getByRole('button', { name: 'Знеособити' }));
    expect(await screen.findByText('Дані особи ОС-2B3C-4D5E знеособлено.')).toBeTruthy();
    expect(bridge.callsOf('cases:anonymise').at(-1)).toEqual({ personId: 'p-old', confirmCode: 'ОС-2B3C-4D5E' });
  });
});
