import { createHash, randomUUID } from 'node:crypto';
import canonicalize from 'canonicalize';
import { eq, max } from 'drizzle-orm';
import {
  approvalChecks,
  CARRY_OVER_TITLE,
  hasBegun,
  isUpcoming,
  unusualMeetingDate,
  type AgendaItemDraft,
  type ApprovalCheck,
  type Meeting,
  type Numbering,
} from '../../../shared/domain/meetings';
import { AppError } from '../../../shared/errors';
import { kyivDate, kyivDateTime } from '../../../shared/time';
import * as schema from '../../db/schema';
import type { FeatureHandlers, TxContext } from '../../kernel/context';
import type { Db } from '../../store/connection';
import type { Orm } from '../../store/store';
import { listAssignmentSummaries } from '../assignments/assignments.repository';
import { getGroup, listMembers } from '../group/group.repository';
import { minutesHandlers } from './meetings.documents';
import { NO_RENUMBERING, placeInYear } from './meetings.numbering';
import { findMeeting, listMeetings, loadMeeting, meetingYears, nextNumber, numberTaken, type MeetingRow } from './meetings.repository';
import { freezeOnApproval } from './meetings.frozen';

function requireMeeting(orm: Orm, id: string): MeetingRow {
  const row = findMeeting(orm, id);
  if (!row) throw new AppError('NOT_FOUND', 'no such meeting');
  return row;
}

function assertEditable(row: MeetingRow): void {
  if (row.status === 'approved') throw new AppError('RECORD_LOCKED', 'approved minutes change only by amendment');
  if (row.status === 'cancelled') throw new AppError('INVALID_STATE', 'a cancelled meeting is kept as it was', { reason: 'cancelled' });
}

function assertUpcoming(row: MeetingRow): void {
  if (!isUpcoming(row.status)) throw new AppError('INVALID_STATE', 'the meeting has taken place or was cancelled', { reason: 'not_upcoming', status: row.status });
}

/** An unusual date is saved only after the user has said yes to it (see unusualMeetingDate). */
function assertDateConfirmed(ctx: TxContext, date: string, confirmed: boolean): void {
  const councilSince = getGroup(ctx.store.orm).orderDate;
  const unusual = unusualMeetingDate(date, councilSince, kyivDate(ctx.now));
  if (unusual && !confirmed) throw new AppError('NEEDS_CONFIRMATION', 'an unusual meeting date', { reason: unusual, date, councilSince, field: 'date' });
}

/** The first check the minutes fail, as the refusal the window explains (the panel lists them all). */
function refuseApproval(check: ApprovalCheck, meeting: Meeting): never {
  switch (check.key) {
    case 'quorum':
      throw new AppError('NO_QUORUM', 'the meeting had no quorum', { ...meeting.quorum });
    case 'agenda':
      throw new AppError('INVALID_STATE', 'minutes without agenda items', { reason: 'empty_agenda' });
    case 'drafted':
      throw new AppError('INVALID_STATE', 'the minutes are not drafted yet', { reason: 'not_drafted' });
    case 'begun':
      throw new AppError('INVALID_STATE', 'the meeting has not begun yet', { reason: 'not_begun', date: meeting.date, time: meeting.time });
    case 'decisions':
      throw new AppError('INVALID_STATE', 'every item needs a decision', { reason: 'item_without_decision', items: check.items });
    case 'votes':
      throw new AppError('INVALID_STATE', 'more votes than members present', { reason: 'votes_exceed_present', decisions: check.decisions, present: meeting.quorum.present });
    case 'signatories':
      throw new AppError('INVALID_STATE', 'chair and secretary sign the minutes', { reason: 'no_signatories', absent: check.absent });
  }
}

function assertNumberFree(orm: Orm, year: number, number: number, exceptId?: string): void {
  if (numberTaken(orm, year, number, exceptId)) throw new AppError('CONFLICT', 'this number is taken in that year', { field: 'number', key: 'numberTaken', year, number });
}

/** What the approval hash covers: everything the minutes print, nothing about workflow. */
function contentHash(meeting: Meeting): string {
  const { status: _s, approvedAt: _a, contentHash: _c, quorum: _q, amendments: _m, ...content } = meeting;
  return createHash('sha256').update(canonicalize(content) ?? '').digest('hex');
}

