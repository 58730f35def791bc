import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputOf } from '../../src/shared/contract';
import type { Report, ReportTable } from '../../src/shared/reports/report';
import { TOTAL, publishedCellsOf, positionKey, type PublishedTable } from '../../src/shared/reports/tables';
import { becomeCaseOfficer, registerCase, step } from '../fixtures/cases';
import { coordinatorWithOblast, DYKANKA, HROMADA, RAION } from '../fixtures/coverage';
import { holdMeeting, seatGroup } from '../fixtures/meetings';
import { organisationOf, sentReferral } from '../fixtures/referrals';
import { reportingOfficerWithOblast } from '../fixtures/reports';
import { adminRuntime, call, cleanupTempDirs, type TestRuntime } from '../fixtures/store';
import { ANDRIIVKA_RESHETYLIVSKA, participantInput, RESHETYLIVSKA, trainingInput } from '../fixtures/trainings';
import { formUnder, formsVersionOn } from '../../src/main/features/reports/report-compute';

/**
 * Every figure of the report for 2026-Q3 against a store whose records were counted by hand: cases on both edges of
 * the quarter (30.06, 01.07, 30.09, 01.10), one recorded with the 2016 list of forms a year earlier, aid paid on the
 * last day and the day after, referrals, meetings, assignments, trainings, prevention events and hromadas.
 */

type Fields = Partial<InputOf<'cases:create'>['fields']>;
type Person = Parameters<typeof registerCase>[2];

let rt: TestRuntime;
let report: Report;

/** A case up to the decision: registered, interviewed, checked with the police, forwarded, decided. */
async function decided(fields: Fields, person: Person, decision: { date: string; outcome: 'granted' | 'refused' | 'incomplete' } | null) {
  const c = await registerCase(rt, fields, person);
  if (!decision) return c;
  const d = fields.registrationDate!;
  await step(rt, c.id, { kind: 'interview', date: d });
  await step(rt, c.id, { kind: 'undertaking', date: d });
  await step(rt, c.id, { kind: 'police_request', date: d, number: '01-15/1' });
  await step(rt, c.id, { kind: 'police_answer', date: d, proceedings: false, proceedingsNumber: '' });
  await step(rt, c.id, { kind: 'file_compiled', date: d });
  await step(rt, c.id, { kind: 'forwarded', date: d, number: '01-15/2' });
  return step(rt, c.id, {
    kind: 'decision',
    date: decision.date,
    outcome: decision.outcome,
    number: `Р-${fields.registrationNumber}`,
    refusalReason: decision.outcome === 'refused' ? 'grounds_not_confirmed' : null,
  });
}

const table = (name: string): ReportTable => report.tables.find((t) => t.name === name)!;
const at = (t: PublishedTable, row: string, column = TOTAL) => publishedCellsOf(t).get(positionKey(row, column));
/** The non-zero cells of a table (totals included) as `row|column: n`. */
function nonZero(t: PublishedTable): Record<string, unknown> {
  return Object.fromEntries(
    [...publishedCellsOf(t)].filter(([, v]) => v !== 0).map(([k, v]) => [k.replace('\u0000', '|'), v]),
  );
}

