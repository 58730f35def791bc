import { createHash, randomUUID } from 'node:crypto';
import canonicalize from 'canonicalize';
import { eq, max } from 'drizzle-orm';
import { CARRY_OVER_TITLE, type AgendaItemDraft, type Meeting } from '../../../shared/domain/meetings';
import { AppError } from '../../../shared/errors';
import { kyivDate } from '../../../shared/time';
import * as schema from '../../db/schema';
import type { FeatureHandlers, TxContext } from '../../kernel/context';
import type { Db } from '../../store/connection';
import type { Orm } from '../../store/store';
import { listAssignmentSummaries } from '../assignments/assignments.repository';
import { listMembers } from '../group/group.repository';
import { minutesHandlers } from './meetings.documents';
import { findMeeting, listMeetings, loadMeeting, meetingYears, nextNumber, numberTaken, type MeetingRow } from './meetings.repository';

const formatDate = (iso: string) => iso.split('-').reverse().join('.');

function requireMeeting(orm: Orm, id: string): MeetingRow {
  const row = findMeeting(orm, id);
  if (!row) throw new AppError('NOT_FOUND', 'no such meeting');
  return row;
}

function assertEditable(row: MeetingRow): void {
  if (row.status === 'approved') throw new AppError('RECORD_LOCKED', 'approved minutes change only by amendment');
}

function assertNumberFree(orm: Orm, year: number, number: number, exceptId?: string): void {
  if (numberTaken(orm, year, number, exceptId)) throw new AppError('CONFLICT', 'this number is taken in that year', { field: 'number', key: 'numberTaken', year, number });
}

/** What the approval hash covers: everything the minutes print, nothing about workflow. */
function contentHash(meeting: Meeting): string {
  const { status: _s, approvedAt: _a, contentHash: _c, quorum: _q, amendments: _m, ...content } = meeting;
  return createHash('sha256').update(canonicalize(content) ?? '').digest('hex');
}

/** Ids as one JSON parameter, so a statement never binds one variable per row. */
const json = (ids: string[]) => JSON.stringify(ids);

function meetingOut(ctx: TxContext, id: string): Meeting {
  return loadMeeting(ctx.store.orm, ctx.store.db, id)!;
}

/** Every open assignment given by an earlier meeting goes onto the carry-over item: one query, no loop of them. */
function planCarryOver(ctx: TxContext, meeting: MeetingRow): void {
  const { db } = ctx.store;
  const open = listAssignmentSummaries(db, { today: kyivDate(ctx.now), states: ['in_progress', 'overdue'], givenBefore: meeting, order: 'decision' });
  const itemId = randomUUID();
  const lines = open.map(
    (a, i) =>
      `${i + 1}. ${a.text} (протокол № ${a.meetingNumber}/${a.meetingYear}, п. ${a.decisionNumber}; відповідальний: ${a.leadOrganisationName}; строк: ${formatDate(a.dueDate)}${a.state === 'overdue' ? '; прострочено' : ''})`,
  );
  ctx.store.orm
    .insert(schema.agendaItems)
    .values({ id: itemId, meetingId: meeting.id, position: 1, title: CARRY_OVER_TITLE, carryOver: true, heard: lines.join('\n') })
    .run();
  db.prepare('INSERT INTO agenda_item_assignments (item_id, assignment_id) SELECT ?, value FROM json_each(?)').run(itemId, json(open.map((a) => a.id)));
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
  const dropped = existingDecisions.filter((d) => !keptDecisions.has(d.id) || !keptItems.has(d.itemId)).map((d) => d.id);
  if (dropped.length) {
    const used = db
      .prepare('SELECT 1 FROM assignments WHERE decision_id IN (SELECT value FROM json_each(@ids)) OR closed_by_decision_id IN (SELECT value FROM json_each(@ids)) LIMIT 1')
      .get({ ids: json(dropped) });
    if (used) throw new AppError('CONFLICT', 'a decision with assignments cannot be deleted', { reason: 'has_assignments' });
    db.prepare('DELETE FROM decisions WHERE id IN (SELECT value FROM json_each(?))').run(json(dropped));
  }
  const droppedItems = [...existingIds].filter((id) => !keptItems.has(id));
  if (droppedItems.length) db.prepare('DELETE FROM agenda_items WHERE id IN (SELECT value FROM json_each(?))').run(json(droppedItems));

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
    if (input.kind === 'regular') planCarryOver(ctx, findMeeting(store.orm, id)!);
    audit({ action: 'meeting.planned', entity: 'meeting', entityId: id, details: { year, number } });
    return meetingOut(ctx, id);
  },

  'meetings:update': (input, ctx) => {
    const { store, now, audit } = ctx;
    const row = requireMeeting(store.orm, input.id);
    assertEditable(row);
    const year = Number(input.date.slice(0, 4));
    assertNumberFree(store.orm, year, input.number, row.id);
    const memberIds = new Set(listMembers(store.orm, null).map((m) => m.id));
    for (const id of [input.chairMemberId, input.secretaryMemberId, ...input.attendance.map((a) => a.memberId)]) {
      if (id && !memberIds.has(id)) throw new AppError('NOT_FOUND', 'no such member', { field: 'attendance' });
    }
    store.orm
      .update(schema.meetings)
      .set({
        year,
        number: input.number,
        date: input.date,
        time: input.time,
        place: input.place,
        format: input.format,
        kind: input.kind,
        status: input.status,
        chairMemberId: input.chairMemberId,
        secretaryMemberId: input.secretaryMemberId,
        updatedAt: now.toISOString(),
      })
      .where(eq(schema.meetings.id, row.id))
      .run();
    saveAgenda(store.orm, store.db, row.id, input.agenda, memberIds);
    store.orm.delete(schema.attendance).where(eq(schema.attendance.meetingId, row.id)).run();
    for (const a of new Map(input.attendance.map((x) => [x.memberId, x])).values()) {
      store.orm.insert(schema.attendance).values({ meetingId: row.id, memberId: a.memberId, present: a.present }).run();
    }
    store.orm.delete(schema.guests).where(eq(schema.guests.meetingId, row.id)).run();
    input.guests.forEach((g, i) => store.orm.insert(schema.guests).values({ id: randomUUID(), meetingId: row.id, position: i + 1, name: g.name, role: g.role }).run());
    audit({ action: 'meeting.updated', entity: 'meeting', entityId: row.id, details: { status: input.status, items: input.agenda.length } });
    return meetingOut(ctx, row.id);
  },

  'meetings:approve': (input, ctx) => {
    const { store, now, audit, session } = ctx;
    const row = requireMeeting(store.orm, input.id);
    assertEditable(row);
    const meeting = meetingOut(ctx, row.id);
    if (!meeting.quorum.met) throw new AppError('NO_QUORUM', 'the meeting had no quorum', { ...meeting.quorum });
    if (meeting.agenda.length === 0) throw new AppError('INVALID_STATE', 'minutes without agenda items', { reason: 'empty_agenda' });
    if (!meeting.chairMemberId || !meeting.secretaryMemberId) throw new AppError('INVALID_STATE', 'chair and secretary sign the minutes', { reason: 'no_signatories' });
    const hash = contentHash(meeting);
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
