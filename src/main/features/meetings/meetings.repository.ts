import { and, asc, eq, max, ne } from 'drizzle-orm';
import { quorumNeeded } from '../../../shared/domain/group';
import type { Meeting, MeetingSummary, Quorum } from '../../../shared/domain/meetings';
import * as schema from '../../db/schema';
import type { Db } from '../../store/connection';
import type { Orm } from '../../store/store';
import { getGroup } from '../group/group.repository';

export type MeetingRow = typeof schema.meetings.$inferSelect;

export function findMeeting(orm: Orm, id: string): MeetingRow | undefined {
  return orm.select().from(schema.meetings).where(eq(schema.meetings.id, id)).get();
}

interface SummaryRow {
  id: string;
  year: number;
  number: number;
  date: string;
  time: string;
  place: string;
  format: MeetingSummary['format'];
  kind: MeetingSummary['kind'];
  status: MeetingSummary['status'];
  items: number;
}

const SUMMARY = `SELECT m.id, m.year, m.number, m.date, m.time, m.place, m.format, m.kind, m.status,
  (SELECT count(*) FROM agenda_items i WHERE i.meeting_id = m.id) AS items FROM meetings m`;

/** Newest first; `laterThan` keeps the meetings after one (by date, then year and number). */
export function listMeetings(db: Db, filter: { year?: number; laterThan?: MeetingRow }): MeetingSummary[] {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (filter.year) {
    where.push('m.year = @year');
    params.year = filter.year;
  }
  if (filter.laterThan) {
    where.push('(m.date > @d OR (m.date = @d AND (m.year > @y OR (m.year = @y AND m.number > @n))))');
    Object.assign(params, { d: filter.laterThan.date, y: filter.laterThan.year, n: filter.laterThan.number });
  }
  const sql = `${SUMMARY} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY m.date DESC, m.number DESC`;
  return db.prepare(sql).all(params) as SummaryRow[];
}

/** The years with meetings, newest first: read from the (year, number) index alone. */
export function meetingYears(db: Db): { year: number; meetings: number }[] {
  return db.prepare('SELECT year, count(*) AS meetings FROM meetings GROUP BY year ORDER BY year DESC').all() as { year: number; meetings: number }[];
}

/** Meetings from a date on that are not yet approved, soonest first. */
export function upcomingMeetings(db: Db, from: string, limit: number): MeetingSummary[] {
  return db.prepare(`${SUMMARY} WHERE m.date >= ? AND m.status <> 'approved' ORDER BY m.date, m.number LIMIT ?`).all(from, limit) as SummaryRow[];
}

/**
 * Meetings held whose minutes are not yet approved (held: to be written; minutes drafted: to be approved), oldest
 * first, and how many there are: both from the (status, date) index.
 */
export function minutesAwaitingApproval(db: Db, limit: number): { total: number; rows: MeetingSummary[] } {
  const where = `m.status IN ('held', 'minutes_drafted')`;
  const total = (db.prepare(`SELECT count(*) AS n FROM meetings m WHERE ${where}`).get() as { n: number }).n;
  const rows = total ? (db.prepare(`${SUMMARY} WHERE ${where} ORDER BY m.date, m.year, m.number LIMIT ?`).all(limit) as SummaryRow[]) : [];
  return { total, rows };
}

/** Meetings still planned (not held, postponed or cancelled) within a date range, soonest first. */
/** Planned or postponed meetings of a date window whose notice has not been marked as sent, soonest first. */
export function plannedBetween(db: Db, from: string, to: string): MeetingSummary[] {
  return db
    .prepare(`${SUMMARY} WHERE m.status IN ('planned', 'postponed') AND m.date >= ? AND m.date <= ? AND m.notice_sent_on IS NULL ORDER BY m.date, m.time, m.number`)
    .all(from, to) as SummaryRow[];
}

export function nextNumber(orm: Orm, year: number): number {
  const last = orm.select({ n: max(schema.meetings.number) }).from(schema.meetings).where(eq(schema.meetings.year, year)).get();
  return (last?.n ?? 0) + 1;
}

export function numberTaken(orm: Orm, year: number, number: number, exceptId?: string): boolean {
  return !!orm
    .select({ id: schema.meetings.id })
    .from(schema.meetings)
    .where(and(eq(schema.meetings.year, year), eq(schema.meetings.number, number), exceptId ? ne(schema.meetings.id, exceptId) : undefined))
    .get();
}