beforeAll(async () => {
  rt = await adminRuntime();
  await reportingOfficerWithOblast(rt);
  await coordinatorWithOblast(rt);
  await becomeCaseOfficer(rt);

  const woman = { sex: 'female' as const, birthDate: '1990-03-01' };
  const man = { sex: 'male' as const, birthDate: '1985-05-05' };
  // A: registered on the last day of Q2, granted on the first day of Q3.
  const a = await decided({ registrationNumber: '1', registrationDate: '2026-06-30', forms: ['labour'], countries: ['PL'] }, woman, { date: '2026-07-01', outcome: 'granted' });
  // B: registered on the first day of Q3, refused on its last.
  await decided({ registrationNumber: '2', registrationDate: '2026-07-01' }, man, { date: '2026-09-30', outcome: 'refused' });
  // C: a girl registered on Q3's last day, nothing decided yet.
  await decided({ registrationNumber: '3', registrationDate: '2026-09-30' }, { sex: 'female', birthDate: '2012-02-02' }, null);
  // D: registered the day after Q3: nowhere in Q3, not pending at its end.
  await decided({ registrationNumber: '4', registrationDate: '2026-10-01' }, man, null);
  // E: a boy registered in Q3, granted the day after it: pending at Q3's end.
  await decided({ registrationNumber: '5', registrationDate: '2026-08-10' }, { sex: 'male', birthDate: '2011-01-01' }, { date: '2026-10-01', outcome: 'granted' });
  // F: a year earlier, with the 2016 list: organ removal, which the 2024 list counts as «other»; a citizen of Moldova.
  await decided(
    { registrationNumber: '6', registrationDate: '2025-08-05', formsVersion: '2016', forms: ['organ_removal'], countries: ['UA', 'RU'] },
    { ...woman, citizenship: 'MD' },
    { date: '2025-09-15', outcome: 'granted' },
  );
  // G: two forms make «mixed»; exploited inside Ukraine.
  const g = await decided({ registrationNumber: '7', registrationDate: '2026-07-15', forms: ['labour', 'sexual'], countries: ['UA'] }, woman, { date: '2026-08-20', outcome: 'granted' });
  // H: documents incomplete: a decision, but not a final one, so still pending at the end.
  await decided({ registrationNumber: '8', registrationDate: '2026-07-20' }, man, { date: '2026-07-25', outcome: 'incomplete' });

  // Aid: A paid on Q3's last day, G the day after.
  await call(rt, 'cases:saveAid', { caseId: a.id, applicationDate: '2026-07-02', category: 'working_age', payingBody: 'Департамент соціального захисту населення', paymentDate: '2026-09-30' });
  await call(rt, 'cases:saveAid', { caseId: g.id, applicationDate: '2026-08-21', category: 'working_age', payingBody: 'Департамент соціального захисту населення', paymentDate: '2026-10-01' });

  // Referrals: one sent on 07.11 (outside), two in Q3: one to a health facility for medical and legal help received in full.
  await sentReferral(rt);
  const health = await organisationOf(rt, 'health');
  const r1 = await sentReferral(rt, { needs: ['medical', 'legal'], toOrganisationId: health });
  const db = rt.core.requireStore().db;
  db.prepare("UPDATE referrals SET sent_on = '2026-09-30', outcome = 'received_full', state = 'completed' WHERE id = ?").run(r1.id);
  const r2 = await sentReferral(rt);
  db.prepare("UPDATE referrals SET sent_on = '2026-07-01', state = 'declined' WHERE id = ?").run(r2.id);

  // Meetings: 01.07 and 30.09 held (two decisions each, the second with one carried-over item's decision), 01.10 outside.
  await seatGroup(rt);
  const m1 = await holdMeeting(rt, '2026-07-01', 6);
  await holdMeeting(rt, '2026-09-30', 6);
  await holdMeeting(rt, '2026-10-01', 6);
  // Assignments of the first meeting's decisions: done in Q3, removed in Q4, overdue at Q3's end, due on its last day.
  const decisions = db.prepare('SELECT d.id FROM decisions d JOIN agenda_items i ON i.id = d.item_id WHERE i.meeting_id = ? ORDER BY i.position, d.position').pluck().all(m1.id) as string[];
  const lead = await organisationOf(rt, 'police');
  const assign = db.prepare(
    "INSERT INTO assignments (id, decision_id, text, lead_organisation_id, due_date, status, closed_on, created_at, updated_at) VALUES (?, ?, 'Доручення', ?, ?, ?, ?, '2026-07-01T07:00:00Z', '2026-07-01T07:00:00Z')",
  );
  assign.run('as1', decisions[0], lead, '2026-08-01', 'done', '2026-08-15');
  assign.run('as2', decisions[0], lead, '2026-08-01', 'removed', '2026-10-02');
  assign.run('as3', decisions[0], lead, '2026-09-01', 'in_progress', null);
  assign.run('as4', decisions[0], lead, '2026-09-30', 'in_progress', null);

  // Trainings: one ended 30.09 (a training in Решетилівка: two came, one absent), one a seminar ended 01.10.
  const t1 = await call(rt, 'trainings:save', await trainingInput(rt, { startsOn: '2026-09-29', endsOn: '2026-09-30', venue: RESHETYLIVSKA }));
  const police = await organisationOf(rt, 'police');
  await call(rt, 'trainings:saveParticipant', { trainingId: t1.id, participant: await participantInput(rt, 0) });
  await call(rt, 'trainings:saveParticipant', { trainingId: t1.id, participant: await participantInput(rt, 1, { organisationId: police, territory: '' }) });
  await call(rt, 'trainings:saveParticipant', { trainingId: t1.id, participant: await participantInput(rt, 2, { attendance: 'absent', hoursAttended: 0 }) });
  await call(rt, 'trainings:save', await trainingInput(rt, { kind: 'seminar', startsOn: '2026-09-30', endsOn: '2026-10-01' }));

  // Prevention: a school session in Диканька on 01.07 (45 pupils, 12 parents), a round table in Q2.
  const orgs = await call(rt, 'organisations:options', {});
  const event = { title: 'Безпечна подорож', territory: DYKANKA, place: 'ліцей', organiserIds: [orgs[0]!.id], partnerIds: [] };
  await call(rt, 'prevention:save', { ...event, kind: 'school_session', date: '2026-07-01', groups: { pupils: 45, parents: 12 } });
  await call(rt, 'prevention:save', { ...event, kind: 'round_table', date: '2026-06-30', groups: { professionals: 20 } });

  // Hromadas: Диканська has a coordinator since 01.09 and a memorandum of 01.10 (after Q3's end).
  await call(rt, 'coverage:saveHromada', {
    code: HROMADA.dykanska,
    coordinatorName: 'Гриценко Людмила Степанівна',
    coordinatorPosition: 'Начальник відділу',
    coordinatorSince: '2026-09-01',
    agreementKind: 'memorandum',
    agreementNumber: '12',
    agreementDate: '2026-10-01',
  });

  report = (await call(rt, 'reports:get', { period: '2026-Q3', profile: 'ministry' })).report;
}, 120_000);

