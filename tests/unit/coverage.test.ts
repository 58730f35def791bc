import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { OutputOf } from '../../src/shared/contract';
import { COVERAGE_SQL, monthsBefore } from '../../src/main/features/coverage/coverage.repository';
import { becomeAdmin, becomeCoordinator, DYKANKA, HROMADA, insertTraining, POLTAVSKA, RAION, setOblast, VINNYTSIA_HROMADA } from '../fixtures/coverage';
import { adminRuntime, call, cleanupTempDirs, failure, type TestRuntime } from '../fixtures/store';
import { shippedCodifier } from '../../src/main/features/territories/territories.shipped';

afterEach(cleanupTempDirs);

const COORDINATOR_NAME = 'Гриценко Людмила Степанівна';

/**
 * Полтавська on 20.11.2026 (the test clock), «recent» from 20.11.2025:
 * - Диканська: a training held there (ended 10.03.2026; two trainees of its own, one of them twice), an event exactly
 *   on 20.11.2025, a coordinator and a memorandum;
 * - Карлівська: staff trained at Диканька (one came, one was absent), nothing else;
 * - Білицька: an event a day too early (19.11.2025);
 * - Лубенська: a training held there long ago (01.05.2024), a local programme, no coordinator;
 * - Гребінківська: a coordinator only.
 */
async function knownOblast(): Promise<TestRuntime & { orgs: string[]; dykanskaTraining: string }> {
  const rt = await adminRuntime();
  await setOblast(rt);
  await becomeCoordinator(rt);
  const orgs = (await call(rt, 'organisations:options', {})).map((o) => o.id);
  const first = insertTraining(rt, { title: 'Виявлення постраждалих від торгівлі людьми', endsOn: '2026-01-15', venueHromada: null, participants: [{ hromada: HROMADA.dykanska }] });
  const training = insertTraining(rt, {
    title: 'Національний механізм взаємодії для громад',
    endsOn: '2026-03-10',
    venueHromada: HROMADA.dykanska,
    participants: [{ hromada: HROMADA.dykanska, traineeId: first.trainees[0] }, { hromada: HROMADA.dykanska }, { hromada: HROMADA.karlivska }, { hromada: HROMADA.karlivska, attendance: 'absent' }, { hromada: null }],
  });
  insertTraining(rt, { title: 'Давнє навчання', endsOn: '2024-05-01', venueHromada: HROMADA.lubenska });
  // Ahead of today: planned, it has reached no one yet.
  insertTraining(rt, { title: 'Заплановане навчання', endsOn: '2026-12-05', venueHromada: HROMADA.bilytska, participants: [{ hromada: HROMADA.bilytska }] });
  const event = { kind: 'round_table' as const, title: 'Круглий стіл', place: '', organiserIds: [orgs[0]!], groups: { professionals: 20 } };
  await call(rt, 'prevention:save', { ...event, date: '2025-11-20', territory: DYKANKA });
  await call(rt, 'prevention:save', { ...event, date: '2025-11-19', territory: HROMADA.bilytska, kind: 'campaign' });
  await call(rt, 'coverage:saveHromada', {
    code: HROMADA.dykanska,
    coordinatorName: COORDINATOR_NAME,
    coordinatorPosition: 'Начальник відділу соціального захисту',
    coordinatorSince: '2025-02-01',
    agreementKind: 'memorandum',
    agreementNumber: '12',
    agreementDate: '2025-03-01',
  });
  await call(rt, 'coverage:saveHromada', { code: HROMADA.lubenska, agreementKind: 'programme', agreementNumber: '3/24', agreementDate: '2024-12-20' });
  await call(rt, 'coverage:saveHromada', { code: HROMADA.hrebinkivska, coordinatorName: 'Семенюк Петро Іванович' });
  return { ...rt, orgs, dykanskaTraining: training.id };
}

const row = (c: OutputOf<'coverage:get'>, code: string) => c.hromadas.find((h) => h.code === code);

