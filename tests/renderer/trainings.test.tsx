import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { CheckedRow, ImportRow, Participant, Sheet, Training, TrainingSummary } from '../../src/shared/domain/trainings';
import type { Coverage, HromadaCoverage } from '../../src/shared/domain/coverage';
import { fakeBridge, renderApp, sessionOf, unlockedShell, type Handlers } from './fake-api';
import { dataRows, fixToday, organisation, organisationOptionsOf, pick, rowOf, typeDate } from './samples';
import { pickTerritory, territoryHandlers } from './territory-samples';
import { overLong, rowsFrom, sendable } from '../../src/renderer/src/features/trainings/import-rows';

fixToday();

const ORGANISATIONS = [
  organisation('o-css', 'Полтавський обласний центр соціальних служб', { shortName: 'ОЦСС', type: 'social_services_centre' }),
  organisation('o-iom', 'Міжнародна організація з міграції', { shortName: 'МОМ', type: 'international' }),
  organisation('o-police', 'Головне управління Національної поліції в Полтавській області', { shortName: 'ГУНП', type: 'police' }),
];
const TOPICS = [
  { code: 'nrm', uk: 'Національний механізм взаємодії суб’єктів', en: 'National referral mechanism', active: true },
  { code: 'children', uk: 'Протидія торгівлі дітьми', en: 'Child trafficking', active: true },
];
const POLTAVA = 'UA53080370010073240';

const SUMMARY: TrainingSummary = {
  id: 't-1',
  title: 'Національний механізм взаємодії: практика громад',
  kind: 'training',
  topics: ['nrm'],
  startsOn: '2026-03-02',
  endsOn: '2026-03-03',
  hours: 16,
  format: 'in_person',
  venue: POLTAVA,
  participants: 2,
  certificates: 1,
};

function participant(id: string, surname: string, overrides: Partial<Participant> = {}): Participant {
  return {
    id,
    traineeId: `tr-${id}`,
    surname,
    name: 'Олена',
    patronymic: 'Петрівна',
    position: 'фахівець',
    organisationId: 'o-css',
    organisationName: 'ОЦСС',
    organisationType: 'social_services_centre',
    territory: POLTAVA,
    attendance: 'full',
    hoursAttended: 16,
    completed: true,
    certificate: null,
    otherTrainings: 0,
    ...overrides,
  };
}

function training(overrides: Partial<Training> = {}): Training {
  return {
    ...SUMMARY,
    place: 'вул. Соборності, 45',
    organisers: [{ id: 'o-css', name: 'ОЦСС' }],
    partners: [{ id: 'o-iom', name: 'МОМ' }],
    trainers: [{ name: 'Ірина Гнатюк', affiliation: 'МОМ' }],
    programme: '1. Механізм. 2. Практика.',
    programmeFile: null,
    note: '',
    minSharePercent: 80,
    participantList: [
      participant('p-1', 'Андрієнко', { certificate: { number: '2026/001', year: 2026, seq: 1, issuedOn: '2026-03-04' } }),
      participant('p-2', 'Бойко', { attendance: 'partial', hoursAttended: 12, completed: false }),
    ],
    createdAt: '2026-03-04T08:00:00.000Z',
    updatedAt: '2026-03-04T08:00:00.000Z',
    ...overrides,
  };
}

function coordinator(extra: Handlers = {}): Handlers {
  return {
    ...unlockedShell(sessionOf(['coordinator'])),
    ...territoryHandlers,
    'trainings:list': () => ({ total: 1, rows: [SUMMARY] }),
    'trainings:get': () => training(),
    'trainings:topics': () => TOPICS,
    'organisations:options': () => organisationOptionsOf(ORGANISATIONS),
    ...extra,
  };
}

async function openTrainings(handlers: Handlers) {
  const bridge = fakeBridge(handlers);
  renderApp(bridge);
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: 'Навчання' }));
  // The page's code arrives on first use; a busy machine may take a while.
  const table = await screen.findByRole('table', { name: 'Список навчань' }, { timeout: 5000 });
  return { user, bridge, table };
}

