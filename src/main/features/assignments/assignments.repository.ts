import type { Assignment, ChangedFields, AssignmentFilter, AssignmentState, AssignmentSummary } from '../../../shared/domain/assignments';
import type { Db } from '../../store/connection';

interface SummaryRow {
  id: string;
  decision_id: string;
  item_position: number;
  decision_position: number;
  meeting_id: string;
  meeting_year: number;
  meeting_number: number;
  text: string;
  lead_organisation_id: string;
  lead_organisation_name: string;
  lead_person: string;
  co: string;
  due_date: string;
  state: AssignmentState;
}

/**
 * The state shown. Overdue is computed, never stored: open past the due date, in Kyiv dates. With `asOf` a
 * meeting's date (documents), an assignment closed after that date still counts as open, so an approved
 * protocol prints the same words whenever it is printed.
 */
const STATE = `CASE
  WHEN a.status <> 'in_progress' AND (@respectClosedOn = 0 OR a.closed_on <= @asOf) THEN a.status
  WHEN a.due_date < @asOf THEN 'overdue'
  ELSE 'in_progress' END`;

const SUMMARY = `SELECT a.id, a.decision_id, i.position AS item_position, d.position AS decision_position,
    m.id AS meeting_id, m.year AS meeting_year, m.number AS meeting_number, a.text, a.lead_organisation_id,
    o.name AS lead_organisation_name, a.lead_person, a.due_date,
    (SELECT json_group_array(c.organisation_id) FROM assignment_co_executors c WHERE c.assignment_id = a.id) AS co,
    ${STATE} AS state
  FROM assignments a
  JOIN decisions d ON d.id = a.decision_id
  JOIN agenda_items i ON i.id = d.item_id
  JOIN meetings m ON m.id = i.meeting_id
  JOIN organisations o ON o.id = a.lead_organisation_id`;

function toSummary(r: SummaryRow): AssignmentSummary {
  return {
    id: r.id,
    decisionId: r.decision_id,
    decisionNumber: `${r.item_position}.${r.decision_position}`,
    meetingId: r.meeting_id,
    meetingYear: r.meeting_year,
    meetingNumber: r.meeting_number,
    text: r.text,
    leadOrganisationId: r.lead_organisation_id,
    leadOrganisationName: r.lead_organisation_name,
    leadPerson: r.lead_person,
    coExecutorIds: (JSON.parse(r.co) as string[]).sort(),
    dueDate: r.due_date,
    state: r.state,
  };
}

/** One condition per state, each answerable from the (status, due_date) index. */
const STATE_CONDITION: Record<AssignmentState, string> = {
  in_progress: `(a.status = 'in_progress' AND a.due_date >= @today)`,
  overdue: `(a.status = 'in_progress' AND a.due_date < @today)`,
  done: `a.status = 'done'`,
  removed: `a.status = 'removed'`,
};

export interface SummaryQuery extends AssignmentFilter {
  /** Kyiv date the state is computed for. */
  today: string;
  /** Only those due on or before this date. */
  dueBy?: string;
  /** Given by a meeting before this one (by date, then year and number). */
  givenBefore?: { date: string; year: number; number: number };
  /** Documents: state as of `today`, counting a closing after that date as still open. */
  asOfDate?: boolean;
  /** Only those with no progress report received in the last this many days before their due date, or since. */
  noReportWithinDays?: number;
  order?: 'due' | 'decision';
  limit?: number;
}

/** List rows filtered and ordered in SQL; the cost follows the rows returned, not the size of the store. */
export function listAssignmentSummaries(db: Db, query: SummaryQuery): AssignmentSummary[] {
  const where: string[] = [];
  const params: Record<string, unknown> = { today: query.today, asOf: query.today, respectClosedOn: query.asOfDate ? 1 : 0 };
  const states = query.states ? [...new Set(query.states)] : null;
  if (states && states.length < 4) {
    const open = states.includes('in_progress') && states.includes('overdue');
    const rest = states.filter((s) => !open || (s !== 'in_progress' && s !== 'overdue'));
    const parts = [...(open ? [`a.status = 'in_progress'`] : []), ...rest.map((s) => STATE_CONDITION[s])];
    where.push(parts.length ? `(${parts.join(' OR ')})` : '0');
  }
  if (query.organisationId) {
    where.push('a.lead_organisation_id = @organisationId');
    params.organisationId = query.organisationId;
  }
  if (query.meetingId) {
    where.push('i.meeting_id = @meetingId');
    params.meetingId = query.meetingId;
  }
  if (query.reviewedIn) {
    where.push(`a.id IN (SELECT l.assignment_id FROM agenda_item_assignments l JOIN agenda_items ri ON ri.id = l.item_id WHERE ri.meeting_id = @reviewedIn)`);
    params.reviewedIn = query.reviewedIn;
  }
  if (query.givenBefore) {
    where.push('(m.date < @bd OR (m.date = @bd AND (m.year < @by OR (m.year = @by AND m.number < @bn))))');
    Object.assign(params, { bd: query.givenBefore.date, by: query.givenBefore.year, bn: query.givenBefore.number });
  }
  if (query.dueBy) {
    where.push('a.due_date <= @dueBy');
    params.dueBy = query.dueBy;
  }
  if (query.noReportWithinDays !== undefined) {
    where.push(NO_RECENT_REPORT);
    params.reportWindow = `-${query.noReportWithinDays} days`;
  }
  const order = query.order === 'decision' ? 'm.date, m.number, i.position, d.position, a.id' : 'a.due_date, a.id';
  const limit = query.limit ? ' LIMIT @limit' : '';
  if (query.limit) params.limit = query.limit;
  const sql = `${SUMMARY} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order}${limit}`;
  return (db.prepare(sql).all(params) as SummaryRow[]).map(toSummary);
}

