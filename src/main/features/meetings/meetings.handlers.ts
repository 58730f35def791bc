import { createHash, randomUUID } from 'node:crypto';
import canonicalize from 'canonicalize';
import { and, eq, inArray, max, ne } from 'drizzle-orm';
import { CARRY_OVER_TITLE, type Meeting } from '../../../shared/domain/meetings';
import { AppError } from '../../../shared/errors';
import { kyivDate } from '../../../shared/time';
import * as schema from '../../db/schema';
import type { Handlers, TxContext } from '../../ipc/dispatcher';
import type { Orm } from '../../store/store';
import { findOrganisation, listMembers } from '../group/group.repository';
import { decisionContext, findMeeting, listAssignments, listMeetings, loadMeeting, type MeetingRow } from './meetings.repository';

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
  const taken = orm
    .select({ id: schema.meetings.id })
    .from(schema.meetings)
    .where(and(eq(schema.meetings.year, year), eq(schema.meetings.number, number), exceptId ? ne(schema.meetings.id, exceptId) : undefined))
    .get();
  if (taken) throw new AppError('CONFLICT', 'this number is taken in that year', { field: 'number', year, number });
}

/** Later = a later date, or the same date and a higher number. */
function isLater(a: Pick<MeetingRow, 'date' | 'year' | 'number'>, b: Pick<MeetingRow, 'date' | 'year' | 'number'>): boolean {
  return a.date > b.date || (a.date === b.date && (a.year > b.year || (a.year === b.year && a.number > b.number)));
}

/** What the approval hash covers: everything the minutes print, nothing about workflow. */
function contentHash(meeting: Meeting): string {
  const { status: _s, approvedAt: _a, contentHash: _c, quorum: _q, amendments: _m, ...content } = meeting;
  return createHash('sha256').update(canonicalize(content) ?? '').digest('hex');
}

function assignmentOut(ctx: TxContext, id: string) {
  return listAssignments(ctx.store.orm, kyivDate(ctx.now), { ids: [id] })[0]!;
}

function planCarryOver(ctx: TxContext, meeting: MeetingRow): void {
  const today = kyivDate(ctx.now);
  const open = listAssignments(ctx.store.orm, today).filter(
    (a) => (a.state === 'in_progress' || a.state === 'overdue') && isLater(meeting, { date: findMeeting(ctx.store.orm, a.meetingId)!.date, year: a.meetingYear, number: a.meetingNumber }),
  );
  const itemId = randomUUID();
  const lines = open.map(
    (a, i) =>
      `${i + 1}. ${a.text} (протокол № ${a.meetingNumber}/${a.meetingYear}, п. ${a.decisionNumber}; відповідальний: ${a.leadOrganisationName}; строк: ${formatDate(a.dueDate)}${a.state === 'overdue' ? '; прострочено' : ''})`,
  );
  ctx.store.orm
    .insert(schema.agendaItems)
    .values({ id: itemId, meetingId: meeting.id, position: 1, title: CARRY_OVER_TITLE, carryOver: true, heard: lines.join('\n') })
    .run();
  for (const a of open) ctx.store.orm.insert(schema.agendaItemAssignments).values({ itemId, assignmentId: a.id }).run();
}

