import { afterEach, describe, expect, it } from 'vitest';
import { approvalChecks, unusualMeetingDate } from '../../src/shared/domain/meetings';
import { looksLikeDuplicate, organisationKey } from '../../src/shared/domain/organisations';
import { draftOf, holdMeeting, seatGroup } from '../fixtures/meetings';
import { ADMIN, adminRuntime, call, cleanupTempDirs, failure, type TestRuntime } from '../fixtures/store';

afterEach(cleanupTempDirs);

/** Moves the clock (which locks an idle store) and signs in again. */
async function jump(rt: TestRuntime, iso: string): Promise<void> {
  rt.clock.ms = Date.parse(iso);
  if ((await call(rt, 'session:status', {})).storeState === 'locked') await call(rt, 'session:unlock', { login: ADMIN.login, passphrase: ADMIN.passphrase });
}

const plan = (rt: TestRuntime, date: string, time = '10:00') => call(rt, 'meetings:plan', { date, time, format: 'in_person', kind: 'extraordinary' });
const numbers = async (rt: TestRuntime, year: number) =>
  Object.fromEntries((await call(rt, 'meetings:list', { year })).map((m) => [m.date, m.number]));
/** An agenda item with one decision, as the editor sends a new one. */
const decidedItem = (title: string, decision: string) => ({
  id: '',
  position: 0,
  title,
  rapporteurMemberId: null,
  rapporteurText: '',
  heard: '',
  carryOver: false,
  speeches: [],
  decisions: [{ id: '', number: '', text: decision, votesFor: null, votesAgainst: null, votesAbstained: null }],
  reviewedAssignmentIds: [],
});
const lastAudit = async (rt: TestRuntime) => (await call(rt, 'audit:list', { limit: 1 })).rows[0]!;

describe('dates that make sense', () => {
  it('asks to confirm a date over a year ahead or before the council, and saves it once confirmed', async () => {
    const rt = await adminRuntime();
    const far = await failure(rt, 'meetings:plan', { date: '2099-03-12', time: '10:00', format: 'in_person' });
    expect(far.code).toBe('NEEDS_CONFIRMATION');
    expect(far.details).toMatchObject({ reason: 'far_ahead', date: '2099-03-12' });
    expect(await call(rt, 'meetings:list', {})).toEqual([]);
    expect((await call(rt, 'meetings:plan', { date: '2099-03-12', time: '10:00', format: 'in_person', confirmDate: true })).number).toBe(1);

    await call(rt, 'group:update', { ...(await call(rt, 'group:get', {})), orderDate: '2025-02-01' });
    expect((await failure(rt, 'meetings:plan', { date: '2025-01-20', time: '10:00', format: 'online' })).details).toMatchObject({ reason: 'before_council', councilSince: '2025-02-01' });
    expect(unusualMeetingDate('2026-12-10', '2025-02-01', '2026-11-20')).toBeNull();
  });

  it('refuses «held» or drafted minutes before the meeting’s date and time', async () => {
    const rt = await adminRuntime();
    await seatGroup(rt);
    const meeting = await plan(rt, '2026-11-20', '14:00');
    const early = await failure(rt, 'meetings:update', draftOf(meeting, { status: 'held' }));
    expect(early.details).toMatchObject({ reason: 'not_begun' });
    await jump(rt, '2026-11-20T12:00:00Z'); // 14:00 in Kyiv
    expect((await call(rt, 'meetings:update', draftOf(meeting, { status: 'held' }))).status).toBe('held');
  });

  it('refuses an assignment due before its decision, and a closing by a meeting that has not taken place', async () => {
    const rt = await adminRuntime();
    const { orgs } = await seatGroup(rt);
    const held = await holdMeeting(rt, '2026-03-12', 6);
    const decisionId = held.agenda[1]!.decisions[1]!.id;
    const early = await failure(rt, 'assignments:create', { decisionId, text: 'Провести навчання', leadOrganisationId: orgs[0]!.id, dueDate: '2026-03-01' });
    expect(early.code).toBe('VALIDATION');
    expect(early.details.issues).toEqual([expect.objectContaining({ path: 'dueDate', key: 'dueBeforeDecision', params: { date: '12.03.2026' } })]);
    const assignment = await call(rt, 'assignments:create', { decisionId, text: 'Провести навчання', leadOrganisationId: orgs[0]!.id, dueDate: '2026-06-30' });

    const upcoming = await plan(rt, '2026-12-10');
    const withDecision = await call(
      rt,
      'meetings:update',
      draftOf(upcoming, { agenda: [decidedItem('Про виконання доручень', 'Зняти з контролю.')] }),
    );
    const notYet = await failure(rt, 'assignments:close', { assignmentId: assignment.id, decisionId: withDecision.agenda[0]!.decisions[0]!.id, outcome: 'done' });
    expect(notYet.details).toMatchObject({ reason: 'not_taken_place' });
  });
});