/** Members whose seat is valid on the meeting date count; so do only they toward the quorum. */
export function quorumOf(orm: Orm, db: Db, meeting: Pick<MeetingRow, 'id' | 'date'>): Quorum {
  const counts = db
    .prepare(
      `SELECT count(*) AS members, count(CASE WHEN a.present THEN 1 END) AS present
       FROM group_members g LEFT JOIN attendance a ON a.member_id = g.id AND a.meeting_id = @id
       WHERE g.valid_from <= @date AND (g.valid_to IS NULL OR g.valid_to >= @date)`,
    )
    .get({ id: meeting.id, date: meeting.date }) as { members: number; present: number };
  const needed = quorumNeeded(counts.members, getGroup(orm));
  return { members: counts.members, present: counts.present, needed, met: counts.members > 0 && counts.present >= needed };
}

function groupBy<T>(list: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of list) {
    const k = key(item);
    const bucket = map.get(k);
    if (bucket) bucket.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/** The whole meeting, its children read by the meeting's id on their indexes. */
export function loadMeeting(orm: Orm, db: Db, id: string): Meeting | undefined {
  const m = findMeeting(orm, id);
  if (!m) return undefined;
  const items = orm.select().from(schema.agendaItems).where(eq(schema.agendaItems.meetingId, id)).orderBy(asc(schema.agendaItems.position)).all();
  const byMeeting = (table: string, columns: string, order: string) =>
    db.prepare(`SELECT ${columns} FROM ${table} c JOIN agenda_items i ON i.id = c.item_id WHERE i.meeting_id = ? ORDER BY ${order}`).all(id);
  const speeches = groupBy(
    byMeeting('speeches', 'c.id, c.item_id AS itemId, c.speaker, c.summary', 'c.position') as { id: string; itemId: string; speaker: string; summary: string }[],
    (s) => s.itemId,
  );
  const decisions = groupBy(
    byMeeting('decisions', 'c.id, c.item_id AS itemId, c.position, c.text, c.votes_for AS votesFor, c.votes_against AS votesAgainst, c.votes_abstained AS votesAbstained', 'c.position') as {
      id: string;
      itemId: string;
      position: number;
      text: string;
      votesFor: number | null;
      votesAgainst: number | null;
      votesAbstained: number | null;
    }[],
    (d) => d.itemId,
  );
  const reviewed = groupBy(byMeeting('agenda_item_assignments', 'c.item_id AS itemId, c.assignment_id AS assignmentId', 'c.rowid') as { itemId: string; assignmentId: string }[], (r) => r.itemId);
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
    statusReason: m.statusReason,
    rescheduledFrom: m.rescheduledFrom,
    noticeSentOn: m.noticeSentOn,
    agenda: items.map((item) => ({
      id: item.id,
      position: item.position,
      title: item.title,
      rapporteurMemberId: item.rapporteurMemberId,
      rapporteurText: item.rapporteurText,
      heard: item.heard,
      carryOver: item.carryOver,
      speeches: (speeches.get(item.id) ?? []).map(({ id: sid, speaker, summary }) => ({ id: sid, speaker, summary })),
      decisions: (decisions.get(item.id) ?? []).map((d) => ({
        id: d.id,
        number: `${item.position}.${d.position}`,
        text: d.text,
        votesFor: d.votesFor,
        votesAgainst: d.votesAgainst,
        votesAbstained: d.votesAbstained,
      })),
      reviewedAssignmentIds: (reviewed.get(item.id) ?? []).map((r) => r.assignmentId),
    })),
    attendance: orm
      .select({ memberId: schema.attendance.memberId, present: schema.attendance.present, absenceReason: schema.attendance.absenceReason, substitute: schema.attendance.substitute })
      .from(schema.attendance)
      .where(eq(schema.attendance.meetingId, id))
      .all(),
    guests: orm.select({ id: schema.guests.id, name: schema.guests.name, role: schema.guests.role }).from(schema.guests).where(eq(schema.guests.meetingId, id)).orderBy(asc(schema.guests.position)).all(),
    quorum: quorumOf(orm, db, m),
    amendments: orm
      .select({ number: schema.amendments.number, reason: schema.amendments.reason, text: schema.amendments.text, createdAt: schema.amendments.createdAt })
      .from(schema.amendments)
      .where(eq(schema.amendments.meetingId, id))
      .orderBy(asc(schema.amendments.number))
      .all(),
  };
}

/** Decision with its item and meeting, for numbering and for the "later decision" rule. */
export function decisionContext(orm: Orm, decisionId: string) {
  return orm
    .select({ decision: schema.decisions, item: schema.agendaItems, meeting: schema.meetings })
    .from(schema.decisions)
    .innerJoin(schema.agendaItems, eq(schema.decisions.itemId, schema.agendaItems.id))
    .innerJoin(schema.meetings, eq(schema.agendaItems.meetingId, schema.meetings.id))
    .where(eq(schema.decisions.id, decisionId))
    .get();
}