/**
 * Whether any decision of the meeting gave, closed or changed an assignment: such a meeting has acted, and can be
 * neither cancelled nor turned back into one still to come.
 */
function decisionsActed(db: Db, meetingId: string): boolean {
  return !!db
    .prepare(
      `SELECT 1 FROM decisions d JOIN agenda_items i ON i.id = d.item_id WHERE i.meeting_id = ? AND (
         EXISTS (SELECT 1 FROM assignments a WHERE a.decision_id = d.id)
         OR EXISTS (SELECT 1 FROM assignments a WHERE a.closed_by_decision_id = d.id)
         OR EXISTS (SELECT 1 FROM assignment_changes c WHERE c.decision_id = d.id)) LIMIT 1`,
    )
    .get(meetingId);
}

/** Ids as one JSON parameter, so a statement never binds one variable per row. */
const json = (ids: string[]) => JSON.stringify(ids);

function meetingOut(ctx: TxContext, id: string): Meeting {
  return loadMeeting(ctx.store.orm, ctx.store.db, id)!;
}

/** The acted-on meeting's own number, when it changed: «№ 1/2027 → № 2/2027» in the audit event. */
function numberMoved(before: MeetingRow, after: MeetingRow): Record<string, unknown> {
  return before.year === after.year && before.number === after.number ? {} : { number: { from: [before.year, before.number], to: [after.year, after.number] } };
}

/** The numbers that moved, for the audit event: which meeting went from which number to which. */
function renumberedDetail(numbering: Numbering): Record<string, unknown> {
  return numbering.renumbered.length ? { renumbered: numbering.renumbered.map((m) => [m.id, m.from, m.to]) } : {};
}

/** After a date move: the meeting's new year takes it in date order; the year it left closes the gap. */
function renumberAfterMove(ctx: TxContext, before: MeetingRow, year: number): Numbering {
  const here = placeInYear(ctx.store.db, year, before.id);
  if (year === before.year) return here;
  const left = placeInYear(ctx.store.db, before.year, null, before.number);
  return { renumbered: [...here.renumbered, ...left.renumbered], outOfOrderAfter: here.outOfOrderAfter };
}

/**
 * Every open assignment given by an earlier meeting goes onto the carry-over item: one query, no loop of them. The
 * item lists them (live until approval, then frozen); its СЛУХАЛИ is left to the rapporteur, so nothing prints twice.
 */
function planCarryOver(ctx: TxContext, meeting: MeetingRow): void {
  const { db } = ctx.store;
  const open = listAssignmentSummaries(db, { today: kyivDate(ctx.now), states: ['in_progress', 'overdue'], givenBefore: meeting, order: 'decision' });
  const itemId = randomUUID();
  ctx.store.orm.insert(schema.agendaItems).values({ id: itemId, meetingId: meeting.id, position: 1, title: CARRY_OVER_TITLE, carryOver: true }).run();
  db.prepare('INSERT INTO agenda_item_assignments (item_id, assignment_id) SELECT ?, value FROM json_each(?)').run(itemId, json(open.map((a) => a.id)));
}

/**
 * While the minutes are open, the standing item follows the store: every assignment still open that an earlier
 * meeting gave, and those this meeting's own decisions closed. Rebuilt on each save and postponement, so a meeting
 * planned months ahead reviews what was given in between. One query each way; nothing when there is no such item.
 */
function refreshCarryOver(ctx: TxContext, meetingId: string): void {
  const { db } = ctx.store;
  const meeting = findMeeting(ctx.store.orm, meetingId)!;
  const item = db.prepare('SELECT id FROM agenda_items WHERE meeting_id = ? AND carry_over = 1 LIMIT 1').get(meetingId) as { id: string } | undefined;
  if (!item) return;
  const open = listAssignmentSummaries(db, { today: kyivDate(ctx.now), states: ['in_progress', 'overdue'], givenBefore: meeting, order: 'decision' }).map((a) => a.id);
  const closedHere = (
    db
      .prepare('SELECT a.id FROM assignments a JOIN decisions d ON d.id = a.closed_by_decision_id JOIN agenda_items i ON i.id = d.item_id WHERE i.meeting_id = ?')
      .all(meetingId) as { id: string }[]
  ).map((r) => r.id);
  const wanted = json([...new Set([...open, ...closedHere])]);
  db.prepare('DELETE FROM agenda_item_assignments WHERE item_id = ? AND assignment_id NOT IN (SELECT value FROM json_each(?))').run(item.id, wanted);
  db.prepare('INSERT OR IGNORE INTO agenda_item_assignments (item_id, assignment_id) SELECT ?, value FROM json_each(?)').run(item.id, wanted);
}

