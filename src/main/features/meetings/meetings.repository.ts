import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { quorumNeeded } from '../../../shared/domain/group';
import type { Assignment, Meeting, MeetingSummary, Quorum } from '../../../shared/domain/meetings';
import * as schema from '../../db/schema';
import type { Orm } from '../../store/store';
import { getGroup, listMembers } from '../group/group.repository';

export type MeetingRow = typeof schema.meetings.$inferSelect;

export function findMeeting(orm: Orm, id: string): MeetingRow | undefined {
  return orm.select().from(schema.meetings).where(eq(schema.meetings.id, id)).get();
}

export function listMeetings(orm: Orm, year?: number): MeetingSummary[] {
  const rows = orm
    .select()
    .from(schema.meetings)
    .where(year ? eq(schema.meetings.year, year) : undefined)
    .orderBy(desc(schema.meetings.date), desc(schema.meetings.number))
    .all();
  const counts = new Map<string, number>();
  for (const item of orm.select({ meetingId: schema.agendaItems.meetingId }).from(schema.agendaItems).all()) {
    counts.set(item.meetingId, (counts.get(item.meetingId) ?? 0) + 1);
  }
  return rows.map((m) => ({
    id: m.id,
    year: m.year,
    number: m.number,
    date: m.date,
    time: m.time,
    place: m.place,
    format: m.format as MeetingSummary['format'],
    kind: m.kind as MeetingSummary['kind'],
    status: m.status as MeetingSummary['status'],
    items: counts.get(m.id) ?? 0,
  }));
}

/** Members whose seat is valid on the meeting date count; so do only they toward the quorum. */
export function quorumOf(orm: Orm, meeting: Pick<MeetingRow, 'id' | 'date'>): Quorum {
  const seated = new Set(listMembers(orm, meeting.date).map((m) => m.id));
  const present = orm
    .select()
    .from(schema.attendance)
    .where(and(eq(schema.attendance.meetingId, meeting.id), eq(schema.attendance.present, true)))
    .all()
    .filter((a) => seated.has(a.memberId)).length;
  const needed = quorumNeeded(seated.size, getGroup(orm));
  return { members: seated.size, present, needed, met: seated.size > 0 && present >= needed };
}

export function loadMeeting(orm: Orm, id: string): Meeting | undefined {
  const m = findMeeting(orm, id);
  if (!m) return undefined;
  const items = orm.select().from(schema.agendaItems).where(eq(schema.agendaItems.meetingId, id)).orderBy(asc(schema.agendaItems.position)).all();
  const itemIds = items.map((i) => i.id);
  const speeches = itemIds.length ? orm.select().from(schema.speeches).where(inArray(schema.speeches.itemId, itemIds)).orderBy(asc(schema.speeches.position)).all() : [];
  const decisions = itemIds.length ? orm.select().from(schema.decisions).where(inArray(schema.decisions.itemId, itemIds)).orderBy(asc(schema.decisions.position)).all() : [];
  const reviewed = itemIds.length ? orm.select().from(schema.agendaItemAssignments).where(inArray(schema.agendaItemAssignments.itemId, itemIds)).all() : [];
  return {
    id: m.id,
    year: m.year,
    number: m.number,
    date: m.date,
    time: m.time,
    place: m.place,
    format: m.format as Meeting['format'],
    kind: m.kind as Meeting['kind'],
    status: m.status as Meeting['status'],
    chairMemberId: m.chairMemberId,
    secretaryMemberId: m.secretaryMemberId,
    approvedAt: m.approvedAt,
    contentHash: m.contentHash,
    agenda: items.map((item) => ({
      id: item.id,
      position: item.position,
      title: item.title,
      rapporteurMemberId: item.rapporteurMemberId,
      rapporteurText: item.rapporteurText,
      heard: item.heard,
      carryOver: item.carryOver,
      speeches: speeches.filter((s) => s.itemId === item.id).map(({ id: sid, speaker, summary }) => ({ id: sid, speaker, summary })),
      decisions: decisions
        .filter((d) => d.itemId === item.id)
        .map((d) => ({ id: d.id, number: `${item.position}.${d.position}`, text: d.text, votesFor: d.votesFor, votesAgainst: d.votesAgainst, votesAbstained: d.votesAbstained })),
      reviewedAssignmentIds: reviewed.filter((r) => r.itemId === item.id).map((r) => r.assignmentId),
    })),
    attendance: orm.select({ memberId: schema.attendance.memberId, present: schema.attendance.present }).from(schema.attendance).where(eq(schema.attendance.meetingId, id)).all(),
    guests: orm.select({ id: schema.guests.id, name: schema.guests.name, role: schema.guests.role }).from(schema.guests).where(eq(schema.guests.meetingId, id)).orderBy(asc(schema.guests.position)).all(),
    quorum: quorumOf(orm, m),
    amendments: orm
      .select({ number: schema.amendments.number, reason: schema.amendments.reason, text: schema.amendments.text, createdAt: schema.amendments.createdAt })
      .from(schema.amendments)
      .where(eq(schema.amendments.meetingId, id))
      .orderBy(asc(schema.amendments.number))
      .all(),
  };
}