describe('numbers follow the dates of a year', () => {
  it('a meeting planned between others takes its place; the later planned ones move up, and the move is audited', async () => {
    const rt = await adminRuntime();
    await plan(rt, '2027-03-11');
    await plan(rt, '2027-06-10');
    const sept = await plan(rt, '2027-09-16');
    expect(await numbers(rt, 2027)).toEqual({ '2027-03-11': 1, '2027-06-10': 2, '2027-09-16': 3 });
    const feb = await plan(rt, '2027-02-11');
    expect(feb.number).toBe(1);
    expect(feb.numbering.renumbered.map((m) => [m.from, m.to])).toEqual([
      [1, 2],
      [2, 3],
      [3, 4],
    ]);
    expect(await numbers(rt, 2027)).toEqual({ '2027-02-11': 1, '2027-03-11': 2, '2027-06-10': 3, '2027-09-16': 4 });
    expect((await lastAudit(rt)).details).toMatchObject({ number: 1, renumbered: expect.arrayContaining([[sept.id, 3, 4]]) });
  });

  it('never renumbers a meeting that has taken place; an earlier date then takes the next number and says why', async () => {
    const rt = await adminRuntime();
    await seatGroup(rt);
    const march = await holdMeeting(rt, '2026-03-12', 6);
    await call(rt, 'meetings:approve', { id: march.id });
    const oct = await holdMeeting(rt, '2026-10-08', 6);
    const dec = await plan(rt, '2026-12-10');
    expect(dec.number).toBe(3);
    const feb = await call(rt, 'meetings:plan', { date: '2026-02-12', time: '10:00', format: 'online', kind: 'extraordinary' });
    expect(feb.number).toBe(4);
    expect(feb.numbering).toEqual({ renumbered: [], outOfOrderAfter: { number: oct.number, date: '2026-10-08' } });
    expect(await numbers(rt, 2026)).toMatchObject({ '2026-03-12': 1, '2026-10-08': 2, '2026-12-10': 3 });
  });

  it('a date moved on a planned meeting moves its number; a number typed by hand is kept', async () => {
    const rt = await adminRuntime();
    const a = await plan(rt, '2027-03-11');
    await plan(rt, '2027-06-10');
    const moved = await call(rt, 'meetings:update', { ...draftOf(a), date: '2027-07-01' });
    expect(moved.number).toBe(2);
    expect(await numbers(rt, 2027)).toEqual({ '2027-06-10': 1, '2027-07-01': 2 });
    const typed = await call(rt, 'meetings:update', { ...draftOf(moved), number: 7 });
    expect(typed.number).toBe(7);
    expect(typed.numbering.renumbered).toEqual([]);
  });
});

