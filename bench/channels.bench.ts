/**
 * Every list and dashboard channel on a store filled at one demo scale: p50 and p95 of the call through the
 * dispatcher (as the app makes it, output validation off) and how many rows it returned. Run at two scales side
 * by side, the cost should follow the rows returned, not the size of the store.
 */
import type { Channel, InputOf, OutputOf } from '../src/shared/contract';
import { kyivDate } from '../src/shared/time';
import type { Runtime } from '../src/main/runtime';
import { percentile, sample } from './measure';

export interface ChannelFigure {
  label: string;
  rows: number;
  p50: number;
  p95: number;
}

const RUNS = Number(process.env.BENCH_RUNS ?? 30);

function rowsOf(value: unknown): number {
  if (Array.isArray(value)) return value.length;
  const v = value as Record<string, unknown>;
  if (Array.isArray(v.rows)) return v.rows.length;
  if (v.report && Array.isArray((v.report as { tables?: unknown }).tables)) return (v.report as { tables: unknown[] }).tables.length;
  if (Array.isArray(v.agenda)) return v.agenda.length;
  if (v.dueSoon && v.overdue) {
    const d = v as unknown as OutputOf<'dashboard:get'>;
    return (
      d.nextMeetings.length +
      d.dueSoon.rows.length +
      d.overdue.byOrganisation.reduce((n, o) => n + o.rows.length, 0) +
      d.todo.notices.rows.length +
      d.todo.minutes.rows.length +
      d.todo.awaitingReport.rows.length
    );
  }
  return 1;
}

