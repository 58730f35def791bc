import { afterEach, describe, expect, it } from 'vitest';
import { workingDaysBefore } from '../../src/shared/terms';
import { draftOf, holdMeeting, seatGroup } from '../fixtures/meetings';
import { ADMIN, adminRuntime, call, cleanupTempDirs, type TestRuntime } from '../fixtures/store';

afterEach(cleanupTempDirs);

/** Moves the fake clock (the store starts on Friday 20.11.2026, 11:00 Kyiv) and unlocks again after the idle lock. */
async function jump(rt: TestRuntime, iso: string): Promise<void> {
  rt.clock.ms = Date.parse(iso);
  if ((await call(rt, 'session:status', {})).storeState === 'locked') await call(rt, 'session:unlock', { login: ADMIN.login, passphrase: ADMIN.passphrase });
}

const plan = (rt: TestRuntime, date: string) => call(rt, 'meetings:plan', { date, time: '10:00', format: 'in_person' });

describe('working days', () => {
  it('counts Monday to Friday back from the meeting; public holidays are working days under martial law', () => {
    expect(workingDaysBefore('2026-11-30', 5)).toBe('2026-11-23');
    expect(workingDaysBefore('2026-11-25', 5)).toBe('2026-11-18');
    expect(workingDaysBefore('2026-11-23', 1)).toBe('2026-11-20');
    // 1 January and 8 March are not skipped.
    expect(workingDaysBefore('2027-01-04', 1)).toBe('2027-01-01');
    expect(workingDaysBefore('2026-11-30', 0)).toBe('2026-11-30');
  });
});

describe('the dashboard says what to do', () => {
  it('notices due within the week by the rule’s working days, late ones marked, until the meeting', async () => {
    const rt = await adminRuntime();
    await seatGroup(rt);
    const monday = await plan(rt, '2026-11-30');
    const wednesday = await plan(rt, '2026-11-25');
    const later = await plan(rt, '2026-12-14');
    await holdMeeting(rt, '2026-11-10', 0);
    let { notices } = (await call(rt, 'dashboard:get', {})).todo;
    expect(notices.workingDays).toBe(5);
    expect(notices.rows.map((n) => [n.meeting.id, n.sendBy, n.late])).toEqual([
      [wednesday.id, '2026-11-18', true],
      [monday.id, '2026-11-23', false],
    ]);
    expect(notices.total).toBe(2);

    await jump(rt, '2026-11-30T08:00:00Z');
    notices = (await call(rt, 'dashboard:get', {})).todo.notices;
    expect(notices.rows.map((n) => [n.meeting.id, n.sendBy, n.late])).toEqual([
      [monday.id, '2026-11-23', true],
      [later.id, '2026-12-07', false],
    ]);

    // A meeting that is no longer planned (held early here; postponed or cancelled alike) needs no notice.
    const held = await call(rt, 'meetings:get', { id: monday.id });
    await call(rt, 'meetings:update', draftOf(held, { status: 'held' }));
    const group = await call(rt, 'group:get', {});
    await call(rt, 'group:update', { ...group, noticeWorkingDays: 10 });
    notices = (await call(rt, 'dashboard:get', {})).todo.notices;
    expect(notices).toMatchObject({ total: 1, workingDays: 10, rows: [{ meeting: { id: later.id }, sendBy: '2026-11-30', late: false }] });
  });

  it('minutes awaiting approval: held or drafted, oldest first, gone once approved', async () => {
    const rt = await adminRuntime();
    await seatGroup(rt);
    const first = await holdMeeting(rt, '2026-09-10', 6);
    const second = await holdMeeting(rt, '2026-11-12', 6);
    await call(rt, 'meetings:update', draftOf(second, { status: 'held' }));
    let { minutes } = (await call(rt, 'dashboard:get', {})).todo;
    expect(minutes.total).toBe(2);
    expect(minutes.rows.map((m) => [m.id, m.status])).toEqual([
      [first.id, 'minutes_drafted'],
      [second.id, 'held'],
    ]);
    await call(rt, 'meetings:approve', { id: first.id });
    minutes = (await call(rt, 'dashboard:get', {})).todo.minutes;
    expect(minutes).toEqual({ total: 1, rows: [expect.objectContaining({ id: second.id })] });
  });

  it('assignments awaiting a report: open, due within 7 days or overdue, with no report in the month before the due date', async () => {
    const rt = await adminRuntime();
    const { orgs } = await seatGroup(rt);
    const meeting = await holdMeeting(rt, '2026-06-11', 6);
    const decisionId = meeting.agenda[1]!.decisions[1]!.id;
    const give = (dueDate: string, text: string) => call(rt, 'assignments:create', { decisionId, text, leadOrganisationId: orgs[1]!.id, dueDate });
    const soon = await give('2026-11-25', 'Надати інформацію про навчання.');
    const overdue = await give('2026-11-10', 'Оновити алгоритм взаємодії.');
    const reported = await give('2026-11-27', 'Провести інформаційну кампанію.');
    await give('2026-12-31', 'Підготувати звіт за рік.');
    await call(rt, 'assignments:report', { assignmentId: reported.id, receivedOn: '2026-11-19', text: 'Кампанію проведено в 12 громадах.' });
    // A report months before the due date does not answer for it.
    await call(rt, 'assignments:report', { assignmentId: overdue.id, receivedOn: '2026-09-01', text: 'Робочу групу утворено.' });
    const { awaitingReport } = (await call(rt, 'dashboard:get', {})).todo;
    expect(awaitingReport.total).toBe(2);
    expect(awaitingReport.rows.map((a) => [a.id, a.state])).toEqual([
      [overdue.id, 'overdue'],
      [soon.id, 'in_progress'],
    ]);
    await call(rt, 'assignments:close', { assignmentId: overdue.id, decisionId: (await holdMeeting(rt, '2026-11-19', 6)).agenda[1]!.decisions[0]!.id, outcome: 'done' });
    expect((await call(rt, 'dashboard:get', {})).todo.awaitingReport.rows.map((a) => a.id)).toEqual([soon.id]);
  });

  it('a set-up checklist on a new store, for those who can do it, gone when complete', async () => {
    const rt = await adminRuntime();
    expect((await call(rt, 'dashboard:get', {})).setup).toEqual({ council: false, order: false, members: false, quorum: false });
    await seatGroup(rt);
    expect((await call(rt, 'dashboard:get', {})).setup).toEqual({ council: false, order: false, members: true, quorum: false });
    const group = await call(rt, 'group:get', {});
    await call(rt, 'group:update', { ...group, quorumNumerator: 2, quorumDenominator: 3, quorumStrict: false });
    expect((await call(rt, 'dashboard:get', {})).setup).toEqual({ council: true, order: false, members: true, quorum: true });
    await call(rt, 'group:update', { ...group, orderNumber: '245-р', orderDate: '2026-02-03' });
    expect((await call(rt, 'dashboard:get', {})).setup).toBeNull();

    // A read-only member cannot do these steps nor make a backup: neither is shown.
    const fresh = await adminRuntime();
    await call(fresh, 'users:add', { login: 'member1', displayName: 'Член Групи', roles: ['member'], initialPassphrase: 'тимчасовий пароль 12345' });
    await call(fresh, 'session:lock', {});
    await call(fresh, 'session:unlock', { login: 'member1', passphrase: 'тимчасовий пароль 12345' });
    await call(fresh, 'session:changePassphrase', { current: 'тимчасовий пароль 12345', next: 'власний пароль члена групи' });
    const seen = await call(fresh, 'dashboard:get', {});
    expect(seen.setup).toBeNull();
    expect(seen.backup).toBeNull();
  });
});
