import { AssignmentSummarySchema, type AssignmentSummary } from '../../../shared/domain/assignments';
import type { Meeting } from '../../../shared/domain/meetings';
import type { Db } from '../../store/connection';
import { listAssignmentSummaries } from '../assignments/assignments.repository';

/** The order the standing item lists them in: by the meeting that gave them, then by decision. */
export function byMeetingAndDecision(a: AssignmentSummary, b: AssignmentSummary): number {
  const decision = (s: AssignmentSummary) => s.decisionNumber.split('.').map(Number);
  const [ai = 0, ad = 0] = decision(a);
  const [bi = 0, bd = 0] = decision(b);
  return a.meetingYear - b.meetingYear || a.meetingNumber - b.meetingNumber || ai - bi || ad - bd || a.id.localeCompare(b.id);
}

/**
 * On approval the minutes keep what they print of assignments as it stands then (state as of the meeting's date):
 * the lines of the standing item, each with its link, and the assignments the decisions gave, on the meeting. A later
 * extension, change, closing or merge of organisations then never rewrites an approved protocol.
 */
export function freezeOnApproval(db: Db, meeting: Meeting): void {
  const given = listAssignmentSummaries(db, { today: meeting.date, asOfDate: true, meetingId: meeting.id, order: 'decision' });
  db.prepare('UPDATE meetings SET assignments_snapshot = ? WHERE id = ?').run(JSON.stringify(given), meeting.id);
  const reviewed = listAssignmentSummaries(db, { today: meeting.date, asOfDate: true, reviewedIn: meeting.id, order: 'decision' });
  if (reviewed.length === 0) return;
  db.prepare(
    `UPDATE agenda_item_assignments SET snapshot = (SELECT j.value FROM json_each(@lines) j WHERE json_extract(j.value, '$.id') = agenda_item_assignments.assignment_id)
     WHERE item_id IN (SELECT id FROM agenda_items WHERE meeting_id = @meetingId)`,
  ).run({ lines: JSON.stringify(reviewed), meetingId: meeting.id });
}

/** The assignments a meeting's decisions gave, as its minutes print them: frozen once approved, live before. */
export function givenForMinutes(db: Db, meeting: Meeting): AssignmentSummary[] {
  if (meeting.status === 'approved') {
    const row = db.prepare('SELECT assignments_snapshot AS snapshot FROM meetings WHERE id = ?').get(meeting.id) as { snapshot: string | null };
    // Minutes approved before assignments were frozen have none: they read live, as they always did.
    if (row.snapshot !== null) return (JSON.parse(row.snapshot) as unknown[]).map((a) => AssignmentSummarySchema.parse(a));
  }
  return listAssignmentSummaries(db, { today: meeting.date, asOfDate: true, meetingId: meeting.id, order: 'decision' });
}

/** The reviewed assignments of a meeting as its minutes print them: frozen lines once approved, live ones before. */
export function reviewedForMinutes(db: Db, meeting: Meeting): AssignmentSummary[] {
  if (meeting.status === 'approved') {
    const rows = db
      .prepare('SELECT l.snapshot FROM agenda_item_assignments l JOIN agenda_items i ON i.id = l.item_id WHERE i.meeting_id = ? AND l.snapshot IS NOT NULL')
      .all(meeting.id) as { snapshot: string }[];
    // Minutes approved before lines were frozen have none: they read live, as they always did.
    if (rows.length) return rows.map((r) => AssignmentSummarySchema.parse(JSON.parse(r.snapshot))).sort(byMeetingAndDecision);
  }
  return listAssignmentSummaries(db, { today: meeting.date, asOfDate: true, reviewedIn: meeting.id, order: 'decision' });
}
