import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { InputOf } from '../../src/shared/contract';
import { guessMapping } from '../../src/main/features/trainings/trainings.sheet';
import { rowsFromSheet } from '../../src/main/features/trainings/trainings.import';
import { organisationOf } from '../fixtures/referrals';
import { adminRuntime, call, cleanupTempDirs, failure, type TestRuntime } from '../fixtures/store';
import { addParticipant, ANDRIIVKA_RESHETYLIVSKA, becomeCoordinator, newTraining, PEOPLE, RESHETYLIVSKA } from '../fixtures/trainings';

afterEach(cleanupTempDirs);

type Row = InputOf<'trainings:import'>['rows'][number];
const POLTAVSKA_OBLAST = 'UA53000000000028050';
const db = (rt: TestRuntime) => rt.core.requireStore().db;
const count = (rt: TestRuntime, table: string) => db(rt).prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;

/** Text as Excel in Ukraine saves a CSV: Windows-1251, one byte a letter. */
function cp1251(text: string): Buffer {
  const decoder = new TextDecoder('windows-1251');
  const table = new Map<string, number>();
  for (let b = 0x80; b <= 0xff; b += 1) table.set(decoder.decode(Uint8Array.of(b)), b);
  return Buffer.from([...text].map((ch) => (ch.charCodeAt(0) < 0x80 ? ch.charCodeAt(0) : (table.get(ch) ?? 0x3f))));
}

async function ready(): Promise<TestRuntime> {
  const rt = await adminRuntime();
  await call(rt, 'territories:saveOptions', { oblast: POLTAVSKA_OBLAST });
  await becomeCoordinator(rt);
  return rt;
}