/** Decision with its meeting, for numbering and for the "later decision" rule. */
export function decisionContext(orm: Orm, decisionId: string) {
  return orm
    .select({ decision: schema.decisions, item: schema.agendaItems, meeting: schema.meetings })
    .from(schema.decisions)
    .innerJoin(schema.agendaItems, eq(schema.decisions.itemId, schema.agendaItems.id))
    .innerJoin(schema.meetings, eq(schema.agendaItems.meetingId, schema.meetings.id))
    .where(eq(schema.decisions.id, decisionId))
    .get();
}

function groupBy<T>(list: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of list) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
  return map;
}

/** Assignments with their state as of `today` (Kyiv date): open past the due date means overdue. */
export function listAssignments(orm: Orm, today: string, filter: { organisationId?: string; meetingId?: string; ids?: string[] } = {}): Assignment[] {
  const rows = orm
    .select({ a: schema.assignments, decision: schema.decisions, item: schema.agendaItems, meeting: schema.meetings, org: schema.organisations })
    .from(schema.assignments)
    .innerJoin(schema.decisions, eq(schema.assignments.decisionId, schema.decisions.id))
    .innerJoin(schema.agendaItems, eq(schema.decisions.itemId, schema.agendaItems.id))
    .innerJoin(schema.meetings, eq(schema.agendaItems.meetingId, schema.meetings.id))
    .innerJoin(schema.organisations, eq(schema.assignments.leadOrganisationId, schema.organisations.id))
    .where(
      and(
        filter.organisationId ? eq(schema.assignments.leadOrganisationId, filter.organisationId) : undefined,
        filter.meetingId ? eq(schema.meetings.id, filter.meetingId) : undefined,
        filter.ids ? inArray(schema.assignments.id, filter.ids.length ? filter.ids : ['']) : undefined,
      ),
    )
    .orderBy(asc(schema.assignments.dueDate))
    .all();
  const ids = rows.map((r) => r.a.id);
  const co = ids.length ? orm.select().from(schema.assignmentCoExecutors).where(inArray(schema.assignmentCoExecutors.assignmentId, ids)).all() : [];
  const reports = ids.length ? orm.select().from(schema.progressReports).where(inArray(schema.progressReports.assignmentId, ids)).orderBy(asc(schema.progressReports.receivedOn)).all() : [];
  const closerIds = [...new Set(rows.map((r) => r.a.closedByDecisionId).filter((id): id is string => !!id))];
  const closers = new Map(
    (closerIds.length
      ? orm
          .select({ decision: schema.decisions, item: schema.agendaItems, meeting: schema.meetings })
          .from(schema.decisions)
          .innerJoin(schema.agendaItems, eq(schema.decisions.itemId, schema.agendaItems.id))
          .innerJoin(schema.meetings, eq(schema.agendaItems.meetingId, schema.meetings.id))
          .where(inArray(schema.decisions.id, closerIds))
          .all()
      : []
    ).map((c) => [c.decision.id, c]),
  );
  const coBy = groupBy(co, (c) => c.assignmentId);
  const reportsBy = groupBy(reports, (r) => r.assignmentId);
  return rows.map(({ a, decision, item, meeting, org }) => {
    const closer = a.closedByDecisionId ? closers.get(a.closedByDecisionId) : undefined;
    return {
      id: a.id,
      decisionId: a.decisionId,
      decisionNumber: `${item.position}.${decision.position}`,
      meetingId: meeting.id,
      meetingYear: meeting.year,
      meetingNumber: meeting.number,
      text: a.text,
      leadOrganisationId: a.leadOrganisationId,
      leadOrganisationName: org.name,
      leadPerson: a.leadPerson,
      coExecutorIds: (coBy.get(a.id) ?? []).map((c) => c.organisationId),
      dueDate: a.dueDate,
      state: a.status === 'in_progress' && a.dueDate < today ? 'overdue' : (a.status as Assignment['state']),
      closedOn: a.closedOn,
      closedByDecisionNumber: closer ? `${closer.item.position}.${closer.decision.position} (№ ${closer.meeting.number}/${closer.meeting.year})` : null,
      reports: (reportsBy.get(a.id) ?? []).map(({ id, receivedOn, text, reference }) => ({ id, receivedOn, text, reference })),
    };
  });
}