/** One assignment in full: the summary, the decision that closed it, and every progress report. */
export function getAssignment(db: Db, id: string, today: string): Assignment | undefined {
  const row = db.prepare(`${SUMMARY} WHERE a.id = @id`).get({ id, today, asOf: today, respectClosedOn: 0 }) as SummaryRow | undefined;
  if (!row) return undefined;
  const closing = db
    .prepare(
      `SELECT a.closed_on, i.position AS item_position, d.position AS decision_position, m.number, m.year,
         gm.date AS given_on, gm.status AS given_status
       FROM assignments a
       LEFT JOIN decisions d ON d.id = a.closed_by_decision_id
       LEFT JOIN agenda_items i ON i.id = d.item_id
       LEFT JOIN meetings m ON m.id = i.meeting_id
       JOIN decisions gd ON gd.id = a.decision_id
       JOIN agenda_items gi ON gi.id = gd.item_id
       JOIN meetings gm ON gm.id = gi.meeting_id
       WHERE a.id = ?`,
    )
    .get(id) as {
    closed_on: string | null;
    item_position: number | null;
    decision_position: number | null;
    number: number | null;
    year: number | null;
    given_on: string;
    given_status: string;
  };
  const reports = db
    .prepare('SELECT id, received_on AS receivedOn, text, reference FROM progress_reports WHERE assignment_id = ? ORDER BY received_on, created_at')
    .all(id) as Assignment['reports'];
  const changes = db
    .prepare(
      `SELECT c.id, c.changed_at, c.before, c.after, i.position AS item_position, d.position AS decision_position, m.number, m.year
       FROM assignment_changes c
       LEFT JOIN decisions d ON d.id = c.decision_id
       LEFT JOIN agenda_items i ON i.id = d.item_id
       LEFT JOIN meetings m ON m.id = i.meeting_id
       WHERE c.assignment_id = ? ORDER BY c.changed_at, c.rowid`,
    )
    .all(id) as { id: string; changed_at: string; before: string; after: string; item_position: number | null; decision_position: number | null; number: number | null; year: number | null }[];
  return {
    ...toSummary(row),
    closedOn: closing.closed_on,
    closedByDecisionNumber:
      closing.item_position !== null ? `${closing.item_position}.${closing.decision_position} (№ ${closing.number}/${closing.year})` : null,
    givenOn: closing.given_on,
    givenApproved: closing.given_status === 'approved',
    reports,
    changes: changes.map((c) => ({
      id: c.id,
      changedAt: c.changed_at,
      byDecisionNumber: c.item_position !== null ? `${c.item_position}.${c.decision_position} (№ ${c.number}/${c.year})` : null,
      before: JSON.parse(c.before) as ChangedFields,
      after: JSON.parse(c.after) as ChangedFields,
    })),
  };
}

/** A seek on the (assignment, received_on) index per assignment: no report from the window before the due date on. */
const NO_RECENT_REPORT = `NOT EXISTS (SELECT 1 FROM progress_reports r WHERE r.assignment_id = a.id AND r.received_on >= date(a.due_date, @reportWindow))`;

/** How many open assignments due by a date have had no report within the window before their due date (or since). */
export function countAwaitingReport(db: Db, dueBy: string, withinDays: number): number {
  const sql = `SELECT count(*) AS n FROM assignments a WHERE a.status = 'in_progress' AND a.due_date <= @dueBy AND ${NO_RECENT_REPORT}`;
  return (db.prepare(sql).get({ dueBy, reportWindow: `-${withinDays} days` }) as { n: number }).n;
}

/** How many open assignments are due within a date range (inclusive). */
export function countOpen(db: Db, range: { from: string; to: string }): number {
  const sql = `SELECT count(*) AS n FROM assignments WHERE status = 'in_progress' AND due_date >= @from AND due_date <= @to`;
  return (db.prepare(sql).get(range) as { n: number }).n;
}

/** Overdue assignments counted per lead organisation, most first. */
export function overdueByOrganisation(db: Db, today: string): { organisationId: string; organisationName: string; count: number }[] {
  return db
    .prepare(
      `SELECT a.lead_organisation_id AS organisationId, o.name AS organisationName, count(*) AS count
       FROM assignments a JOIN organisations o ON o.id = a.lead_organisation_id
       WHERE a.status = 'in_progress' AND a.due_date < ?
       GROUP BY a.lead_organisation_id
       ORDER BY count DESC, o.name`,
    )
    .all(today) as { organisationId: string; organisationName: string; count: number }[];
}