afterAll(cleanupTempDirs);

describe('the report of 2026-Q3, counted by hand', () => {
  it('names its periods, oblast, profile and the data it was computed from', () => {
    expect(report.period).toEqual({ id: '2026-Q3', kind: 'quarter', from: '2026-07-01', to: '2026-09-30' });
    expect(report.previous.id).toBe('2026-Q2');
    expect(report.yearEarlier.id).toBe('2025-Q3');
    expect(report.oblast.code).toBe('UA53000000000028050');
    expect(report.profile).toBe('ministry');
    expect(report.threshold).toBeNull();
    expect(report.computedAt).toBe(rt.clock.now().toISOString());
    const head = rt.core.requireStore().db.prepare('SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string };
    expect(report.data.auditCount).toBeLessThanOrEqual(head.seq);
    expect(report.data.auditHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('counts applications, decisions and pending applications by sex and age group, on the quarter’s edges', () => {
    expect(nonZero(table('status.applications').current)).toEqual({ 'women|*': 1, 'men|*': 2, 'girls|*': 1, 'boys|*': 1, '*|*': 5 });
    expect(nonZero(table('status.applications').previous)).toEqual({ 'women|*': 1, '*|*': 1 });
    expect(nonZero(table('status.applications').yearEarlier)).toEqual({ 'women|*': 1, '*|*': 1 });
    expect(nonZero(table('status.decisions').current)).toEqual({
      'granted|women': 2,
      'granted|*': 2,
      'refused|men': 1,
      'refused|*': 1,
      'incomplete|men': 1,
      'incomplete|*': 1,
      '*|women': 2,
      '*|men': 2,
      '*|*': 4,
    });
    expect(nonZero(table('status.decisions').previous)).toEqual({});
    expect(nonZero(table('status.pending').current)).toEqual({ 'men|*': 1, 'girls|*': 1, 'boys|*': 1, '*|*': 3 });
    expect(nonZero(table('status.pending').previous)).toEqual({ 'women|*': 1, '*|*': 1 });
    expect(nonZero(table('status.pending').yearEarlier)).toEqual({});
  });

  it('counts forms with the list in force at the period’s end, a 2016 form the 2024 list lacks as «other», several as «mixed»', () => {
    expect(report.codeLists.find((l) => l.id === 'forms')!.version).toBe('2024');
    expect(nonZero(table('status.forms').current)).toEqual({ 'labour|*': 1, 'mixed|*': 1, '*|*': 2 });
    expect(nonZero(table('status.forms').yearEarlier)).toEqual({ 'other|*': 1, '*|*': 1 });
    expect(formsVersionOn('2023-12-31')).toBe('2016');
    expect(formsVersionOn('2024-01-01')).toBe('2024');
    expect(formUnder('2016', ['armed_conflict'])).toBe('other');
    expect(formUnder('2016', ['organ_removal'])).toBe('organ_removal');
    expect(formUnder('2024', ['labour', 'labour'])).toBe('labour');
  });

  it('counts countries of exploitation (each named one) and citizenship of those granted status', () => {
    expect(nonZero(table('status.countries').current)).toEqual({ 'UA|*': 1, 'PL|*': 1, '*|*': 2 });
    expect(nonZero(table('status.countries').yearEarlier)).toEqual({ 'UA|*': 1, 'RU|*': 1, '*|*': 2 });
    expect(table('status.countries').current.rows[0]).toBe('UA');
    expect(nonZero(table('status.citizenship').current)).toEqual({ 'UA|*': 2, '*|*': 2 });
    expect(nonZero(table('status.citizenship').yearEarlier)).toEqual({ 'MD|*': 1, '*|*': 1 });
    expect(report.codeLists.find((l) => l.id === 'countries')!.codes.find((c) => c.code === 'UA')!.uk).toBe('Україна (внутрішня)');
  });

  it('counts one-time aid paid in the period and its sum', () => {
    expect(nonZero(table('aid.payments').current)).toEqual({ 'working_age|*': 1, '*|*': 1 });
    const amount = at(table('aid.amounts').current, 'working_age') as number;
    const stored = rt.core.requireStore().db.prepare("SELECT amount_kop FROM case_aid WHERE payment_date = '2026-09-30'").pluck().get() as number;
    expect(amount).toBe(stored);
    expect(amount).toBeGreaterThan(0);
  });

  it('counts referrals sent in the period by need × result and by the recipient’s type', () => {
    expect(nonZero(table('referrals.outcomes').current)).toEqual({
      'medical|received_full': 1,
      'legal|received_full': 1,
      'psychological|declined': 1,
      'medical|*': 1,
      'legal|*': 1,
      'psychological|*': 1,
      '*|received_full': 2,
      '*|declined': 1,
      '*|*': 3,
    });
    expect(nonZero(table('referrals.recipients').current)).toEqual({ 'health|*': 1, 'ngo|*': 1, '*|*': 2 });
  });

  it('counts meetings held, decisions taken and assignments given, done, removed and open at the end', () => {
    const meetings = table('meetings.summary').current;
    expect(at(meetings, 'meetings_held')).toBe(2);
    expect(at(meetings, 'extraordinary_held')).toBe(0);
    const decisions = rt.core.requireStore().db
      .prepare("SELECT COUNT(*) FROM decisions d JOIN agenda_items i ON i.id = d.item_id JOIN meetings m ON m.id = i.meeting_id WHERE m.date BETWEEN '2026-07-01' AND '2026-09-30'")
      .pluck()
      .get();
    expect(at(meetings, 'decisions_taken')).toBe(decisions);
    expect(decisions).toBeGreaterThanOrEqual(4);
    expect(at(table('meetings.summary').previous, 'meetings_held')).toBe(0);
    const assignments = table('assignments.summary').current;
    expect(at(assignments, 'given')).toBe(4);
    expect(at(assignments, 'done')).toBe(1);
    expect(at(assignments, 'removed')).toBe(0);
    // as2 was removed after the quarter: at its end it was still open and past its due date.
    expect(at(assignments, 'overdue_at_end')).toBe(2);
    // as4 is due on the quarter's last day: not late yet.
    expect(at(assignments, 'in_progress_at_end')).toBe(1);
  });

  it('counts trainings ended in the period and the people who came, by organisation type and raion of work', () => {
    expect(nonZero(table('trainings.events').current)).toEqual({ 'training|*': 1, '*|*': 1 });
    const people = table('trainings.people').current;
    expect(at(people, 'social_services_centre', RAION.poltavskyi)).toBe(1);
    expect(at(people, 'police', 'unknown')).toBe(1);
    expect(at(people, TOTAL, TOTAL)).toBe(2);
  });

  it('counts prevention events by kind and the people they reached by target group', () => {
    expect(nonZero(table('prevention.events').current)).toEqual({ 'school_session|*': 1, '*|*': 1 });
    expect(nonZero(table('prevention.reach').current)).toEqual({ 'pupils|*': 45, 'parents|*': 12, '*|*': 57 });
    expect(nonZero(table('prevention.reach').previous)).toEqual({ 'professionals|*': 20, '*|*': 20 });
  });

  it('counts hromadas per raion: reached by training or event, by nothing, with a coordinator and an agreement by the end', () => {
    const coverage = table('coverage.hromadas').current;
    const db = rt.core.requireStore().db;
    const inPoltavskyi = db.prepare("SELECT COUNT(*) FROM territories WHERE raion_code = ? AND category = 'H' AND dropped_in IS NULL").pluck().get(RAION.poltavskyi) as number;
    expect(at(coverage, RAION.poltavskyi, 'hromadas')).toBe(inPoltavskyi);
    // Решетилівська (held there) and the hromada of Андріївка (a participant works there: the same hromada).
    expect(ANDRIIVKA_RESHETYLIVSKA.startsWith('UA530803')).toBe(true);
    expect(at(coverage, RAION.poltavskyi, 'reached_by_training')).toBe(1);
    expect(at(coverage, RAION.poltavskyi, 'reached_by_event')).toBe(1);
    expect(at(coverage, RAION.poltavskyi, 'not_reached')).toBe(inPoltavskyi - 2);
    expect(at(coverage, RAION.poltavskyi, 'with_coordinator')).toBe(1);
    expect(at(coverage, RAION.poltavskyi, 'with_agreement')).toBe(0);
    expect(at(table('coverage.hromadas').previous, RAION.poltavskyi, 'with_coordinator')).toBe(0);
    expect(at(coverage, RAION.lubenskyi, 'reached_by_training')).toBe(0);
  });

  it('holds no person: no name, phone or birth date of anyone in the report', () => {
    const text = JSON.stringify(report);
    for (const planted of ['Вигаданенко', 'Фантазія', '+380 67', '1990-03-01', 'Гриценко']) expect(text).not.toContain(planted);
  });
});

describe('the report asks SQL for counts on indexes', () => {
  it('plans every period statement on the index of its date', async () => {
    const { REPORT_SQL } = await import('../../src/main/features/reports/report-figures');
    const db = rt.core.requireStore().db;
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ from: '2026-07-01', to: '2026-09-30', oblast: 'UA53000000000028050' }) as { detail: string }[]).map((p) => p.detail).join(' | ');
    const expected: Partial<Record<keyof typeof REPORT_SQL, RegExp>> = {
      applications: /cases_registration/,
      decisions: /case_steps_kind_date/,
      grantedForms: /case_steps_kind_date/,
      grantedCountries: /case_steps_kind_date/,
      grantedCitizenship: /case_steps_kind_date/,
      aid: /case_aid_payment/,
      referralResults: /referrals_sent/,
      referralRecipients: /referrals_sent/,
      meetings: /meetings_date|meetings_status_date/,
      assignmentsGiven: /meetings_date|meetings_status_date/,
      assignmentsClosed: /assignments_closed/,
      trainingEvents: /trainings_ends/,
      trainedPeople: /trainings_ends/,
      preventionEvents: /prevention_events_date/,
      preventionReach: /prevention_events_date/,
      coverage: /territories_oblast_category/,
    };
    for (const [name, index] of Object.entries(expected)) expect(plan(REPORT_SQL[name as keyof typeof REPORT_SQL]), name).toMatch(index!);
  });
});
