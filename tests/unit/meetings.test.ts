import { afterEach, describe, expect, it } from 'vitest';
import { quorumNeeded, shortPersonName } from '../../src/shared/domain/group';
import { CARRY_OVER_TITLE } from '../../src/shared/domain/meetings';
import { draftOf, holdMeeting, seatGroup } from '../fixtures/meetings';
import { ADMIN, adminRuntime, call, cleanupTempDirs, failure, type TestRuntime } from '../fixtures/store';

/** Moves the clock (which locks an idle store) and signs in again. */
async function jump(rt: TestRuntime, iso: string): Promise<void> {
  rt.clock.ms = Date.parse(iso);
  if ((await call(rt, 'session:status', {})).storeState === 'locked') await call(rt, 'session:unlock', { login: ADMIN.login, passphrase: ADMIN.passphrase });
}

afterEach(cleanupTempDirs);

describe('quorum', () => {
  it('more than half, or at least two thirds', () => {
    expect(quorumNeeded(8, { quorumNumerator: 1, quorumDenominator: 2, quorumStrict: true })).toBe(5);
    expect(quorumNeeded(7, { quorumNumerator: 1, quorumDenominator: 2, quorumStrict: true })).toBe(4);
    expect(quorumNeeded(9, { quorumNumerator: 2, quorumDenominator: 3, quorumStrict: false })).toBe(6);
    expect(quorumNeeded(10, { quorumNumerator: 2, quorumDenominator: 3, quorumStrict: false })).toBe(7);
  });

  it('is computed from the seats valid on the meeting date and blocks approval without it', async () => {
    const rt = await adminRuntime();
    const { members } = await seatGroup(rt);
    await call(rt, 'group:endMember', { id: members[7]!.id, validTo: '2026-02-28' });
    const meeting = await holdMeeting(rt, '2026-03-12', 4);
    expect(meeting.quorum).toEqual({ members: 7, present: 4, needed: 4, met: true });
    const thin = await holdMeeting(rt, '2026-04-10', 3);
    expect(thin.quorum).toMatchObject({ present: 3, needed: 4, met: false });
    expect((await failure(rt, 'meetings:approve', { id: thin.id })).code).toBe('NO_QUORUM');
  });

  it('prints people as surname and initials', () => {
    expect(shortPersonName('Олійник', 'Мар’яна', 'Степанівна')).toBe('Олійник М. С.');
    expect(shortPersonName('Ковальчук', 'Іван')).toBe('Ковальчук І.');
  });
});

describe('meetings', () => {
  it('numbers meetings within the year, restarting each January; the number is editable but unique', async () => {
    const rt = await adminRuntime();
    await seatGroup(rt, '2025-01-01');
    const a = await call(rt, 'meetings:plan', { date: '2025-11-20', time: '10:00', format: 'in_person' });
    const b = await call(rt, 'meetings:plan', { date: '2025-12-18', time: '10:00', format: 'online' });
    const c = await call(rt, 'meetings:plan', { date: '2026-01-15', time: '11:30', format: 'mixed' });
    expect([a.number, b.number, c.number]).toEqual([1, 2, 1]);
    expect((await failure(rt, 'meetings:plan', { date: '2026-02-01', time: '10:00', format: 'mixed', number: 1 })).code).toBe('CONFLICT');
    const renumbered = await call(rt, 'meetings:update', draftOf(c, { number: 7 }));
    expect(renumbered.number).toBe(7);
    expect((await call(rt, 'meetings:plan', { date: '2026-02-01', time: '10:00', format: 'mixed' })).number).toBe(8);
    expect((await call(rt, 'meetings:list', { year: 2025 })).map((m) => m.number)).toEqual([2, 1]);
  });

  it('numbers decisions by item: 2.1, 2.2', async () => {
    const rt = await adminRuntime();
    await seatGroup(rt);
    const meeting = await holdMeeting(rt, '2026-03-12', 6);
    expect(meeting.agenda.map((i) => i.title)).toEqual([CARRY_OVER_TITLE, 'Про стан протидії торгівлі людьми в області за ІІІ квартал']);
    expect(meeting.agenda[1]!.decisions.map((d) => d.number)).toEqual(['2.1', '2.2']);
    expect(meeting.agenda[1]!.speeches).toEqual([{ id: expect.any(String), speaker: 'Олійник М. С.', summary: 'Про надані соціальні послуги.' }]);
  });

  it('locks approved minutes: the hash is in the audit chain; later changes only as numbered amendments', async () => {
    const rt = await adminRuntime();
    await seatGroup(rt);
    const held = await holdMeeting(rt, '2026-03-12', 6);
    const approved = await call(rt, 'meetings:approve', { id: held.id });
    expect(approved.status).toBe('approved');
    expect(approved.contentHash).toMatch(/^[0-9a-f]{64}$/);
    const event = (await call(rt, 'audit:list', { action: 'meeting.approved' })).rows[0]!;
    expect(event.details.contentHash).toBe(approved.contentHash);
    expect((await failure(rt, 'meetings:update', draftOf(approved, { place: 'інше місце' }))).code).toBe('RECORD_LOCKED');
    expect((await failure(rt, 'meetings:approve', { id: held.id })).code).toBe('RECORD_LOCKED');
    await call(rt, 'meetings:amend', { id: held.id, reason: 'Описка в прізвищі доповідача', text: 'У п. 2 замість «Бондаренко» читати «Бондар».' });
    const amended = await call(rt, 'meetings:amend', { id: held.id, reason: 'Уточнення строку', text: 'У п. 2.2 строк — до 30.06.2026.' });
    expect(amended.amendments.map((a) => a.number)).toEqual([1, 2]);
    expect(amended.contentHash).toBe(approved.contentHash);
    expect(amended.agenda).toEqual(approved.agenda);
    const draft = await holdMeeting(rt, '2026-04-10', 6);
    expect((await failure(rt, 'meetings:amend', { id: draft.id, reason: 'немає', text: 'немає змін' })).code).toBe('INVALID_STATE');
  });
});