/** Replaces the children of an item or meeting, keeping the ids the client sent so links survive. */
function saveAgenda(orm: Orm, meetingId: string, agenda: Parameters<Handlers['meetings:update']>[0]['agenda'], memberIds: Set<string>): void {
  const existing = orm.select().from(schema.agendaItems).where(eq(schema.agendaItems.meetingId, meetingId)).all();
  const existingIds = new Set(existing.map((i) => i.id));
  const keptItems = new Set(agenda.map((i) => i.id).filter((id): id is string => !!id && existingIds.has(id)));
  const existingDecisions = existing.length
    ? orm.select().from(schema.decisions).where(inArray(schema.decisions.itemId, existing.map((i) => i.id))).all()
    : [];
  const keptDecisions = new Set(agenda.flatMap((i) => i.decisions.map((d) => d.id)).filter((id): id is string => !!id));
  const dropped = existingDecisions.filter((d) => !keptDecisions.has(d.id) || !keptItems.has(d.itemId)).map((d) => d.id);
  if (dropped.length) {
    const linked = orm.select({ id: schema.assignments.id }).from(schema.assignments).where(inArray(schema.assignments.decisionId, dropped)).get();
    const closing = orm.select({ id: schema.assignments.id }).from(schema.assignments).where(inArray(schema.assignments.closedByDecisionId, dropped)).get();
    if (linked || closing) throw new AppError('CONFLICT', 'a decision with assignments cannot be deleted', { reason: 'has_assignments' });
    orm.delete(schema.decisions).where(inArray(schema.decisions.id, dropped)).run();
  }
  for (const item of existing) if (!keptItems.has(item.id)) orm.delete(schema.agendaItems).where(eq(schema.agendaItems.id, item.id)).run();

  // Positions are rewritten in two passes so that a reorder never collides with itself.
  agenda.forEach((item, index) => {
    if (item.rapporteurMemberId && !memberIds.has(item.rapporteurMemberId)) throw new AppError('NOT_FOUND', 'no such member', { field: `agenda.${index}.rapporteurMemberId` });
    const id = item.id && existingIds.has(item.id) ? item.id : randomUUID();
    item.id = id;
    const fields = { title: item.title, rapporteurMemberId: item.rapporteurMemberId, rapporteurText: item.rapporteurText, heard: item.heard, position: index + 1 };
    if (existingIds.has(id)) orm.update(schema.agendaItems).set(fields).where(eq(schema.agendaItems.id, id)).run();
    else orm.insert(schema.agendaItems).values({ id, meetingId, ...fields }).run();
    orm.delete(schema.speeches).where(eq(schema.speeches.itemId, id)).run();
    // Speeches and guests are referenced by nothing else: the server assigns their ids, a client never chooses a key.
    item.speeches.forEach((s, i) => orm.insert(schema.speeches).values({ id: randomUUID(), itemId: id, position: i + 1, speaker: s.speaker, summary: s.summary }).run());
    item.decisions.forEach((d, i) => {
      const values = { itemId: id, position: i + 1, text: d.text, votesFor: d.votesFor, votesAgainst: d.votesAgainst, votesAbstained: d.votesAbstained };
      const known = d.id && existingDecisions.some((e) => e.id === d.id);
      if (known) orm.update(schema.decisions).set(values).where(eq(schema.decisions.id, d.id!)).run();
      else orm.insert(schema.decisions).values({ id: randomUUID(), ...values }).run();
    });
  });
}