describe('postpone, cancel, delete', () => {
  it('postpones with a reason to a later date; the number follows; a date in the past is refused', async () => {
    const rt = await adminRuntime();
    const first = await plan(rt, '2027-03-11');
    await plan(rt, '2027-06-10');
    expect((await failure(rt, 'meetings:postpone', { id: first.id, reason: 'Збіг із сесією', date: '2026-11-01', time: '10:00' })).details.issues).toEqual([
      expect.objectContaining({ key: 'notInPast' }),
    ]);
    const moved = await call(rt, 'meetings:postpone', { id: first.id, reason: 'Збіг із сесією обласної ради', date: '2027-07-08', time: '11:00' });
    expect(moved).toMatchObject({ status: 'postponed', statusReason: 'Збіг із сесією обласної ради', rescheduledFrom: '2027-03-11 10:00', date: '2027-07-08', number: 2 });
    expect(moved.numbering.renumbered).toEqual([expect.objectContaining({ from: 2, to: 1 })]);
    expect((await lastAudit(rt))).toMatchObject({ action: 'meeting.postponed', details: { from: '2027-03-11 10:00', to: '2027-07-08 11:00' } });
    // Saving the postponed meeting keeps it postponed; «postponed» cannot be set without a reason.
    expect((await call(rt, 'meetings:update', draftOf(moved))).status).toBe('postponed');
    const other = (await call(rt, 'meetings:list', { year: 2027 })).find((m) => m.id !== first.id)!;
    const full = await call(rt, 'meetings:get', { id: other.id });
    expect((await failure(rt, 'meetings:update', draftOf(full, { status: 'postponed' }))).details).toMatchObject({ reason: 'postpone_with_reason' });
  });

  it('cancels with a reason and keeps the record unchanged after; a meeting that took place cannot be cancelled', async () => {
    const rt = await adminRuntime();
    await seatGroup(rt);
    const planned = await plan(rt, '2026-12-10');
    const cancelled = await call(rt, 'meetings:cancel', { id: planned.id, reason: 'Питання розглянуто на нараді' });
    expect(cancelled).toMatchObject({ status: 'cancelled', statusReason: 'Питання розглянуто на нараді', number: 1 });
    expect((await failure(rt, 'meetings:update', draftOf(cancelled, { status: 'planned' }))).details).toMatchObject({ reason: 'cancelled' });
    const held = await holdMeeting(rt, '2026-03-12', 6);
    expect((await failure(rt, 'meetings:cancel', { id: held.id, reason: 'Помилка' })).details).toMatchObject({ reason: 'not_upcoming' });
  });

  it('deletes a planned meeting without decisions and closes the gap; one with decisions is cancelled instead', async () => {
    const rt = await adminRuntime();
    const a = await plan(rt, '2027-03-11');
    const b = await plan(rt, '2027-06-10');
    const c = await plan(rt, '2027-09-16');
    const { numbering } = await call(rt, 'meetings:delete', { id: a.id });
    expect(numbering.renumbered.map((m) => [m.id, m.from, m.to])).toEqual([
      [b.id, 2, 1],
      [c.id, 3, 2],
    ]);
    expect((await lastAudit(rt))).toMatchObject({ action: 'meeting.deleted', details: { year: 2027, number: 1 } });
    expect((await failure(rt, 'meetings:get', { id: a.id })).code).toBe('NOT_FOUND');
    const decided = await call(
      rt,
      'meetings:update',
      draftOf(await call(rt, 'meetings:get', { id: b.id }), { agenda: [decidedItem('Про план роботи', 'Затвердити план.')] }),
    );
    expect((await failure(rt, 'meetings:delete', { id: decided.id })).details).toMatchObject({ reason: 'has_decisions' });
  });
});