export async function benchChannels(runtime: Runtime): Promise<ChannelFigure[]> {
  const call = async <C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> => {
    const result = await runtime.dispatch(channel, input);
    if (!result.ok) throw new Error(`${channel}: ${result.error.code}`);
    return result.value as OutputOf<C>;
  };
  const year = Number(kyivDate(new Date()).slice(0, 4));
  const month = Number(kyivDate(new Date()).slice(5, 7));
  // The quarter just ended, as the report screen opens on it.
  const quarter = month <= 3 ? `${year - 1}-Q4` : `${year}-Q${Math.floor((month - 1) / 3)}`;
  const meetings = await call('meetings:list', { year });
  const held = meetings.find((m) => m.status !== 'planned') ?? meetings[0]!;
  const open = await call('assignments:list', { states: ['in_progress', 'overdue'] });
  const one = open[0] ?? (await call('assignments:list', {}))[0]!;
  const organisation = one.leadOrganisationId;
  const head = (await call('audit:list', { limit: 1 })).rows[0]!.seq;
  const someCase = (await call('cases:list', { limit: 1 })).rows[0]!;
  const someReferral = (await call('referrals:list', { limit: 1 })).rows[0]!;
  const recipient = someReferral.toOrganisationId;
  // One that was held, with its participants (the newest may be one still planned).
  const someTraining = (await call('trainings:list', { limit: 50 })).rows.find((r) => r.participants > 0)!;
  const training = await call('trainings:get', { id: someTraining.id });
  // A sign-in sheet of 100 rows as a coordinator maps it: the people of the training's card again, each checked in full.
  const sheetRows = Array.from({ length: 100 }, (_, i) => {
    const p = training.participantList[i % Math.max(1, training.participantList.length)]!;
    return { row: i + 2, surname: p.surname, name: `${p.name}${i}`, patronymic: p.patronymic, position: p.position, organisation: p.organisationName, territory: p.territory, hours: '8', attendance: 'так' };
  });
  const placeCodes = (await call('prevention:list', { limit: 50 })).rows.map((r) => r.territory);

  const cases: [string, () => Promise<unknown>][] = [
    ['meetings:years', () => call('meetings:years', {})],
    [`meetings:list (this year)`, () => call('meetings:list', { year })],
    ['meetings:list (all years)', () => call('meetings:list', {})],
    ['meetings:get (one meeting)', () => call('meetings:get', { id: held.id })],
    ['assignments:list (under control)', () => call('assignments:list', { states: ['in_progress', 'overdue'] })],
    ['assignments:list (overdue)', () => call('assignments:list', { states: ['overdue'] })],
    ['assignments:list (done)', () => call('assignments:list', { states: ['done'] })],
    ['assignments:list (all)', () => call('assignments:list', {})],
    ['assignments:list (one organisation, under control)', () => call('assignments:list', { states: ['in_progress', 'overdue'], organisationId: organisation })],
    ['assignments:list (given by one meeting)', () => call('assignments:list', { meetingId: held.id })],
    ['assignments:list (reviewed at one meeting)', () => call('assignments:list', { reviewedIn: held.id })],
    ['assignments:get (one card)', () => call('assignments:get', { id: one.id })],
    ['dashboard:get', () => call('dashboard:get', {})],
    ['cases:list (first page of 50)', () => call('cases:list', {})],
    ['cases:list (running, overdue)', () => call('cases:list', { states: ['open', 'incomplete'], overdue: true })],
    ['cases:list (this year, awaiting a decision)', () => call('cases:list', { year, step: 'decision' })],
    ['cases:list (granted)', () => call('cases:list', { states: ['granted'] })],
    ['cases:get (one card)', () => call('cases:get', { id: someCase.id })],
    ['referrals:list (first page of 50)', () => call('referrals:list', {})],
    ['referrals:list (overdue)', () => call('referrals:list', { overdue: true })],
    ['referrals:list (one recipient, one service)', () => call('referrals:list', { organisationId: recipient, service: someReferral.needs[0] })],
    ['referrals:get (one card)', () => call('referrals:get', { id: someReferral.id })],
    ['persons:list (first page of 50)', () => call('persons:list', {})],
    ['persons:get (one person with their timeline)', () => call('persons:get', { id: someReferral.personId })],
    ['referrals:suggest (one need)', () => call('referrals:suggest', { personId: someReferral.personId, service: 'psychological' })],
    ['organisations:options', () => call('organisations:options', { includeInactive: true })],
    ['group:members (today)', () => call('group:members', {})],
    ['audit:list (first page of 50)', () => call('audit:list', { limit: 50 })],
    ['audit:list (a page in the middle)', () => call('audit:list', { limit: 50, before: Math.floor(head / 2) })],
    ['audit:actions', () => call('audit:actions', {})],
    // The codifier is filled on the first of these (before the timed runs): 31,748 units, whatever the store's size.
    ['territories:search (name prefix «андр», all of Ukraine)', () => call('territories:search', { text: 'андр', limit: 30, oblast: '' })],
    ['territories:search (name prefix «пол», one oblast)', () => call('territories:search', { text: 'пол', limit: 30, oblast: 'UA53000000000028050' })],
    ['territories:search (code prefix UA5308)', () => call('territories:search', { text: 'UA5308', limit: 30, oblast: '' })],
    ['territories:search (a full code)', () => call('territories:search', { text: 'UA53080370010073240', limit: 30, oblast: '' })],
    ['territories:get (the places of a page of 50 events)', () => call('territories:get', { codes: placeCodes })],
    ['trainings:list (first page of 50)', () => call('trainings:list', {})],
    ['trainings:list (this year, one topic)', () => call('trainings:list', { year, topic: someTraining.topics[0]! })],
    ['trainings:get (one card with participants)', () => call('trainings:get', { id: someTraining.id })],
    ['trainings:checkImport (a sheet of 100 rows)', () => call('trainings:checkImport', { trainingId: someTraining.id, rows: sheetRows })],
    ['prevention:list (first page of 50)', () => call('prevention:list', {})],
    ['coverage:get (the whole oblast)', () => call('coverage:get', {})],
    ['coverage:get (no event in 12 months, no coordinator)', () => call('coverage:get', { gaps: ['no_event', 'no_coordinator'] })],
    // The report counts three periods (the quarter, the one before, a year earlier); rows = its tables.
    ['reports:get (the last quarter, for the Ministry)', () => call('reports:get', { period: quarter, profile: 'ministry' })],
    ['reports:get (last year, for the Ministry)', () => call('reports:get', { period: String(year - 1), profile: 'ministry' })],
    ['reports:get (the last quarter, for publication: suppression)', () => call('reports:get', { period: quarter, profile: 'publication' })],
    ['reports:export (the quarter\'s workbook)', () => call('reports:export', { period: quarter, profile: 'ministry', output: 'xlsx' })],
    ['reports:bundle (the quarter signed: data, CSV, workbook, text)', () => call('reports:bundle', { period: quarter, profile: 'ministry', outputs: ['json', 'csv', 'xlsx', 'docx'] })],
  ];
  const figures: ChannelFigure[] = [];
  for (const [label, action] of cases) {
    const rows = rowsOf(await action());
    const times = await sample(RUNS, action);
    figures.push({ label, rows, p50: percentile(times, 50), p95: percentile(times, 95) });
  }
  // Planning writes: measured last, on dates after everything the demo made, each a regular meeting with its carry-over.
  const plans = await sample(Math.min(RUNS, 10), (() => {
    let day = 0;
    return () => call('meetings:plan', { date: `${year + 1}-${String(1 + Math.floor(day / 28)).padStart(2, '0')}-${String(1 + (day++ % 28)).padStart(2, '0')}`, time: '10:00', format: 'in_person' });
  })());
  const planned = (await call('meetings:list', { year: year + 1 }))[0]!;
  const reviewed = (await call('meetings:get', { id: planned.id })).agenda[0]?.reviewedAssignmentIds.length ?? 0;
  figures.push({ label: 'meetings:plan (regular: its carry-over item, rows = assignments it lists)', rows: reviewed, p50: percentile(plans, 50), p95: percentile(plans, 95) });
  return figures;
}