function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export const meetingsHandlers = {
  'dashboard:get': (_input, { store, now }) => {
    const today = kyivDate(now);
    const horizon = addDays(today, 7);
    const all = listAssignments(store.orm, today);
    const overdue = new Map<string, { organisationId: string; organisationName: string; assignments: typeof all }>();
    for (const a of all.filter((x) => x.state === 'overdue')) {
      const group = overdue.get(a.leadOrganisationId) ?? { organisationId: a.leadOrganisationId, organisationName: a.leadOrganisationName, assignments: [] };
      group.assignments.push(a);
      overdue.set(a.leadOrganisationId, group);
    }
    return {
      today,
      nextMeetings: listMeetings(store.orm)
        .filter((m) => m.date >= today && m.status !== 'approved')
        .reverse()
        .slice(0, 5),
      dueSoon: all.filter((a) => a.state === 'in_progress' && a.dueDate <= horizon),
      overdueByOrganisation: [...overdue.values()].sort((a, b) => b.assignments.length - a.assignments.length || a.organisationName.localeCompare(b.organisationName, 'uk')),
    };
  },

  'meetings:list': (input, { store }) => listMeetings(store.orm, input.year),

  'meetings:get': (input, { store }) => {
    const meeting = loadMeeting(store.orm, input.id);
    if (!meeting) throw new AppError('NOT_FOUND', 'no such meeting');
    return meeting;
  },

  'meetings:plan': (input, ctx) => {
    const { store, now, audit } = ctx;
    const year = Number(input.date.slice(0, 4));
    const last = store.orm.select({ n: max(schema.meetings.number) }).from(schema.meetings).where(eq(schema.meetings.year, year)).get();
    const number = input.number ?? (last?.n ?? 0) + 1;
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
    for (const m of members) store.orm.insert(schema.attendance).values({ meetingId: id, memberId: m.id, present: false }).run();
    if (input.kind === 'regular') planCarryOver(ctx, findMeeting(store.orm, id)!);
    audit({ action: 'meeting.planned', entity: 'meeting', entityId: id, details: { year, number } });
    return loadMeeting(store.orm, id)!;
  },

  'meetings:update': (input, { store, now, audit }) => {
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
    saveAgenda(store.orm, row.id, input.agenda, memberIds);
    store.orm.delete(schema.attendance).where(eq(schema.attendance.meetingId, row.id)).run();
    for (const a of new Map(input.attendance.map((x) => [x.memberId, x])).values()) {
      store.orm.insert(schema.attendance).values({ meetingId: row.id, memberId: a.memberId, present: a.present }).run();
    }
    store.orm.delete(schema.guests).where(eq(schema.guests.meetingId, row.id)).run();
    input.guests.forEach((g, i) => store.orm.insert(schema.guests).values({ id: randomUUID(), meetingId: row.id, position: i + 1, name: g.name, role: g.role }).run());
    audit({ action: 'meeting.updated', entity: 'meeting', entityId: row.id, details: { status: input.status, items: input.agenda.length } });
    return loadMeeting(store.orm, row.id)!;
  },

  'meetings:approve': (input, { store, now, audit, session }) => {
    const row = requireMeeting(store.orm, input.id);
    assertEditable(row);
    const meeting = loadMeeting(store.orm, row.id)!;
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
    return loadMeeting(store.orm, row.id)!;
  },

  'meetings:amend': (input, { store, now, audit, session }) => {
    const row = requireMeeting(store.orm, input.id);
    if (row.status !== 'approved') throw new AppError('INVALID_STATE', 'only approved minutes take amendments; edit the draft instead', { reason: 'not_approved' });
    const last = store.orm.select({ n: max(schema.amendments.number) }).from(schema.amendments).where(eq(schema.amendments.meetingId, row.id)).get();
    const number = (last?.n ?? 0) + 1;
    store.orm.insert(schema.amendments).values({ id: randomUUID(), meetingId: row.id, number, reason: input.reason, text: input.text, createdAt: now.toISOString(), createdBy: session.userId }).run();
    audit({ action: 'meeting.amended', entity: 'meeting', entityId: row.id, details: { amendment: number } });
    return loadMeeting(store.orm, row.id)!;
  },

  'assignments:list': (input, { store, now }) => {
    const all = listAssignments(store.orm, kyivDate(now), { organisationId: input.organisationId, meetingId: input.meetingId });
    return input.states ? all.filter((a) => input.states!.includes(a.state)) : all;
  },

  'assignments:create': (input, ctx) => {
    const { store, now, audit } = ctx;
    if (!decisionContext(store.orm, input.decisionId)) throw new AppError('NOT_FOUND', 'no such decision', { field: 'decisionId' });
    for (const orgId of [input.leadOrganisationId, ...input.coExecutorIds]) {
      if (!findOrganisation(store.orm, orgId)) throw new AppError('NOT_FOUND', 'no such organisation', { field: 'organisation' });
    }
    const id = randomUUID();
    const stamp = now.toISOString();
    store.orm
      .insert(schema.assignments)
      .values({ id, decisionId: input.decisionId, text: input.text, leadOrganisationId: input.leadOrganisationId, leadPerson: input.leadPerson, dueDate: input.dueDate, createdAt: stamp, updatedAt: stamp })
      .run();
    for (const orgId of new Set(input.coExecutorIds.filter((o) => o !== input.leadOrganisationId))) {
      store.orm.insert(schema.assignmentCoExecutors).values({ assignmentId: id, organisationId: orgId }).run();
    }
    audit({ action: 'assignment.created', entity: 'assignment', entityId: id, details: { decisionId: input.decisionId, dueDate: input.dueDate } });
    return assignmentOut(ctx, id);
  },

  'assignments:report': (input, ctx) => {
    const { store, now, audit } = ctx;
    const row = store.orm.select().from(schema.assignments).where(eq(schema.assignments.id, input.assignmentId)).get();
    if (!row) throw new AppError('NOT_FOUND', 'no such assignment');
    const id = randomUUID();
    store.orm.insert(schema.progressReports).values({ id, assignmentId: row.id, receivedOn: input.receivedOn, text: input.text, reference: input.reference, createdAt: now.toISOString() }).run();
    audit({ action: 'assignment.reported', entity: 'assignment', entityId: row.id, details: { reportId: id } });
    return assignmentOut(ctx, row.id);
  },

  'assignments:close': (input, ctx) => {
    const { store, now, audit } = ctx;
    const row = store.orm.select().from(schema.assignments).where(eq(schema.assignments.id, input.assignmentId)).get();
    if (!row) throw new AppError('NOT_FOUND', 'no such assignment');
    if (row.status !== 'in_progress') throw new AppError('INVALID_STATE', 'already taken off control', { reason: 'closed' });
    const origin = decisionContext(store.orm, row.decisionId)!;
    const closing = decisionContext(store.orm, input.decisionId);
    if (!closing) throw new AppError('NOT_FOUND', 'no such decision', { field: 'decisionId' });
    if (!isLater(closing.meeting, origin.meeting)) throw new AppError('INVALID_STATE', 'only a decision of a later meeting closes an assignment', { reason: 'not_later' });
    store.orm
      .update(schema.assignments)
      .set({ status: input.outcome, closedByDecisionId: input.decisionId, closedOn: closing.meeting.date, updatedAt: now.toISOString() })
      .where(eq(schema.assignments.id, row.id))
      .run();
    audit({ action: 'assignment.closed', entity: 'assignment', entityId: row.id, details: { outcome: input.outcome, decisionId: input.decisionId } });
    return assignmentOut(ctx, row.id);
  },
} satisfies Partial<Handlers>;