describe('the notice of a meeting', () => {
  it('leaves the overview’s to-do once marked sent, and comes back when the meeting is postponed', async () => {
    const rt = await adminRuntime();
    const meeting = await plan(rt, '2026-12-03');
    const due = async () => (await call(rt, 'dashboard:get', {})).todo.notices.rows.map((n) => n.meeting.id);
    expect(await due()).toEqual([meeting.id]);
    expect((await failure(rt, 'meetings:noticeSent', { id: meeting.id, sentOn: '2026-11-21' })).details.issues).toEqual([expect.objectContaining({ key: 'notInFuture' })]);
    expect((await call(rt, 'meetings:noticeSent', { id: meeting.id, sentOn: '2026-11-20' })).noticeSentOn).toBe('2026-11-20');
    expect((await lastAudit(rt))).toMatchObject({ action: 'meeting.notice_sent', details: { sentOn: '2026-11-20' } });
    expect(await due()).toEqual([]);
    const moved = await call(rt, 'meetings:postpone', { id: meeting.id, reason: 'Збіг із сесією обласної ради', date: '2026-12-04', time: '10:00' });
    expect(moved.noticeSentOn).toBeNull();
    expect(await due()).toEqual([meeting.id]);
  });
});

describe('the approval checklist', () => {
  it('wants a decision for every item, no more votes than present, and the chair and secretary present or substituted', async () => {
    const rt = await adminRuntime();
    await seatGroup(rt);
    const held = await holdMeeting(rt, '2026-03-12', 6);
    const [carry, item] = held.agenda;

    const undecided = await call(rt, 'meetings:update', draftOf(held, { agenda: [{ ...carry!, decisions: [] }, item!] }));
    expect((await failure(rt, 'meetings:approve', { id: held.id })).details).toMatchObject({ reason: 'item_without_decision', items: [1] });

    const overVoted = await call(rt, 'meetings:update', draftOf(undecided, { agenda: [carry!, { ...item!, decisions: [{ ...item!.decisions[0]!, votesFor: 9 }, item!.decisions[1]!] }] }));
    expect((await failure(rt, 'meetings:approve', { id: held.id })).details).toMatchObject({ reason: 'votes_exceed_present', decisions: ['2.1'], present: 6 });

    const chairAway = overVoted.attendance.map((a) => (a.memberId === held.chairMemberId ? { ...a, present: false, absenceReason: 'відрядження' } : a));
    const fixedVotes = { agenda: [carry!, { ...item!, decisions: [{ ...item!.decisions[0]!, votesFor: 4 }, item!.decisions[1]!] }] };
    // Five present still make the quorum of eight; the chair is away.
    const away = await call(rt, 'meetings:update', draftOf(overVoted, { ...fixedVotes, attendance: chairAway }));
    expect(away.attendance.find((a) => a.memberId === held.chairMemberId)).toMatchObject({ present: false, absenceReason: 'відрядження', substitute: '' });
    expect((await failure(rt, 'meetings:approve', { id: held.id })).details).toMatchObject({ reason: 'no_signatories', absent: ['chair'] });

    const substituted = away.attendance.map((a) => (a.memberId === held.chairMemberId ? { ...a, substitute: 'Гончар В. П., заступник директора департаменту' } : a));
    const ready = await call(rt, 'meetings:update', draftOf(away, { ...fixedVotes, attendance: substituted }));
    expect(approvalChecks(ready, '2026-11-20 10:00').filter((c) => !c.ok)).toEqual([]);
    expect((await call(rt, 'meetings:approve', { id: held.id })).status).toBe('approved');
  });
});