describe('trainings: reading a sign-in sheet', () => {
  it('reads a Windows-1251 CSV with «;», keeps the sheet row numbers past empty rows and guesses the columns', async () => {
    const rt = await ready();
    const csv = [
      'ПІБ;Посада;Місце роботи;Громада;Кількість годин;Присутність',
      'Вигадайло Зоряна Мирославівна;фахівчиня;ОЦСС;Решетилівська громада;16;так',
      ';;;;;',
      'Небувайко Остап Левкович;інспектор;Обласний центр соціальних служб;с. Андріївка, Решетилівська громада;7,5;частково',
    ].join('\r\n');
    const sheet = await call(rt, 'trainings:readSheet', { fileName: 'лист.csv', base64: cp1251(csv).toString('base64') });
    expect(sheet.headers[0]).toBe('ПІБ');
    expect(sheet.rows.map((r) => r.row)).toEqual([2, 4]);
    expect(sheet.rows[1]!.cells).toEqual(['Небувайко Остап Левкович', 'інспектор', 'Обласний центр соціальних служб', 'с. Андріївка, Решетилівська громада', '7,5', 'частково']);
    expect(sheet.mapping).toEqual({ fullName: 0, position: 1, organisation: 2, territory: 3, hours: 4, attendance: 5 });
  });

  it('reads UTF-8 with a BOM and commas', async () => {
    const rt = await ready();
    const csv = '\uFEFFПрізвище,Ім’я,По батькові,Організація\nВигадайло,Зоряна,Мирославівна,ОЦСС\n';
    const sheet = await call(rt, 'trainings:readSheet', { fileName: 'list.CSV', base64: Buffer.from(csv).toString('base64') });
    expect(sheet.headers).toEqual(['Прізвище', 'Ім’я', 'По батькові', 'Організація']);
    expect(sheet.mapping).toEqual({ surname: 0, name: 1, patronymic: 2, organisation: 3 });
  });

  it('reads the first worksheet of an XLSX: the header below a title gap, rich text, formulas, numbers', async () => {
    const rt = await ready();
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('Реєстрація');
    book.addWorksheet('Друга');
    ws.getRow(3).values = ['№', 'Прізвище, ім’я, по батькові', 'Установа', 'Години', 'Дата'];
    ws.getRow(4).values = [1, { richText: [{ text: 'Вигадайло ' }, { text: 'Зоряна', font: { bold: true } }, { text: ' Мирославівна' }] }, 'ОЦСС', { formula: '8+8', result: 16 }, new Date(Date.UTC(2026, 10, 10))];
    ws.getRow(6).values = [2, 'Небувайко Остап Левкович', 'ОЦСС', 7.5, null];
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    const sheet = await call(rt, 'trainings:readSheet', { fileName: 'list.xlsx', base64: bytes.toString('base64') });
    expect(sheet.headers).toEqual(['№', 'Прізвище, ім’я, по батькові', 'Установа', 'Години', 'Дата']);
    expect(sheet.rows).toEqual([
      { row: 4, cells: ['1', 'Вигадайло Зоряна Мирославівна', 'ОЦСС', '16', '10.11.2026'] },
      { row: 6, cells: ['2', 'Небувайко Остап Левкович', 'ОЦСС', '7.5', ''] },
    ]);
    expect(sheet.mapping).toEqual({ fullName: 1, organisation: 2, hours: 3 });
  });

  it('refuses an unreadable file and a sheet without rows, with a sentence key', async () => {
    const rt = await ready();
    const broken = await failure(rt, 'trainings:readSheet', { fileName: 'list.xlsx', base64: Buffer.from('not a zip').toString('base64') });
    expect(broken.details).toMatchObject({ reason: 'sheet_unreadable', issues: [{ key: 'sheetUnreadable' }] });
    const empty = await failure(rt, 'trainings:readSheet', { fileName: 'list.csv', base64: Buffer.from('ПІБ;Організація\n;\n').toString('base64') });
    expect(empty.details).toMatchObject({ reason: 'sheet_empty' });
    const long = await failure(rt, 'trainings:readSheet', { fileName: 'list.csv', base64: Buffer.from(`ПІБ\n${'Особа Тест\n'.repeat(2001)}`).toString('base64') });
    expect(long.details).toMatchObject({ reason: 'sheet_too_long' });
  });

  it('takes the delimiter that splits every line alike, the header below a title block, and one line per cell', async () => {
    const rt = await ready();
    // The header holds more commas than semicolons; the title lines above the table are not the header.
    const csv = [
      'ЛИСТ РЕЄСТРАЦІЇ УЧАСНИКІВ;;;',
      '12.11.2026, м. Полтава;;;',
      'Прізвище, ім’я, по батькові;Посада, звання;Найменування організації, установи;Кількість годин',
      'Вигадайло Зоряна Мирославівна;фахівчиня;"Управління соцзахисту\r\nРешетилівської ради";16',
    ].join('\r\n');
    const sheet = await call(rt, 'trainings:readSheet', { fileName: 'лист.csv', base64: Buffer.from(csv).toString('base64') });
    expect(sheet.headers).toEqual(['Прізвище, ім’я, по батькові', 'Посада, звання', 'Найменування організації, установи', 'Кількість годин']);
    expect(sheet.rows).toEqual([{ row: 4, cells: ['Вигадайло Зоряна Мирославівна', 'фахівчиня', 'Управління соцзахисту Решетилівської ради', '16'] }]);
    expect(sheet.mapping).toMatchObject({ fullName: 0, position: 1, organisation: 2, hours: 3 });
  });

  it('refuses a CSV whose quote never closes instead of reading the rest as one cell', async () => {
    const rt = await ready();
    const csv = 'ПІБ;Організація\nВигадайло Зоряна;"ГО "Надія" м. Полтава\nНебувайко Остап;ОЦСС\n';
    const refused = await failure(rt, 'trainings:readSheet', { fileName: 'лист.csv', base64: Buffer.from(csv).toString('base64') });
    expect(refused.details).toMatchObject({ reason: 'sheet_unreadable' });
  });

  it('guesses English headers too', () => {
    expect(guessMapping(['Full name', 'Position', 'Organization', 'Community', 'Hours', 'Attendance'])).toEqual({ fullName: 0, position: 1, organisation: 2, territory: 3, hours: 4, attendance: 5 });
    expect(guessMapping(['Surname', 'First name', 'Patronymic'])).toEqual({ surname: 0, name: 1, patronymic: 2 });
  });
});