/** Replaces the children of the meeting's items, keeping the ids the client sent so links survive. */
function saveAgenda(orm: Orm, db: Db, meetingId: string, agenda: AgendaItemDraft[], memberIds: Set<string>): void {
  const existing = orm.select({ id: schema.agendaItems.id }).from(schema.agendaItems).where(eq(schema.agendaItems.meetingId, meetingId)).all();
  const existingIds = new Set(existing.map((i) => i.id));
  const keptItems = new Set(agenda.map((i) => i.id).filter((id): id is string => !!id && existingIds.has(id)));
  const existingDecisions = db
    .prepare('SELECT d.id, d.item_id AS itemId FROM decisions d JOIN agenda_items i ON i.id = d.item_id WHERE i.meeting_id = ?')
    .all(meetingId) as { id: string; itemId: string }[];
  const knownDecisions = new Set(existingDecisions.map((d) => d.id));
  const keptDecisions = new Set(agenda.flatMap((i) => i.decisions.map((d) => d.id)).filter((id): id is string => !!id));
  // A decision the client still sends stays, even under another item: it is moved there below, before items go.
  const dropped = existingDecisions.filter((d) => !keptDecisions.has(d.id)).map((d) => d.id);
  if (dropped.length) {
    const used = db
      .prepare(
        `SELECT 1 FROM assignments WHERE decision_id IN (SELECT value FROM json_each(@ids)) OR closed_by_decision_id IN (SELECT value FROM json_each(@ids))
         UNION ALL SELECT 1 FROM assignment_changes WHERE decision_id IN (SELECT value FROM json_each(@ids)) LIMIT 1`,
      )
      .get({ ids: json(dropped) });
    if (used) throw new AppError('CONFLICT', 'a decision with assignments cannot be deleted', { reason: 'has_assignments' });
    db.prepare('DELETE FROM decisions WHERE id IN (SELECT value FROM json_each(?))').run(json(dropped));
  }
  agenda.forEach((item, index) => {
    if (item.rapporteurMemberId && !memberIds.has(item.rapporteurMemberId)) throw new AppError('NOT_FOUND', 'no such member', { field: `agenda.${index}.rapporteurMemberId`, key: 'memberGone' });
    const id = item.id && existingIds.has(item.id) ? item.id : randomUUID();
    const fields = { title: item.title, rapporteurMemberId: item.rapporteurMemberId, rapporteurText: item.rapporteurText, heard: item.heard, position: index + 1 };
    if (existingIds.has(id)) orm.update(schema.agendaItems).set(fields).where(eq(schema.agendaItems.id, id)).run();
    else orm.insert(schema.agendaItems).values({ id, meetingId, ...fields }).run();
    orm.delete(schema.speeches).where(eq(schema.speeches.itemId, id)).run();
    // Speeches and guests are referenced by nothing else: the server assigns their ids, a client never chooses a key.
    item.speeches.forEach((s, i) => orm.insert(schema.speeches).values({ id: randomUUID(), itemId: id, position: i + 1, speaker: s.speaker, summary: s.summary }).run());
    item.decisions.forEach((d, i) => {
      const values = { itemId: id, position: i + 1, text: d.text, votesFor: d.votesFor, votesAgainst: d.votesAgainst, votesAbstained: d.votesAbstained };
      if (d.id && knownDecisions.has(d.id)) orm.update(schema.decisions).set(values).where(eq(schema.decisions.id, d.id)).run();
      else orm.insert(schema.decisions).values({ id: randomUUID(), ...values }).run();
    });
  });
  // Items go last: their decisions that moved elsewhere have been moved by now, and are not deleted with them.
  const droppedItems = [...existingIds].filter((id) => !keptItems.has(id));
  if (droppedItems.length) db.prepare('DELETE FROM agenda_items WHERE id IN (SELECT value FROM json_each(?))').run(json(droppedItems));
}