describe('assignments change by decision', () => {
  it('freely before the minutes are approved; afterwards only by a decision of a later meeting, kept in a history', async () => {
    const rt = await adminRuntime();
    const { orgs } = await seatGroup(rt);
    const march = await holdMeeting(rt, '2026-03-12', 6);
    const assignment = await call(rt, 'assignments:create', { decisionId: march.agenda[1]!.decisions[1]!.id, text: 'Провести навчання', leadOrganisationId: orgs[0]!.id, dueDate: '2026-06-30' });

    const corrected = await call(rt, 'assignments:change', { assignmentId: assignment.id, byDecisionId: null, text: 'Провести навчання для фахівців громад' });
    expect(corrected.changes).toEqual([expect.objectContaining({ byDecisionNumber: null, before: { text: 'Провести навчання' }, after: { text: 'Провести навчання для фахівців громад' } })]);

    await call(rt, 'meetings:approve', { id: march.id });
    expect((await failure(rt, 'assignments:change', { assignmentId: assignment.id, byDecisionId: null, dueDate: '2026-09-30' })).details).toMatchObject({ reason: 'needs_decision' });
    expect((await failure(rt, 'assignments:change', { assignmentId: assignment.id, byDecisionId: march.agenda[1]!.decisions[0]!.id, dueDate: '2026-09-30' })).details).toMatchObject({ reason: 'not_later' });

    const june = await holdMeeting(rt, '2026-06-11', 6);
    const extended = await call(rt, 'assignments:change', {
      assignmentId: assignment.id,
      byDecisionId: june.agenda[0]!.decisions[0]!.id,
      dueDate: '2026-09-30',
      coExecutorIds: [orgs[2]!.id],
    });
    expect(extended).toMatchObject({ dueDate: '2026-09-30', coExecutorIds: [orgs[2]!.id] });
    expect(extended.changes[1]).toMatchObject({
      byDecisionNumber: '1.1 (№ 2/2026)',
      before: { dueDate: '2026-06-30', coExecutors: [] },
      after: { dueDate: '2026-09-30', coExecutors: [{ id: orgs[2]!.id, name: orgs[2]!.name }] },
    });
    expect((await lastAudit(rt))).toMatchObject({ action: 'assignment.changed', details: { fields: ['dueDate', 'coExecutors'] } });
    expect((await failure(rt, 'assignments:change', { assignmentId: assignment.id, byDecisionId: june.agenda[0]!.decisions[0]!.id, dueDate: '2026-09-30' })).details.issues).toEqual([
      expect.objectContaining({ key: 'nothingChanged' }),
    ]);
  });
});

describe('the standing item', () => {
  it('prints the live state while a draft and the state at approval for good', async () => {
    const rt = await adminRuntime();
    const { orgs } = await seatGroup(rt);
    const march = await holdMeeting(rt, '2026-03-12', 6);
    const assignment = await call(rt, 'assignments:create', { decisionId: march.agenda[1]!.decisions[1]!.id, text: 'Провести навчання', leadOrganisationId: orgs[0]!.id, dueDate: '2026-06-30' });
    await call(rt, 'meetings:approve', { id: march.id });
    const june = await holdMeeting(rt, '2026-06-11', 6);
    expect(june.agenda[0]!.reviewedAssignmentIds).toEqual([assignment.id]);
    await call(rt, 'meetings:approve', { id: june.id });
    const sept = await holdMeeting(rt, '2026-09-17', 6);
    await call(rt, 'assignments:change', { assignmentId: assignment.id, byDecisionId: sept.agenda[0]!.decisions[0]!.id, dueDate: '2026-12-31', text: 'Провести два навчання' });

    const minutes = async (id: string) => Buffer.from((await call(rt, 'meetings:minutes', { meetingId: id, format: 'html' })).base64, 'base64').toString('utf8');
    const approved = await minutes(june.id);
    expect(approved).toContain('Провести навчання (протокол № 1/2026, п. 2.2; відповідальний виконавець: ');
    expect(approved).toContain('строк: 30.06.2026; стан: на виконанні');
    expect(approved).not.toContain('Провести два навчання');
    const draft = await minutes(sept.id);
    expect(draft).toContain('Провести два навчання');
    expect(draft).toContain('строк: 31.12.2026');
  });
});