describe('trainings', () => {
  it('lists trainings with the place named from the codifier, filters by year, and opens the card with participants and certificates', async () => {
    const { user, bridge, table } = await openTrainings(coordinator());
    const [row] = dataRows(table);
    expect(row!.textContent).toContain('02.03.2026 – 03.03.2026');
    await waitFor(() => expect(row!.textContent).toContain('м. Полтава, Полтавська громада'));
    await pick(user, 'Рік', '2026');
    await waitFor(() => expect(bridge.callsOf('trainings:list').at(-1)).toEqual({ query: '', year: 2026, kind: null, topic: null, offset: 0, limit: 50 }));

    await user.click(row!);
    expect(await screen.findByRole('heading', { level: 1, name: SUMMARY.title })).toBeTruthy();
    const participants = screen.getByRole('table', { name: 'Учасники навчання' });
    expect(rowOf(participants, 'Андрієнко').textContent).toContain('№ 2026/001');
    expect(rowOf(participants, 'Бойко').textContent).toContain('замало годин');
    // A participant with a certificate cannot be removed; one without can.
    expect(within(participants).queryByRole('button', { name: 'Вилучити: Андрієнко Олена Петрівна' })).toBeNull();
    expect(within(participants).getByRole('button', { name: 'Вилучити: Бойко Олена Петрівна' })).toBeTruthy();
    // Nobody is due a new certificate: the button says so rather than doing nothing.
    expect((screen.getByRole('button', { name: /^Видати сертифікати/ }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('issues certificates from the end date with the count due, and shows how many were given', async () => {
    const due = training({ participantList: [participant('p-1', 'Андрієнко'), participant('p-3', 'Гнатюк')], certificates: 0 });
    const { user, bridge, table } = await openTrainings(coordinator({ 'trainings:get': () => due, 'trainings:issueCertificates': () => ({ issued: 2, training: due }) }));
    await user.click(dataRows(table)[0]!);
    await user.click(await screen.findByRole('button', { name: 'Видати сертифікати (2)' }));
    const dialog = await screen.findByRole('dialog', { name: 'Видача сертифікатів' });
    expect(within(dialog).getByText('2 учасники відвідали не менше 80 % годин і отримають наступні номери року.')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Видати' }));
    expect(await within(dialog).findByText('Видано 2 сертифікати.')).toBeTruthy();
    expect(bridge.callsOf('trainings:issueCertificates')).toEqual([{ trainingId: 't-1', issuedOn: '2026-03-03' }]);
  });

  it('shows a member the trainings without any way to change them', async () => {
    const { user, table } = await openTrainings({ ...coordinator(), ...unlockedShell(sessionOf(['member'])) });
    expect(screen.queryByRole('button', { name: 'Нове навчання' })).toBeNull();
    await user.click(dataRows(table)[0]!);
    await screen.findByRole('heading', { level: 1, name: SUMMARY.title });
    expect(screen.queryByRole('button', { name: 'Додати учасника' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Імпорт з реєстраційного листа' })).toBeNull();
  });
});

const SHEET: Sheet = {
  headers: ['№', 'ПІБ', 'Посада', 'Організація', 'Громада'],
  rows: [
    { row: 2, cells: ['1', 'Шевчук Ганна Іванівна', 'психолог', 'ОЦСС', 'Полтава'] },
    { row: 3, cells: ['2', 'Коваль Дмитро Олегович', 'інспектор', 'Поліція Полтави', 'Полтава'] },
    { row: 4, cells: ['3', 'Лисенко Марія Петрівна', 'соціальна працівниця', 'ОЦСС', 'Нововоронцовка'] },
  ],
  mapping: { fullName: 1, position: 2, organisation: 3, territory: 4 },
};

function checked(row: ImportRow): CheckedRow {
  const good = (organisationId: string, organisationName: string): CheckedRow['participant'] => ({
    surname: row.surname ?? '',
    name: row.name ?? '',
    patronymic: row.patronymic ?? '',
    position: row.position ?? '',
    organisationId,
    organisationName,
    territory: POLTAVA,
    territoryName: 'м. Полтава',
    attendance: 'full',
    hoursAttended: 16,
  });
  if (row.row === 3 && !row.organisationId) return { row: 3, problems: [{ problem: 'organisation_unknown', field: 'organisation', detail: 'Поліція Полтави' }], participant: null, matches: [], skip: false };
  if (row.row === 4 && !row.skip) return { row: 4, problems: [{ problem: 'territory_unknown', field: 'territory', detail: 'Нововоронцовка' }], participant: null, matches: [], skip: false };
  const matches =
    row.row === 2 ? [{ traineeId: 'tr-9', fullName: 'Шевчук Ганна Іванівна', organisationName: 'ОЦСС', lastTraining: 'Перше навчання', lastTrainedOn: '2025-10-01', strong: true }] : [];
  return { row: row.row, problems: [], participant: row.skip ? null : good(row.organisationId ?? 'o-css', row.organisationId === 'o-police' ? 'ГУНП' : 'ОЦСС'), matches, skip: row.skip ?? false };
}

function checkOf(input: { rows: ImportRow[] }) {
  const rows = input.rows.map(checked);
  return { rows, good: rows.filter((r) => !r.skip && r.problems.length === 0).length, bad: rows.filter((r) => !r.skip && r.problems.length > 0).length, skipped: rows.filter((r) => r.skip).length };
}

describe('the import of a sign-in sheet', () => {
  it('reads the file, guesses the columns, reports each bad row by number, lets the user fix or skip it, and imports only when every row is good', async () => {
    const handlers = coordinator({
      'trainings:readSheet': () => SHEET,
      'trainings:checkImport': (input) => checkOf(input as { rows: ImportRow[] }),
      'trainings:import': (input) => ({ imported: (input as { rows: ImportRow[] }).rows.filter((r) => !r.skip).length, training: training() }),
    });
    const { user, bridge, table } = await openTrainings(handlers);
    await user.click(dataRows(table)[0]!);
    await user.click(await screen.findByRole('button', { name: 'Імпорт з реєстраційного листа' }));
    await screen.findByRole('heading', { level: 1, name: 'Імпорт учасників з реєстраційного листа' });

    const file = new File(['PK fake'], 'реєстрація.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    await user.upload(document.querySelector('input[type=file]') as HTMLInputElement, file);
    await waitFor(() => expect(bridge.callsOf('trainings:readSheet')).toHaveLength(1));
    expect((bridge.callsOf('trainings:readSheet')[0] as { fileName: string }).fileName).toBe('реєстрація.xlsx');

    // The guessed mapping is shown, and the first rows are read with it: the full name split in three.
    expect(await screen.findByText('У файлі «реєстрація.xlsx» — 3 рядків. Перевірте, з якого стовпця читати кожне поле; перші рядки нижче показують, як їх буде прочитано.')).toBeTruthy();
    const sample = screen.getByRole('table', { name: 'Перші рядки листа' });
    expect(dataRows(sample)[0]!.textContent).toBe('2ШевчукГаннаІванівнаОЦССПолтава');
    await user.click(screen.getByRole('button', { name: 'Перевірити рядки' }));

    const preview = await screen.findByRole('table', { name: 'Рядки до імпорту' });
    await waitFor(() => expect(rowOf(preview, 'Коваль').textContent).toContain('організації «Поліція Полтави» немає в довіднику'));
    expect(rowOf(preview, 'Лисенко').textContent).toContain('не знайдено території «Нововоронцовка»');
    const confirm = () => screen.getByRole('button', { name: /^Імпортувати/ }) as HTMLButtonElement;
    expect(confirm().disabled).toBe(true);
    // A person trained before with the same name and organisation is proposed, not hidden.
    await waitFor(() => expect((within(rowOf(preview, 'Шевчук')).getByRole('textbox', { name: 'Особа з рядка 2' }) as HTMLInputElement).value).toBe('Шевчук Ганна Іванівна, ОЦСС (01.10.2025)'));

    // Row 3: the organisation chosen from the directory.
    await user.click(within(rowOf(preview, 'Коваль')).getByRole('button', { name: 'Виправити рядок 3' }));
    const fix = await screen.findByRole('dialog', { name: 'Рядок 3' });
    expect(within(fix).getByText('У листі: «Поліція Полтави»')).toBeTruthy();
    await pick(user, /^Організація/, /ГУНП/, fix);
    await user.click(within(fix).getByRole('button', { name: 'Застосувати' }));
    await waitFor(() => expect(rowOf(preview, 'Коваль').textContent).not.toContain('немає в довіднику'));
    // Row 4 left out.
    await user.click(within(rowOf(preview, 'Лисенко')).getByRole('checkbox', { name: 'Пропустити рядок 4' }));
    await waitFor(() => expect(confirm().disabled).toBe(false));
    expect(confirm().textContent).toBe('Імпортувати 2 учасників');
    await user.click(confirm());

    await waitFor(() => expect(bridge.callsOf('trainings:import')).toHaveLength(1));
    const sent = bridge.callsOf('trainings:import')[0] as { trainingId: string; rows: ImportRow[] };
    expect(sent.trainingId).toBe('t-1');
    expect(sent.rows.map((r) => [r.row, r.surname, r.organisationId, r.match, r.skip])).toEqual([
      [2, 'Шевчук', null, 'tr-9', false],
      [3, 'Коваль', 'o-police', null, false],
      // A skipped row travels as its number only.
      [4, undefined, undefined, undefined, true],
    ]);
    expect(await screen.findByText('Імпортовано 2 учасників.')).toBeTruthy();
  });
});

function hromada(code: string, name: string, overrides: Partial<HromadaCoverage> = {}): HromadaCoverage {
  return { code, name, raionCode: 'UA53080000000068029', coordinator: null, agreement: null, lastTraining: null, lastEvent: null, trainedRecently: 0, ...overrides };
}

const COVERAGE: Coverage = {
  oblast: { code: 'UA53000000000028050', name: 'Полтавська' },
  asOf: '2026-03-10',
  since: '2025-03-10',
  raions: [{ code: 'UA53080000000068029', name: 'Полтавський', hromadas: 2, withCoordinator: 1, withAgreement: 0, trainedRecently: 1, eventRecently: 0 }],
  hromadas: [
    hromada('UA53080370000025447', 'Полтавська', {
      coordinator: { name: 'Гнатюк Марія Іванівна', position: 'заступниця міського голови', since: '2025-01-15' },
      lastTraining: { id: 't-1', title: SUMMARY.title, date: '2026-03-03' },
      trainedRecently: 12,
    }),
    hromada('UA53080110000012345', 'Решетилівська'),
  ],
  total: 2,
};

describe('coverage', () => {
  it('shows every hromada with what it has and lacks, the raions in a chart and a table, and filters by gaps', async () => {
    const bridge = fakeBridge({ ...coordinator(), 'coverage:get': () => COVERAGE });
    renderApp(bridge);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Охоплення громад' }));
    const table = await screen.findByRole('table', { name: 'Громади області' });
    expect(rowOf(table, 'Полтавська громада').textContent).toContain('Гнатюк Марія Іванівна');
    expect(rowOf(table, 'Решетилівська громада').textContent).toContain('не було');
    expect(screen.getByRole('img', { name: 'Громади за районами' })).toBeTruthy();
    expect(rowOf(screen.getByRole('table', { name: 'Громади за районами (числа)' }), 'Полтавський район').textContent).toBe('Полтавський район21010');
    await user.click(screen.getByRole('checkbox', { name: 'заходу за 12 місяців' }));
    await waitFor(() => expect(bridge.callsOf('coverage:get').at(-1)).toEqual({ raion: '', gaps: ['no_event'] }));
  });

  it('says where to choose the oblast when the store has none', async () => {
    renderApp(fakeBridge({ ...coordinator(), 'coverage:get': () => ({ ...COVERAGE, oblast: null, raions: [], hromadas: [], total: 0 }) }));
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Охоплення громад' }));
    expect(await screen.findByText('Область цього сховища ще не обрано. Адміністратор обирає її в налаштуваннях (розділ «Території»).')).toBeTruthy();
  });
});

describe('prevention events', () => {
  it('records an event in a hromada with the people reached by group, and sends the channel exactly that', async () => {
    const bridge = fakeBridge({
      ...coordinator(),
      'prevention:list': () => ({ total: 0, rows: [] }),
      'prevention:save': (input) => ({ ...(input as object), id: 'e-1', people: 45, organisers: [], partners: [], createdAt: '', updatedAt: '' }) as never,
    });
    renderApp(bridge);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Профілактика' }));
    await screen.findByRole('table', { name: 'Список профілактичних заходів' });
    await user.click(screen.getByRole('button', { name: 'Новий захід' }));
    const dialog = await screen.findByRole('dialog', { name: 'Новий профілактичний захід' });
    await user.type(within(dialog).getByRole('textbox', { name: /^Назва, тема/ }), 'Безпечне працевлаштування');
    await typeDate(user, within(dialog).getByRole('textbox', { name: /^Дата/ }), '05.03.2026');
    await pickTerritory(user, /^Громада чи населений пункт/, 'Полтава', /^м\. Полтава, Полтавська громада/, dialog);
    await pick(user, /^Організатори/, /ОЦСС/, dialog);
    await user.type(within(dialog).getByRole('spinbutton', { name: 'учні' }), '40');
    await user.type(within(dialog).getByRole('spinbutton', { name: 'батьки' }), '5');
    expect(within(dialog).getByText('Разом охоплено: 45 осіб')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Зберегти' }));
    await waitFor(() => expect(bridge.callsOf('prevention:save')).toHaveLength(1));
    expect(bridge.callsOf('prevention:save')[0]).toMatchObject({
      kind: 'school_session',
      title: 'Безпечне працевлаштування',
      date: '2026-03-05',
      territory: POLTAVA,
      organiserIds: ['o-css'],
      groups: { pupils: 40, parents: 5 },
    });
  });

  it('names each event’s place from the codifier and marks one a newer edition dropped', async () => {
    const row = { id: 'e-1', kind: 'round_table' as const, title: 'Круглий стіл', date: '2026-03-05', territory: 'UA53080370030037977', people: 20, materials: 0, mediaAudience: 0 };
    const dropped = { code: 'UA53080370030037977', category: 'C' as const, name: 'Андріївка', within: [{ code: 'UA53080370000025447', category: 'H' as const, name: 'Полтавська' }], droppedIn: '2025-12-01' };
    renderApp(fakeBridge({ ...coordinator(), 'prevention:list': () => ({ total: 1, rows: [row] }), 'territories:get': () => [dropped] }));
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Профілактика' }));
    const table = await screen.findByRole('table', { name: 'Список профілактичних заходів' });
    await waitFor(() => expect(dataRows(table)[0]!.textContent).toContain('с. Андріївка, Полтавська громада'));
    expect(within(dataRows(table)[0]!).getByText('вилучено').closest('[title]')?.getAttribute('title')).toBe('вилучено з кодифікатора (редакція 2025-12-01)');
  });
});

describe('sheet rows as the import sends them', () => {
  it('reads a cell as one line, splits a full name, and sends a row too long for its field as its number only', () => {
    const sheet: Sheet = {
      headers: ['ПІБ', 'Організація'],
      rows: [
        { row: 2, cells: ['Шевчук  Ганна\nІванівна', 'Управління\r\nсоцзахисту'] },
        { row: 3, cells: ['Коваль Дмитро', 'О'.repeat(301)] },
      ],
      mapping: { fullName: 0, organisation: 1 },
    };
    const rows = rowsFrom(sheet, sheet.mapping, {});
    expect(rows[0]).toMatchObject({ surname: 'Шевчук', name: 'Ганна', patronymic: 'Іванівна', organisation: 'Управління соцзахисту' });
    expect(overLong(rows[1]!)).toEqual(['organisation']);
    expect(sendable(rows)).toEqual([rows[0], { row: 3, skip: true }]);
  });
});