export const meetingsHandlers = {
  'meetings:list': (input, { store }) => {
    const laterThan = input.laterThan ? findMeeting(store.orm, input.laterThan) : undefined;
    if (input.laterThan && !laterThan) throw new AppError('NOT_FOUND', 'no such meeting', { field: 'laterThan' });
    return listMeetings(store.db, { ...(input.year ? { year: input.year } : {}), ...(laterThan ? { laterThan } : {}) });
  },

  'meetings:years': (_input, { store }) => meetingYears(store.db),

  'meetings:get': (input, { store }) => {
    const meeting = loadMeeting(store.orm, store.db, input.id);
    if (!meeting) throw new AppError('NOT_FOUND', 'no such meeting');
    return meeting;
  },

  'meetings:plan': (input, ctx) => {
    const { store, now, audit } = ctx;
    assertDateConfirmed(ctx, input.date, input.confirmDate);
    const year = Number(input.date.slice(0, 4));
    const number = input.number ?? nextNumber(store.orm, year);
    assertNumberFree(store.orm, year, number);
    const members = listMembers(store.orm, input.date);
    const id = randomUUID();
    const stamp = now.toISOString();
    store.orm
      .insert(schema.meetings)
      .values({
        id,
        year,
        number,
        date: input.date,
        time: input.time,
        place: input.place,
        format: input.format,
        kind: input.kind,
        status: 'planned',
        chairMemberId: members.find((m) => m.role === 'chair')?.id ?? null,
        secretaryMemberId: members.find((m) => m.role === 'secretary')?.id ?? null,
        createdAt: stamp,
        updatedAt: stamp,
      })
      .run();
    // The members seated on the date, read above, as one JSON parameter.
    store.db
      .prepare(`INSERT INTO attendance (meeting_id, member_id, present) SELECT ?, value, 0 FROM json_each(?)`)
      .run(id, json(members.map((m) => m.id)));
    const numbering = input.number === undefined ? placeInYear(store.db, year, id) : NO_RENUMBERING;
    if (input.kind === 'regular') planCarryOver(ctx, findMeeting(store.orm, id)!);
    const placed = findMeeting(store.orm, id)!;
    audit({ action: 'meeting.planned', entity: 'meeting', entityId: id, details: { year, number: placed.number, ...renumberedDetail(numbering) } });
    return { ...meetingOut(ctx, id), numbering };
  },

  'meetings:update': (input, ctx) => {
    const { store, now, audit } = ctx;
    const row = requireMeeting(store.orm, input.id);
    assertEditable(row);
    if (input.status === 'postponed' && row.status !== 'postponed') throw new AppError('INVALID_STATE', 'postpone with a reason', { reason: 'postpone_with_reason' });
    if (isUpcoming(input.status) && !isUpcoming(row.status) && decisionsActed(store.db, row.id)) {
      throw new AppError('INVALID_STATE', 'its decisions gave, closed or changed assignments', { reason: 'has_acted' });
    }
    if ((input.status === 'held' || input.status === 'minutes_drafted') && !hasBegun(input, kyivDateTime(now))) {
      throw new AppError('INVALID_STATE', 'the meeting has not begun yet', { reason: 'not_begun', date: input.date, time: input.time });
    }
    if (input.date !== row.date) assertDateConfirmed(ctx, input.date, input.confirmDate);
    const year = Number(input.date.slice(0, 4));
    // The number as it was and the date moved: the number follows the date. A number the user changed is kept.
    const follows = input.number === row.number && (input.date !== row.date || input.time !== row.time) && isUpcoming(input.status);
    const number = follows && year !== row.year ? nextNumber(store.orm, year) : input.number;
    assertNumberFree(store.orm, year, number, row.id);
    const memberIds = new Set(listMembers(store.orm, null).map((m) => m.id));
    for (const id of [input.chairMemberId, input.secretaryMemberId, ...input.attendance.map((a) => a.memberId)]) {
      if (id && !memberIds.has(id)) throw new AppError('NOT_FOUND', 'no such member', { field: 'attendance' });
    }
    store.orm
      .update(schema.meetings)
      .set({
        year,
        number,
        date: input.date,
        time: input.time,
        place: input.place,
        format: input.format,
        kind: input.kind,
        status: input.status,
        statusReason: input.status === 'postponed' ? row.statusReason : '',
        // A notice names the date, the time and the number: after a move a new one must go out.
        noticeSentOn: input.date === row.date && input.time === row.time && number === row.number ? row.noticeSentOn : null,
        chairMemberId: input.chairMemberId,
        secretaryMemberId: input.secretaryMemberId,
        updatedAt: now.toISOString(),
      })
      .where(eq(schema.meetings.id, row.id))
      .run();
    saveAgenda(store.orm, store.db, row.id, input.agenda, memberIds);
    store.orm.delete(schema.attendance).where(eq(schema.attendance.meetingId, row.id)).run();
    for (const a of new Map(input.attendance.map((x) => [x.memberId, x])).values()) {
      // A reason or a substitute belongs to an absence; ticking «present» drops them.
      const absence = a.present ? { absenceReason: '', substitute: '' } : { absenceReason: a.absenceReason, substitute: a.substitute };
      store.orm.insert(schema.attendance).values({ meetingId: row.id, memberId: a.memberId, present: a.present, ...absence }).run();
    }
    store.orm.delete(schema.guests).where(eq(schema.guests.meetingId, row.id)).run();
    input.guests.forEach((g, i) => store.orm.insert(schema.guests).values({ id: randomUUID(), meetingId: row.id, position: i + 1, name: g.name, role: g.role }).run());
    const numbering = follows ? renumberAfterMove(ctx, row, year) : NO_RENUMBERING;
    if (input.kind === 'regular' && row.status !== 'approved') refreshCarryOver(ctx, row.id);
    const placed = findMeeting(store.orm, row.id)!;
    audit({ action: 'meeting.updated', entity: 'meeting', entityId: row.id, details: { status: input.status, items: input.agenda.length, ...numberMoved(row, placed), ...renumberedDetail(numbering) } });
    return { ...meetingOut(ctx, row.id), numbering };
  },

  'meetings:postpone': (input, ctx) => {
    const { store, now, audit } = ctx;
    const row = requireMeeting(store.orm, input.id);
    assertUpcoming(row);
    // Still «planned» but already decided on: it has taken place, and what it decided cannot move to a later date.
    if (decisionsActed(store.db, row.id)) throw new AppError('CONFLICT', 'its decisions gave, closed or changed assignments', { reason: 'has_acted' });
    if (input.date === row.date && input.time === row.time) throw new AppError('VALIDATION', 'the same date and time', { issues: [{ path: 'date', code: 'custom', key: 'sameDate' }] });
    if (hasBegun({ date: input.date, time: input.time }, kyivDateTime(now))) {
      throw new AppError('VALIDATION', 'a meeting is postponed to a time still ahead', { issues: [{ path: 'date', code: 'custom', key: 'notInPast' }] });
    }
    assertDateConfirmed(ctx, input.date, input.confirmDate);
    const year = Number(input.date.slice(0, 4));
    const from = `${row.date} ${row.time}`;
    store.orm
      .update(schema.meetings)
      .set({
        year,
        number: year === row.year ? row.number : nextNumber(store.orm, year),
        date: input.date,
        time: input.time,
        status: 'postponed',
        statusReason: input.reason,
        rescheduledFrom: from,
        // The notice named the old date: a new one must go out.
        noticeSentOn: null,
        updatedAt: now.toISOString(),
      })
      .where(eq(schema.meetings.id, row.id))
      .run();
    const numbering = renumberAfterMove(ctx, row, year);
    if (row.kind === 'regular') refreshCarryOver(ctx, row.id);
    const placed = findMeeting(store.orm, row.id)!;
    audit({ action: 'meeting.postponed', entity: 'meeting', entityId: row.id, details: { from, to: `${input.date} ${input.time}`, ...numberMoved(row, placed), ...renumberedDetail(numbering) } });
    return { ...meetingOut(ctx, row.id), numbering };
  },

  'meetings:cancel': (input, ctx) => {
    const { store, now, audit } = ctx;
    const row = requireMeeting(store.orm, input.id);
    assertUpcoming(row);
    if (decisionsActed(store.db, row.id)) throw new AppError('CONFLICT', 'a meeting whose decisions gave, closed or changed assignments', { reason: 'has_assignments' });
    store.orm.update(schema.meetings).set({ status: 'cancelled', statusReason: input.reason, updatedAt: now.toISOString() }).where(eq(schema.meetings.id, row.id)).run();
    audit({ action: 'meeting.cancelled', entity: 'meeting', entityId: row.id, details: { year: row.year, number: row.number } });
    return meetingOut(ctx, row.id);
  },

  'meetings:noticeSent': (input, ctx) => {
    const { store, now, audit } = ctx;
    const row = requireMeeting(store.orm, input.id);
    assertUpcoming(row);
    if (input.sentOn && input.sentOn > kyivDate(now)) {
      throw new AppError('VALIDATION', 'a notice cannot be sent in the future', { issues: [{ path: 'sentOn', code: 'custom', key: 'notInFuture' }] });
    }
    store.orm.update(schema.meetings).set({ noticeSentOn: input.sentOn, updatedAt: now.toISOString() }).where(eq(schema.meetings.id, row.id)).run();
    audit({ action: 'meeting.notice_sent', entity: 'meeting', entityId: row.id, details: { sentOn: input.sentOn } });
    return meetingOut(ctx, row.id);
  },

  'meetings:delete': (input, ctx) => {
    const { store, audit } = ctx;
    const row = requireMeeting(store.orm, input.id);
    assertUpcoming(row);
    const decided = store.db.prepare('SELECT 1 FROM decisions d JOIN agenda_items i ON i.id = d.item_id WHERE i.meeting_id = ? LIMIT 1').get(row.id);
    if (decided) throw new AppError('CONFLICT', 'a meeting with decisions is cancelled, not deleted', { reason: 'has_decisions' });
    store.db.prepare('DELETE FROM drafts WHERE key = ?').run(`meetings:${row.id}`);
    store.orm.delete(schema.meetings).where(eq(schema.meetings.id, row.id)).run();
    const numbering = placeInYear(store.db, row.year, null, row.number);
    audit({ action: 'meeting.deleted', entity: 'meeting', entityId: row.id, details: { year: row.year, number: row.number, date: row.date, ...renumberedDetail(numbering) } });
    return { numbering };
  },

  'meetings:approve': (input, ctx) => {
    const { store, now, audit, session } = ctx;
    const row = requireMeeting(store.orm, input.id);
    assertEditable(row);
    const meeting = meetingOut(ctx, row.id);
    const failed = approvalChecks(meeting, kyivDateTime(now)).find((c) => !c.ok);
    if (failed) refuseApproval(failed, meeting);
    const hash = contentHash(meeting);
    freezeOnApproval(store.db, meeting);
    store.orm
      .update(schema.meetings)
      .set({ status: 'approved', approvedAt: now.toISOString(), approvedBy: session.userId, contentHash: hash, updatedAt: now.toISOString() })
      .where(eq(schema.meetings.id, row.id))
      .run();
    audit({ action: 'meeting.approved', entity: 'meeting', entityId: row.id, details: { contentHash: hash, year: row.year, number: row.number } });
    return meetingOut(ctx, row.id);
  },

  'meetings:amend': (input, ctx) => {
    const { store, now, audit, session } = ctx;
    const row = requireMeeting(store.orm, input.id);
    if (row.status !== 'approved') throw new AppError('INVALID_STATE', 'only approved minutes take amendments; edit the draft instead', { reason: 'not_approved' });
    const last = store.orm.select({ n: max(schema.amendments.number) }).from(schema.amendments).where(eq(schema.amendments.meetingId, row.id)).get();
    const number = (last?.n ?? 0) + 1;
    store.orm.insert(schema.amendments).values({ id: randomUUID(), meetingId: row.id, number, reason: input.reason, text: input.text, createdAt: now.toISOString(), createdBy: session.userId }).run();
    audit({ action: 'meeting.amended', entity: 'meeting', entityId: row.id, details: { amendment: number } });
    return meetingOut(ctx, row.id);
  },

  ...minutesHandlers,
} satisfies FeatureHandlers<'meetings'>;