describe('what a meeting’s decisions did stays done', () => {
  it('a meeting whose decisions acted is neither cancelled nor turned back to planned, and such a decision is not deleted', async () => {
    const rt = await adminRuntime();
    const { orgs } = await seatGroup(rt);
    const march = await holdMeeting(rt, '2026-03-12', 6);
    const assignment = await call(rt, 'assignments:create', { decisionId: march.agenda[1]!.decisions[1]!.id, text: 'Провести навчання', leadOrganisationId: orgs[0]!.id, dueDate: '2026-06-30' });
    const june = await holdMeeting(rt, '2026-06-11', 6);
    await call(rt, 'assignments:change', { assignmentId: assignment.id, byDecisionId: june.agenda[1]!.decisions[0]!.id, dueDate: '2026-09-30' });
    expect((await failure(rt, 'meetings:update', draftOf(june, { status: 'planned' }))).details).toMatchObject({ reason: 'has_acted' });
    const withoutIt = { agenda: [june.agenda[0]!, { ...june.agenda[1]!, decisions: [june.agenda[1]!.decisions[1]!] }] };
    expect((await failure(rt, 'meetings:update', draftOf(june, withoutIt))).details).toMatchObject({ reason: 'has_assignments' });
  });

  it('gives assignments only by decisions of a meeting that took place and is not yet approved, never to a merged duplicate', async () => {
    const rt = await adminRuntime();
    const { orgs } = await seatGroup(rt);
    const march = await holdMeeting(rt, '2026-03-12', 6);
    const decisionId = march.agenda[1]!.decisions[1]!.id;
    const duplicate = await call(rt, 'organisations:save', { name: 'ГО "Вектор надії"', type: 'ngo' });
    const keep = await call(rt, 'organisations:save', { name: 'Громадська організація «Вектор надії»', type: 'ngo' });
    await call(rt, 'organisations:merge', { keepId: keep.id, duplicateId: duplicate.id });
    expect((await failure(rt, 'assignments:create', { decisionId, text: 'Провести навчання', leadOrganisationId: duplicate.id, dueDate: '2026-06-30' })).details.issues).toEqual([
      expect.objectContaining({ key: 'organisationMerged' }),
    ]);
    await call(rt, 'meetings:approve', { id: march.id });
    expect((await failure(rt, 'assignments:create', { decisionId, text: 'Провести навчання', leadOrganisationId: orgs[0]!.id, dueDate: '2026-06-30' })).code).toBe('RECORD_LOCKED');
    const upcoming = await call(
      rt,
      'meetings:update',
      draftOf(await plan(rt, '2026-12-10'), { agenda: [decidedItem('Про план роботи', 'Затвердити план.')] }),
    );
    expect((await failure(rt, 'assignments:create', { decisionId: upcoming.agenda[0]!.decisions[0]!.id, text: 'Підготувати план', leadOrganisationId: orgs[0]!.id, dueDate: '2026-12-30' })).details).toMatchObject({ reason: 'not_taken_place' });
  });

  it('a decision moved to another item survives the removal of its old item', async () => {
    const rt = await adminRuntime();
    await seatGroup(rt);
    const held = await holdMeeting(rt, '2026-03-12', 6);
    const [carry, item] = held.agenda;
    const moved = item!.decisions[0]!;
    const saved = await call(rt, 'meetings:update', draftOf(held, { agenda: [{ ...carry!, decisions: [...carry!.decisions, moved] }] }));
    expect(saved.agenda).toHaveLength(1);
    expect(saved.agenda[0]!.decisions.map((d) => [d.id, d.number, d.text])).toEqual([
      [carry!.decisions[0]!.id, '1.1', carry!.decisions[0]!.text],
      [moved.id, '1.2', moved.text],
    ]);
  });

  it('approved minutes print their own assignments as they were at approval', async () => {
    const rt = await adminRuntime();
    const { orgs } = await seatGroup(rt);
    const march = await holdMeeting(rt, '2026-03-12', 6);
    const assignment = await call(rt, 'assignments:create', { decisionId: march.agenda[1]!.decisions[1]!.id, text: 'Провести навчання', leadOrganisationId: orgs[0]!.id, dueDate: '2026-06-30' });
    await call(rt, 'meetings:approve', { id: march.id });
    const june = await holdMeeting(rt, '2026-06-11', 6);
    await call(rt, 'assignments:change', { assignmentId: assignment.id, byDecisionId: june.agenda[1]!.decisions[0]!.id, dueDate: '2026-12-31', text: 'Провести два навчання' });
    const html = Buffer.from((await call(rt, 'meetings:minutes', { meetingId: march.id, format: 'html' })).base64, 'base64').toString('utf8');
    expect(html).toContain('строк — до 30.06.2026');
    expect(html).not.toContain('Провести два навчання');
  });

  it('the standing item of a meeting planned ahead reviews what was given in between', async () => {
    const rt = await adminRuntime();
    const { orgs } = await seatGroup(rt);
    const december = await call(rt, 'meetings:plan', { date: '2026-12-10', time: '10:00', format: 'in_person' });
    expect(december.agenda[0]!.reviewedAssignmentIds).toEqual([]);
    const november = await holdMeeting(rt, '2026-11-19', 6);
    const given = await call(rt, 'assignments:create', { decisionId: november.agenda[1]!.decisions[1]!.id, text: 'Провести навчання', leadOrganisationId: orgs[0]!.id, dueDate: '2027-01-30' });
    const saved = await call(rt, 'meetings:update', draftOf(await call(rt, 'meetings:get', { id: december.id })));
    expect(saved.agenda[0]!.reviewedAssignmentIds).toEqual([given.id]);
  });
});