describe('trainings: checking and importing rows', () => {
  it('resolves organisations and places as people write them, and reports every bad row with its number', async () => {
    const rt = await ready();
    const t = await newTraining(rt);
    // Two directory entries with the same short name make «ЦНАП» ambiguous.
    await call(rt, 'organisations:save', { name: 'ЦНАП Решетилівської міської ради', shortName: 'ЦНАП', type: 'local_government' });
    await call(rt, 'organisations:save', { name: 'ЦНАП Полтавської міської ради', shortName: 'ЦНАП', type: 'local_government' });
    const rows: Row[] = [
      { row: 2, name: 'Вигадайло Зоряна Мирославівна', organisation: 'обласний центр соціальних служб', territory: 'Решетилівська громада', hours: '', attendance: 'так' },
      { row: 3, surname: 'Небувайко', name: 'Остап', organisation: 'ОЦСС', territory: 'с. Андріївка, Решетилівська громада', hours: '7,5', attendance: 'частково' },
      { row: 4, name: 'Безпрізвищна', organisation: 'ОЦСС' },
      { row: 5, surname: 'Уявненко', name: 'Ярина', organisation: 'Невідома установа' },
      { row: 6, surname: 'Уявненко', name: 'Ярина', organisation: 'ЦНАП', territory: 'Андріївка' },
      { row: 7, surname: 'Пробна', name: 'Ганна', organisation: 'ОЦСС', hours: '20', attendance: 'може' },
      { row: 8, name: 'Вигадайло Зоряна Мирославівна', organisation: 'ОЦСС' },
      { row: 9, surname: 'Пропущена', name: 'Особа', organisation: 'Невідома', skip: true },
      { row: 10, surname: 'Кодова', name: 'Олена', organisation: 'ОЦСС', territory: 'UA53080390020046202', hours: '0' },
    ];
    const check = await call(rt, 'trainings:checkImport', { trainingId: t.id, rows });
    const problems = Object.fromEntries(check.rows.map((r) => [r.row, r.problems.map((p) => `${p.problem}:${p.detail}`)]));
    expect(problems).toEqual({
      2: [],
      3: [],
      4: ['surname_missing:'],
      5: ['organisation_unknown:Невідома установа'],
      6: ['organisation_ambiguous:ЦНАП', 'territory_ambiguous:Андріївка'],
      7: ['attendance_bad:може', 'hours_over:16'],
      8: ['duplicate_in_file:2'],
      9: [],
      10: [],
    });
    expect(check).toMatchObject({ good: 3, bad: 5, skipped: 1 });
    expect(check.rows[0]!.participant).toMatchObject({ surname: 'Вигадайло', name: 'Зоряна', patronymic: 'Мирославівна', territory: RESHETYLIVSKA, attendance: 'full', hoursAttended: 16 });
    expect(check.rows[1]!.participant).toMatchObject({ territory: ANDRIIVKA_RESHETYLIVSKA, attendance: 'partial', hoursAttended: 7.5 });
    expect(check.rows[8]!.participant).toMatchObject({ attendance: 'absent', hoursAttended: 0 });
  });

  it('a bad row refuses the whole import with each row’s problems, and nothing changes', async () => {
    const rt = await ready();
    const t = await newTraining(rt);
    const rows: Row[] = [
      { row: 2, surname: 'Вигадайло', name: 'Зоряна', organisation: 'ОЦСС' },
      { row: 3, surname: 'Небувайко', name: 'Остап', organisation: 'ОЦСС', hours: 'багато' },
    ];
    const before = { participants: count(rt, 'training_participants'), trainees: count(rt, 'trainees'), audit: count(rt, 'audit_events') };
    const refused = await failure(rt, 'trainings:import', { trainingId: t.id, rows });
    expect(refused.code).toBe('VALIDATION');
    expect(refused.details).toMatchObject({ reason: 'import_rows', rows: [{ row: 3, problems: [{ problem: 'hours_bad', field: 'hours', detail: 'багато' }] }] });
    expect({ participants: count(rt, 'training_participants'), trainees: count(rt, 'trainees'), audit: count(rt, 'audit_events') }).toEqual(before);

    const done = await call(rt, 'trainings:import', { trainingId: t.id, rows: [rows[0]!, { ...rows[1]!, skip: true }] });
    expect(done.imported).toBe(1);
    expect(done.training.participantList[0]).toMatchObject({ surname: 'Вигадайло', hoursAttended: 16, attendance: 'full' });
    const audit = db(rt).prepare("SELECT details FROM audit_events WHERE action = 'training.imported'").pluck().get() as string;
    expect(JSON.parse(audit)).toEqual({ imported: 1, newTrainees: 1, matched: 0, skipped: 1 });
  });

  it('offers people trained before, never chooses: undecided is refused, «new» and a chosen trainee are kept', async () => {
    const rt = await ready();
    const earlier = await newTraining(rt, { title: 'Попередній тренінг', startsOn: '2026-10-01', endsOn: '2026-10-01', hours: 4 });
    const seen = (await addParticipant(rt, earlier.id, 0, { hoursAttended: 4 })).participantList[0]!;
    const t = await newTraining(rt);
    const row: Row = { row: 2, surname: PEOPLE[0].surname.toLocaleUpperCase('uk'), name: PEOPLE[0].name, patronymic: PEOPLE[0].patronymic, organisation: 'ОЦСС' };
    const check = await call(rt, 'trainings:checkImport', { trainingId: t.id, rows: [row] });
    expect(check.rows[0]!.problems).toEqual([]);
    expect(check.rows[0]!.matches).toEqual([
      { traineeId: seen.traineeId, fullName: 'Вигадайло Зоряна Мирославівна', organisationName: 'Обласний центр соціальних служб', lastTraining: 'Попередній тренінг', lastTrainedOn: '2026-10-01', strong: true },
    ]);
    const undecided = await failure(rt, 'trainings:import', { trainingId: t.id, rows: [row] });
    expect(undecided.details).toMatchObject({ reason: 'import_rows', rows: [{ row: 2, problems: [{ problem: 'match_undecided' }] }] });
    expect(count(rt, 'training_participants')).toBe(1);

    const same = await call(rt, 'trainings:import', { trainingId: t.id, rows: [{ ...row, match: seen.traineeId }] });
    expect(same.training.participantList[0]).toMatchObject({ traineeId: seen.traineeId, otherTrainings: 1 });
    expect(count(rt, 'trainees')).toBe(1);

    // Now in the training: the same person again is already a participant.
    const again = await call(rt, 'trainings:checkImport', { trainingId: t.id, rows: [row] });
    expect(again.rows[0]!.problems.map((p) => p.problem)).toEqual(['already_participant']);

    const other = await newTraining(rt, { title: 'Третій' });
    const fresh = await call(rt, 'trainings:import', { trainingId: other.id, rows: [{ ...row, match: 'new' }] });
    expect(fresh.training.participantList[0]!.traineeId).not.toBe(seen.traineeId);
    expect(count(rt, 'trainees')).toBe(2);
  });

  it('refuses a person trained before chosen for names that are no longer theirs, and the same person chosen twice', async () => {
    const rt = await ready();
    const earlier = await newTraining(rt, { title: 'Попередній тренінг', startsOn: '2026-10-01', endsOn: '2026-10-01', hours: 4 });
    const seen = (await addParticipant(rt, earlier.id, 0, { hoursAttended: 4 })).participantList[0]!;
    const t = await newTraining(rt);
    const renamed: Row = { row: 2, surname: 'Коваленко', name: 'Ірина', organisation: 'ОЦСС', match: seen.traineeId };
    const stale = await failure(rt, 'trainings:import', { trainingId: t.id, rows: [renamed] });
    expect(stale.details).toMatchObject({ reason: 'import_rows', rows: [{ row: 2, problems: [{ problem: 'match_undecided' }] }] });
    const same: Row = { row: 2, surname: PEOPLE[0].surname, name: PEOPLE[0].name, patronymic: PEOPLE[0].patronymic, organisation: 'ОЦСС', match: seen.traineeId };
    const twice = await failure(rt, 'trainings:import', { trainingId: t.id, rows: [same, { ...same, row: 3, position: 'інша посада', organisation: 'ГУНП' }] });
    expect(twice.details).toMatchObject({ reason: 'import_rows' });
    expect(JSON.stringify(twice.details)).toContain('duplicate_in_file');
    expect(count(rt, 'training_participants')).toBe(1);
  });

  it('maps sheet rows to import rows; a full name goes to the name and is split by the check', async () => {
    const rt = await ready();
    const t = await newTraining(rt);
    const sheet = { headers: ['ПІБ', 'Організація'], rows: [{ row: 2, cells: ['  Вигадайло   Зоряна Мирославівна ', 'ОЦСС'] }], mapping: {} };
    const rows = rowsFromSheet(sheet, { fullName: 0, organisation: 1 });
    expect(rows).toEqual([{ row: 2, surname: '', name: 'Вигадайло Зоряна Мирославівна', patronymic: '', position: '', organisation: 'ОЦСС', territory: '', hours: '', attendance: '' }]);
    const check = await call(rt, 'trainings:checkImport', { trainingId: t.id, rows });
    expect(check.rows[0]!.participant).toMatchObject({ surname: 'Вигадайло', name: 'Зоряна', patronymic: 'Мирославівна', organisationId: await organisationOf(rt, 'social_services_centre') });
  });
});