describe('coverage of the hromadas', () => {
  it('counts «12 months» from the same day a year earlier, 29 February falling to the 28th', () => {
    expect(monthsBefore('2026-11-20', 12)).toBe('2025-11-20');
    expect(monthsBefore('2028-02-29', 12)).toBe('2027-02-28');
    expect(monthsBefore('2026-03-31', 1)).toBe('2026-02-28');
    expect(monthsBefore('2026-01-10', 12)).toBe('2025-01-10');
  });

  it('says nothing until the store has an oblast', async () => {
    const rt = await adminRuntime();
    await becomeCoordinator(rt);
    expect(await call(rt, 'coverage:get', {})).toEqual({ oblast: null, asOf: '2026-11-20', since: '2025-11-20', raions: [], hromadas: [], total: 0 });
    const error = await failure(rt, 'coverage:saveHromada', { code: HROMADA.dykanska, coordinatorName: 'Будь-хто' });
    expect(error.details).toMatchObject({ reason: 'oblast_not_set', issues: [{ path: 'code', key: 'oblastNotSet' }] });
  });

  it('gives every hromada of the oblast what it has, and exact numbers per raion', async () => {
    const rt = await knownOblast();
    const c = await call(rt, 'coverage:get', {});
    expect(c.oblast).toEqual({ code: POLTAVSKA, name: 'Полтавська' });
    expect([c.asOf, c.since, c.total, c.hromadas.length]).toEqual(['2026-11-20', '2025-11-20', 60, 60]);
    expect(c.raions).toEqual([
      { code: RAION.kremenchutskyi, name: 'Кременчуцький', hromadas: 12, withCoordinator: 0, withAgreement: 0, trainedRecently: 0, eventRecently: 0 },
      { code: RAION.lubenskyi, name: 'Лубенський', hromadas: 7, withCoordinator: 1, withAgreement: 1, trainedRecently: 0, eventRecently: 0 },
      { code: RAION.myrhorodskyi, name: 'Миргородський', hromadas: 17, withCoordinator: 0, withAgreement: 0, trainedRecently: 0, eventRecently: 0 },
      { code: RAION.poltavskyi, name: 'Полтавський', hromadas: 24, withCoordinator: 1, withAgreement: 1, trainedRecently: 2, eventRecently: 1 },
    ]);
    expect(row(c, HROMADA.dykanska)).toEqual({
      code: HROMADA.dykanska,
      name: 'Диканська',
      raionCode: RAION.poltavskyi,
      coordinator: { name: COORDINATOR_NAME, position: 'Начальник відділу соціального захисту', since: '2025-02-01' },
      agreement: { kind: 'memorandum', number: '12', date: '2025-03-01' },
      lastTraining: { id: rt.dykanskaTraining, title: 'Національний механізм взаємодії для громад', date: '2026-03-10' },
      lastEvent: { id: expect.any(String), kind: 'round_table', title: 'Круглий стіл', date: '2025-11-20' },
      trainedRecently: 2,
    });
    expect(row(c, HROMADA.karlivska)).toMatchObject({ lastTraining: { id: rt.dykanskaTraining, date: '2026-03-10' }, lastEvent: null, trainedRecently: 1, coordinator: null, agreement: null });
    expect(row(c, HROMADA.bilytska)).toMatchObject({ lastTraining: null, lastEvent: { kind: 'campaign', date: '2025-11-19' }, trainedRecently: 0 });
    expect(row(c, HROMADA.lubenska)).toMatchObject({ lastTraining: { title: 'Давнє навчання', date: '2024-05-01' }, coordinator: null, agreement: { kind: 'programme', number: '3/24', date: '2024-12-20' } });
    expect(row(c, HROMADA.hrebinkivska)).toMatchObject({ coordinator: { name: 'Семенюк Петро Іванович', position: '', since: null }, agreement: null });
    // By raion name, then by hromada name, as Ukrainian sorts them.
    const names = c.hromadas.map((h) => `${c.raions.find((r) => r.code === h.raionCode)!.name}/${h.name}`);
    expect(names).toEqual([...names].sort((a, b) => a.split('/')[0]!.localeCompare(b.split('/')[0]!, 'uk') || a.split('/')[1]!.localeCompare(b.split('/')[1]!, 'uk')));
    expect(names[0]).toMatch(/^Кременчуцький\//);
  });

  it('keeps only the hromadas lacking every gap asked, within a raion if asked; the chart stays whole', async () => {
    const rt = await knownOblast();
    const codes = async (input: Parameters<typeof call<'coverage:get'>>[2]) => {
      const c = await call(rt, 'coverage:get', input);
      expect(c.raions.map((r) => r.hromadas)).toEqual([12, 7, 17, 24]);
      return { total: c.total, codes: c.hromadas.map((h) => h.code) };
    };
    const poltavskyi = await codes({ raion: RAION.poltavskyi });
    expect([poltavskyi.total, poltavskyi.codes.length]).toEqual([24, 24]);
    const noTraining = await codes({ raion: RAION.poltavskyi, gaps: ['no_training'] });
    expect(noTraining.total).toBe(24);
    expect(noTraining.codes).toHaveLength(22);
    expect(noTraining.codes).not.toContain(HROMADA.dykanska);
    expect(noTraining.codes).not.toContain(HROMADA.karlivska);
    expect(noTraining.codes).toContain(HROMADA.bilytska);
    expect((await codes({ gaps: ['no_event'] })).codes).toHaveLength(59);
    expect((await codes({ gaps: ['no_coordinator'] })).codes).toHaveLength(58);
    expect((await codes({ gaps: ['no_agreement'] })).codes).toHaveLength(58);
    const lubenskyi = await codes({ raion: RAION.lubenskyi, gaps: ['no_coordinator', 'no_training'] });
    expect(lubenskyi.total).toBe(7);
    expect(lubenskyi.codes).toHaveLength(6);
    expect(lubenskyi.codes).toContain(HROMADA.lubenska);
    expect((await codes({ raion: RAION.lubenskyi, gaps: ['no_coordinator', 'no_agreement'] })).codes).toHaveLength(5);
    expect((await codes({ gaps: ['no_training', 'no_event', 'no_coordinator', 'no_agreement'] })).codes).toHaveLength(56);
    const stranger = await failure(rt, 'coverage:get', { raion: 'UA05020000000026686' });
    expect(stranger.details).toMatchObject({ reason: 'not_oblast_raion', issues: [{ path: 'raion', key: 'notOblastRaion' }] });
  });

  it('counts an event on the first day of the 12 months, not the day before; a new event takes the hromada off the list', async () => {
    const rt = await knownOblast();
    const noEvent = async () => (await call(rt, 'coverage:get', { raion: RAION.poltavskyi, gaps: ['no_event'] })).hromadas.map((h) => h.code);
    expect(await noEvent()).not.toContain(HROMADA.dykanska);
    expect(await noEvent()).toContain(HROMADA.bilytska);
    await call(rt, 'prevention:save', { kind: 'school_session', title: 'Урок безпеки', date: '2026-11-20', territory: HROMADA.bilytska, organiserIds: [rt.orgs[0]!], groups: { pupils: 30 } });
    expect(await noEvent()).not.toContain(HROMADA.bilytska);
    const c = await call(rt, 'coverage:get', {});
    expect(c.raions.find((r) => r.code === RAION.poltavskyi)!.eventRecently).toBe(2);
    expect(row(c, HROMADA.bilytska)!.lastEvent).toMatchObject({ kind: 'school_session', date: '2026-11-20' });
  });

  it('records, changes and clears a hromada’s set-up; refuses a raion, another oblast’s hromada and a settlement', async () => {
    const rt = await knownOblast();
    const db = rt.core.requireStore().db;
    for (const code of [RAION.poltavskyi, VINNYTSIA_HROMADA, DYKANKA, POLTAVSKA]) {
      const error = await failure(rt, 'coverage:saveHromada', { code, coordinatorName: 'Будь-хто' });
      expect(error.code).toBe('VALIDATION');
      expect(error.details).toMatchObject({ field: 'code', reason: 'not_oblast_hromada', issues: [{ path: 'code', code: 'custom', key: 'notOblastHromada' }] });
    }
    expect((await failure(rt, 'coverage:saveHromada', { code: 'UA53080050000099999' })).details).toMatchObject({ reason: 'unknown_territory' });
    // A position without a name, or a number without the kind, says which field to fill.
    expect((await failure(rt, 'coverage:saveHromada', { code: HROMADA.karlivska, coordinatorPosition: 'Спеціаліст' })).code).toBe('VALIDATION');
    expect((await failure(rt, 'coverage:saveHromada', { code: HROMADA.karlivska, agreementKind: 'memorandum' })).code).toBe('VALIDATION');

    await call(rt, 'coverage:saveHromada', { code: HROMADA.dykanska, agreementKind: 'programme', agreementDate: '2026-01-10' });
    const changed = row(await call(rt, 'coverage:get', {}), HROMADA.dykanska)!;
    expect([changed.coordinator, changed.agreement]).toEqual([null, { kind: 'programme', number: '', date: '2026-01-10' }]);
    await call(rt, 'coverage:saveHromada', { code: HROMADA.dykanska });
    expect(db.prepare('SELECT count(*) FROM hromada_setups WHERE code = ?').pluck().get(HROMADA.dykanska)).toBe(0);

    const audit = db.prepare("SELECT action, entity_id AS entityId, details FROM audit_events WHERE action = 'hromada_setup.saved' ORDER BY seq").all() as { entityId: string; details: string }[];
    expect(audit.map((a) => a.entityId)).toEqual([HROMADA.dykanska, HROMADA.lubenska, HROMADA.hrebinkivska, HROMADA.dykanska, HROMADA.dykanska]);
    for (const a of audit) expect(JSON.parse(a.details)).toEqual({ code: a.entityId });
    const everything = JSON.stringify(db.prepare('SELECT * FROM audit_events').all());
    expect(everything).not.toContain('Гриценко');
    expect(everything).not.toContain('Семенюк');
  });

  it('exports the raions and the hromadas as a workbook with the same filter, audited with counts', async () => {
    const rt = await knownOblast();
    const file = await call(rt, 'coverage:export', { raion: RAION.poltavskyi, gaps: ['no_agreement'] });
    expect(file.fileName).toBe('okhoplennia-hromad-2026-11-20.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Райони', 'Громади']);
    const raions = book.getWorksheet('Райони')!;
    expect(raions.getCell('A1').value).toBe('Охоплення територіальних громад: Полтавська область');
    expect(raions.getCell('A2').value).toBe('Станом на 20.11.2026; «за 12 місяців» — з 20.11.2025');
    expect(raions.getCell('A3').value).toBe('Відбір: Полтавський район; лише громади без меморандуму чи місцевої програми (23 з 24)');
    expect((raions.getRow(4).values as unknown[]).slice(1)).toEqual(['Район', 'Громад', 'З координатором', 'З меморандумом чи програмою', 'З навчанням за 12 місяців', 'З профілактичним заходом за 12 місяців']);
    expect((raions.getRow(8).values as unknown[]).slice(1)).toEqual(['Полтавський', 24, 1, 1, 2, 1]);
    expect((raions.getRow(9).values as unknown[]).slice(1)).toEqual(['Усього', 60, 2, 2, 2, 1]);
    const hromadas = book.getWorksheet('Громади')!;
    expect(hromadas.rowCount).toBe(4 + 23);
    const rows = Array.from({ length: 23 }, (_, i) => (hromadas.getRow(5 + i).values as unknown[]).slice(1));
    expect(rows.every((r) => r[0] === 'Полтавський')).toBe(true);
    const karlivska = rows.find((r) => r[1] === 'Карлівська')!;
    expect(karlivska[2]).toBe(HROMADA.karlivska);
    expect(karlivska[9]).toEqual(new Date('2026-03-10T00:00:00Z'));
    expect(karlivska[10]).toBe('Національний механізм взаємодії для громад');
    expect(karlivska[13]).toBe(1);
    expect(hromadas.getCell(`J${5 + rows.indexOf(karlivska)}`).numFmt).toBe('dd.mm.yyyy');
    const bilytska = rows.find((r) => r[1] === 'Білицька')!;
    expect([bilytska[11], bilytska[12]]).toEqual([new Date('2025-11-19T00:00:00Z'), 'інформаційна кампанія']);

    const db = rt.core.requireStore().db;
    const audit = db.prepare("SELECT entity_id AS entityId, details FROM audit_events WHERE action = 'document.coverage'").all() as { entityId: string; details: string }[];
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.details)).toEqual({ raion: RAION.poltavskyi, gaps: ['no_agreement'], raions: 4, hromadas: 23, total: 24 });
  });

  it('puts the coordinator in the workbook but never in the audit log', async () => {
    const rt = await knownOblast();
    const file = await call(rt, 'coverage:export', {});
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Громади')!;
    expect(sheet.getCell('A3').value).toBe('Район');
    const dykanska = Array.from({ length: sheet.rowCount }, (_, i) => (sheet.getRow(i + 1).values as unknown[]).slice(1)).find((r) => r[1] === 'Диканська')!;
    expect(dykanska.slice(3, 9)).toEqual([COORDINATOR_NAME, 'Начальник відділу соціального захисту', new Date('2025-02-01T00:00:00Z'), 'меморандум про співпрацю', '12', new Date('2025-03-01T00:00:00Z')]);
    expect(JSON.stringify(rt.core.requireStore().db.prepare('SELECT * FROM audit_events').all())).not.toContain('Гриценко');
  });

  it('reads the tables on their indexes: no statement per hromada, no full scan', async () => {
    const rt = await knownOblast();
    const db = rt.core.requireStore().db;
    const plan = (sql: string, ...args: unknown[]) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((p) => p.detail).join(' | ');
    const codes = JSON.stringify([HROMADA.dykanska]);
    expect(plan(COVERAGE_SQL.hromadas, POLTAVSKA)).toMatch(/SEARCH territories USING INDEX territories_oblast_category \(oblast_code=\? AND category=\?\)/);
    expect(plan(COVERAGE_SQL.raions, POLTAVSKA)).toMatch(/USING INDEX territories_oblast_category/);
    expect(plan(COVERAGE_SQL.setups, codes)).toMatch(/SEARCH hromada_setups USING INDEX sqlite_autoindex_hromada_setups_1 \(code=\?\)/);
    expect(plan(COVERAGE_SQL.trainingsHeld, codes, '2026-11-20')).toMatch(/SEARCH trainings USING (COVERING )?INDEX trainings_venue_hromada \(venue_hromada=\? AND ends_on<\?\)/);
    expect(plan(COVERAGE_SQL.trainingsAttended, codes, '2026-11-20')).toMatch(/SEARCH p USING INDEX training_participants_hromada \(hromada_code=\?\)/);
    expect(plan(COVERAGE_SQL.trainees, codes, '2025-11-20', '2026-11-20')).toMatch(/SEARCH p USING INDEX training_participants_hromada \(hromada_code=\?\)/);
    expect(plan(COVERAGE_SQL.events, codes, '2026-11-20')).toMatch(/SEARCH prevention_events USING INDEX prevention_events_hromada \(hromada_code=\? AND date<\?\)/);
    for (const [name, sql] of Object.entries(COVERAGE_SQL)) {
      const p = plan(sql, ...(name === 'hromadas' || name === 'raions' ? [POLTAVSKA] : name === 'trainees' ? [codes, '2025-11-20', '2026-11-20'] : name === 'setups' ? [codes] : [codes, '2026-11-20']));
      expect(p, name).not.toMatch(/SCAN (territories|trainings|training_participants|prevention_events|hromada_setups)\b(?! USING)/);
      // Grouping follows the index; only count(DISTINCT trainee) needs its own small b-tree.
      expect(p, name).not.toMatch(/TEMP B-TREE FOR (GROUP|ORDER) BY/);
    }
  });

  it('follows trainings recorded through their own channels: the venue’s hromada and each participant’s', async () => {
    const rt = await adminRuntime();
    await setOblast(rt);
    await becomeCoordinator(rt);
    const orgs = await call(rt, 'organisations:options', {});
    // Held in Полтава (the Полтавська hromada), attended by staff from Андріївка (the Решетилівська hromada).
    const training = await call(rt, 'trainings:save', {
      title: 'Ідентифікація постраждалих від торгівлі людьми',
      kind: 'training',
      topics: ['identification'],
      startsOn: '2026-11-10',
      endsOn: '2026-11-11',
      hours: 16,
      format: 'in_person',
      venue: 'UA53080370010073240',
      organiserIds: [orgs[0]!.id],
    });
    for (const [surname, name] of [['Вигадайло', 'Зоряна'], ['Небувайко', 'Остап']] as const) {
      await call(rt, 'trainings:saveParticipant', {
        trainingId: training.id,
        participant: { surname, name, organisationId: orgs[1]!.id, territory: 'UA53080390020046202', attendance: 'full', hoursAttended: 16 },
      });
    }
    const c = await call(rt, 'coverage:get', {});
    const poltavska = row(c, 'UA53080370000025447')!;
    const reshetylivska = row(c, 'UA53080390000027656')!;
    expect([poltavska.lastTraining?.id, poltavska.trainedRecently]).toEqual([training.id, 0]);
    expect([reshetylivska.lastTraining?.id, reshetylivska.lastTraining?.date, reshetylivska.trainedRecently]).toEqual([training.id, '2026-11-11', 2]);
    expect(c.raions.find((r) => r.code === RAION.poltavskyi)!.trainedRecently).toBe(2);
  });

  it('moves a record with its village when a newer edition of the codifier moves the village to another hromada', async () => {
    const rt = await adminRuntime();
    await setOblast(rt);
    await becomeCoordinator(rt);
    const ANDRIIVKA = 'UA53080370030037977';
    const organiser = (await call(rt, 'organisations:options', {}))[0]!.id;
    const event = await call(rt, 'prevention:save', { kind: 'round_table', title: 'Круглий стіл', date: '2026-11-02', territory: ANDRIIVKA, organiserIds: [organiser] });
    const hromadaOf = () => rt.core.requireStore().db.prepare('SELECT hromada_code FROM prevention_events WHERE id = ?').pluck().get(event.id);
    expect(hromadaOf()).toBe('UA53080370000025447');
    // The edition of 01.12.2025 puts Андріївка in Диканська громада.
    const csv = shippedCodifier()
      .csv.split('\n')
      .map((line) => (line.includes(`;${ANDRIIVKA};`) ? line.replace('UA53080370000025447', HROMADA.dykanska).replace('UA53080000000068029', RAION.poltavskyi) : line))
      .join('\n');
    await becomeAdmin(rt);
    await call(rt, 'territories:loadEdition', { edition: '2025-12-01', csv });
    expect(hromadaOf()).toBe(HROMADA.dykanska);
  });

  it('refuses the admin (no trainings.read) and lets a member read but not write', async () => {
    const rt = await knownOblast();
    await becomeAdmin(rt);
    expect((await failure(rt, 'coverage:get', {})).code).toBe('FORBIDDEN');
    expect((await failure(rt, 'coverage:export', {})).code).toBe('FORBIDDEN');
    await call(rt, 'users:add', { login: 'member1', displayName: 'Член Групи', roles: ['member'], initialPassphrase: 'тимчасовий пароль 12345' });
    await call(rt, 'session:lock', {});
    await call(rt, 'session:unlock', { login: 'member1', passphrase: 'тимчасовий пароль 12345' });
    await call(rt, 'session:changePassphrase', { current: 'тимчасовий пароль 12345', next: 'власний пароль члена групи 2026' });
    expect((await call(rt, 'coverage:get', {})).total).toBe(60);
    expect((await failure(rt, 'coverage:saveHromada', { code: HROMADA.karlivska, coordinatorName: 'Будь-хто' })).code).toBe('FORBIDDEN');
  });
});