describe('duplicate organisations', () => {
  it('are told apart from real neighbours, warned about and merged with every reference moved', async () => {
    expect(organisationKey('ГО «Вектор надії»')).toBe(organisationKey('го "Вектор  надії"'));
    expect(looksLikeDuplicate({ name: 'Служба у справах дітей Полтавської ОДА', shortName: '' }, { name: 'Служба в справах дітей Полтавської ОДА', shortName: '' })).toBe(true);
    expect(looksLikeDuplicate({ name: 'Полтавський обласний центр соціальних служб', shortName: '' }, { name: 'Полтавський міський центр соціальних служб', shortName: '' })).toBe(false);

    const rt = await adminRuntime();
    const { members } = await seatGroup(rt);
    const keep = await call(rt, 'organisations:save', { name: 'Громадська організація «Вектор надії»', shortName: 'ГО «Вектор надії»', type: 'ngo' });
    const similar = await call(rt, 'organisations:similar', { name: 'ГО "Вектор надії"' });
    expect(similar.map((o) => o.id)).toEqual([keep.id]);
    const duplicate = await call(rt, 'organisations:save', { name: 'ГО "Вектор надії"', type: 'ngo' });
    const { id, surname, givenName, patronymic, position, role, validFrom } = members[0]!;
    await call(rt, 'group:saveMember', { id, surname, givenName, patronymic, position, role, validFrom, organisationId: duplicate.id });
    const kept = await call(rt, 'organisations:merge', { keepId: keep.id, duplicateId: duplicate.id });
    expect(kept.id).toBe(keep.id);
    const all = await call(rt, 'organisations:list', { includeInactive: true });
    expect(all.find((o) => o.id === duplicate.id)).toMatchObject({ active: false, mergedIntoId: keep.id });
    expect((await call(rt, 'group:members', {})).find((m) => m.id === members[0]!.id)!.organisationId).toBe(keep.id);
    expect((await lastAudit(rt))).toMatchObject({ action: 'organisation.merged', details: { duplicateId: duplicate.id, members: 1 } });
    expect((await failure(rt, 'organisations:merge', { keepId: keep.id, duplicateId: duplicate.id })).details).toMatchObject({ reason: 'already_merged' });
  });
});