describe('assignments', () => {
  async function withAssignment(due: string) {
    const rt = await adminRuntime();
    const { orgs } = await seatGroup(rt);
    const meeting = await holdMeeting(rt, '2026-03-12', 6);
    const decision = meeting.agenda[1]!.decisions[1]!;
    const assignment = await call(rt, 'assignments:create', {
      decisionId: decision.id,
      text: 'Провести навчання для фахівців громад з виявлення постраждалих осіб.',
      leadOrganisationId: orgs[5]!.id,
      leadPerson: 'Олійник М. С.',
      coExecutorIds: [orgs[3]!.id, orgs[5]!.id],
      dueDate: due,
    });
    return { rt, orgs, meeting, assignment };
  }

  it('becomes overdue at midnight in Kyiv after the due date, not in UTC', async () => {
    const { rt, assignment } = await withAssignment('2026-11-20');
    expect(assignment.coExecutorIds).toHaveLength(1);
    await jump(rt, '2026-11-20T21:59:59Z'); // 23:59:59 in Kyiv (UTC+2 in winter)
    expect((await call(rt, 'assignments:list', {}))[0]!.state).toBe('in_progress');
    await jump(rt, '2026-11-20T22:00:00Z'); // 00:00 on 21 November in Kyiv
    expect((await call(rt, 'assignments:list', { states: ['overdue'] })).map((a) => a.id)).toEqual([assignment.id]);
  });

  it('carries open and overdue assignments into the next meeting’s first item; done ones stay out', async () => {
    const { rt, orgs, meeting, assignment } = await withAssignment('2026-04-01');
    const done = await call(rt, 'assignments:create', { decisionId: meeting.agenda[1]!.decisions[0]!.id, text: 'Підготувати довідку.', leadOrganisationId: orgs[1]!.id, dueDate: '2026-12-01' });
    const second = await holdMeeting(rt, '2026-06-11', 6);
    await call(rt, 'assignments:close', { assignmentId: done.id, decisionId: second.agenda[1]!.decisions[0]!.id, outcome: 'done' });
    await jump(rt, '2026-09-01T08:00:00Z');
    const next = await call(rt, 'meetings:plan', { date: '2026-09-17', time: '10:00', format: 'in_person' });
    const first = next.agenda[0]!;
    expect(first).toMatchObject({ position: 1, title: CARRY_OVER_TITLE, carryOver: true });
    expect(first.reviewedAssignmentIds).toEqual([assignment.id]);
    // СЛУХАЛИ is the rapporteur's; the minutes list the reviewed assignments once, from the records.
    expect(first.heard).toBe('');
    const html = Buffer.from((await call(rt, 'meetings:minutes', { meetingId: next.id, format: 'html' })).base64, 'base64').toString('utf8');
    expect(html.split('Провести навчання для фахівців громад').length - 1).toBe(1);
    expect(html).toContain('строк: 01.04.2026; стан: строк виконання минув');
    expect(html).not.toContain('Підготувати довідку');
  });

  it('only a decision of a later meeting takes an assignment off control', async () => {
    const { rt, meeting, assignment } = await withAssignment('2026-12-01');
    const same = meeting.agenda[1]!.decisions[0]!.id;
    expect((await failure(rt, 'assignments:close', { assignmentId: assignment.id, decisionId: same, outcome: 'removed' })).code).toBe('INVALID_STATE');
    await call(rt, 'assignments:report', { assignmentId: assignment.id, receivedOn: '2026-05-02', text: 'Навчання проведено для 42 фахівців.', reference: 'лист № 01-12/345' });
    const later = await holdMeeting(rt, '2026-06-11', 5);
    const closed = await call(rt, 'assignments:close', { assignmentId: assignment.id, decisionId: later.agenda[1]!.decisions[0]!.id, outcome: 'removed' });
    expect(closed).toMatchObject({ state: 'removed', closedOn: '2026-06-11', closedByDecisionNumber: '2.1 (№ 2/2026)' });
    expect(closed.reports).toHaveLength(1);
    expect((await failure(rt, 'assignments:close', { assignmentId: assignment.id, decisionId: later.agenda[1]!.decisions[0]!.id, outcome: 'done' })).code).toBe('INVALID_STATE');
  });

  it('the dashboard shows next meetings, what is due within 7 days, and overdue work by organisation', async () => {
    const { rt, orgs, meeting, assignment } = await withAssignment('2026-11-25');
    const late = await call(rt, 'assignments:create', { decisionId: meeting.agenda[1]!.decisions[0]!.id, text: 'Надати інформацію.', leadOrganisationId: orgs[2]!.id, dueDate: '2026-10-01' });
    await call(rt, 'assignments:create', { decisionId: meeting.agenda[1]!.decisions[0]!.id, text: 'Пізніше.', leadOrganisationId: orgs[2]!.id, dueDate: '2026-12-20' });
    const next = await call(rt, 'meetings:plan', { date: '2026-12-10', time: '10:00', format: 'in_person' });
    await jump(rt, '2026-11-20T10:00:00Z');
    const dashboard = await call(rt, 'dashboard:get', {});
    expect(dashboard.today).toBe('2026-11-20');
    expect(dashboard.nextMeetings.map((m) => m.id)).toEqual([next.id]);
    expect(dashboard.dueSoon).toEqual({ total: 1, rows: [expect.objectContaining({ id: assignment.id, state: 'in_progress' })] });
    expect(dashboard.overdue).toEqual({
      total: 1,
      organisations: 1,
      byOrganisation: [{ organisationId: orgs[2]!.id, organisationName: orgs[2]!.name, count: 1, rows: [expect.objectContaining({ id: late.id, state: 'overdue' })] }],
    });
  });

  it('a decision with assignments cannot be deleted from the draft', async () => {
    const { rt, meeting } = await withAssignment('2026-12-01');
    const withoutDecisions = draftOf(meeting);
    withoutDecisions.agenda[1]!.decisions = [];
    expect((await failure(rt, 'meetings:update', withoutDecisions)).code).toBe('CONFLICT');
  });
});

describe('demo data', () => {
  it('fills two years with meetings in every status and assignments in every state', async () => {
    const { fillDemo } = await import('../../src/main/cli/demo');
    const rt = await adminRuntime();
    const report = await fillDemo(rt.dispatch, { scale: 1, today: rt.clock.now() });
    expect(report.members).toBe(8);
    const meetings = await call(rt, 'meetings:list', {});
    expect(new Set(meetings.map((m) => m.status))).toEqual(new Set(['approved', 'minutes_drafted', 'planned']));
    const states = new Set((await call(rt, 'assignments:list', {})).map((a) => a.state));
    expect(states).toEqual(new Set(['done', 'removed', 'in_progress', 'overdue']));
    expect((await call(rt, 'audit:verify', {})).status).toBe('intact');
  });
});