describe('trainings: no name in the audit log', () => {
  it('leaves no participant name in any audit detail after a whole run', async () => {
    const rt = await ready();
    const t = await newTraining(rt);
    await addParticipant(rt, t.id, 0);
    const card = await addParticipant(rt, t.id, 1);
    const p = card.participantList.find((x) => x.surname === PEOPLE[1].surname)!;
    await call(rt, 'trainings:saveParticipant', {
      trainingId: t.id,
      participant: { id: p.id, surname: p.surname, name: p.name, patronymic: p.patronymic, position: p.position, organisationId: p.organisationId, territory: p.territory, attendance: 'partial', hoursAttended: 14 },
    });
    await call(rt, 'trainings:import', { trainingId: t.id, rows: [{ row: 2, name: `${PEOPLE[2].surname} ${PEOPLE[2].name} ${PEOPLE[2].patronymic}`, organisation: 'ОЦСС' }] });
    await call(rt, 'trainings:issueCertificates', { trainingId: t.id, issuedOn: '2026-11-12' });
    for (const document of ['certificates', 'participants', 'attendance'] as const) await call(rt, 'trainings:document', { trainingId: t.id, document, format: 'docx' });
    await call(rt, 'trainings:register', { year: 2026 });
    const removable = (await call(rt, 'trainings:get', { id: t.id })).participantList.find((x) => !x.certificate);
    if (removable) await call(rt, 'trainings:removeParticipant', { trainingId: t.id, participantId: removable.id });
    const details = db(rt).prepare('SELECT details FROM audit_events').pluck().all() as string[];
    expect(details.length).toBeGreaterThan(8);
    for (const person of PEOPLE) for (const word of Object.values(person)) expect(details.join('\n')).not.toContain(word);
  });
});
