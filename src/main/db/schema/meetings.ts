import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { groupMembers } from './group';
import { organisations } from './organisations';
import { users } from './users';

/** A meeting of the group; numbering restarts each calendar year. Date and time are Kyiv local. */
export const meetings = sqliteTable(
  'meetings',
  {
    id: text('id').primaryKey(),
    year: integer('year').notNull(),
    number: integer('number').notNull(),
    date: text('date').notNull(),
    time: text('time').notNull(),
    place: text('place').notNull().default(''),
    format: text('format').notNull(),
    kind: text('kind').notNull().default('regular'),
    status: text('status').notNull(),
    chairMemberId: text('chair_member_id').references(() => groupMembers.id),
    secretaryMemberId: text('secretary_member_id').references(() => groupMembers.id),
    approvedAt: text('approved_at'),
    approvedBy: text('approved_by').references(() => users.id),
    contentHash: text('content_hash'),
    /** Why it was postponed or cancelled. */
    statusReason: text('status_reason').notNull().default(''),
    /** «YYYY-MM-DD HH:MM» it was set for before its last postponement. */
    rescheduledFrom: text('rescheduled_from'),
    /** The day the notice went out (as the secretary marks it); cleared when the meeting is postponed. */
    noticeSentOn: text('notice_sent_on'),
    /**
     * The assignments its decisions gave, as the minutes printed them on approval (JSON), so a later extension, change
     * or merge of organisations never rewrites an approved protocol. Null while the minutes are a draft.
     */
    assignmentsSnapshot: text('assignments_snapshot'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('meetings_year_number').on(t.year, t.number),
    index('meetings_date').on(t.date),
    // The overview's to-dos by state: minutes awaiting approval, planned meetings whose notice is due.
    index('meetings_status_date').on(t.status, t.date),
    index('meetings_chair').on(t.chairMemberId),
    index('meetings_secretary').on(t.secretaryMemberId),
    index('meetings_approved_by').on(t.approvedBy),
  ],
);

export const agendaItems = sqliteTable(
  'agenda_items',
  {
    id: text('id').primaryKey(),
    meetingId: text('meeting_id').notNull().references(() => meetings.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    rapporteurMemberId: text('rapporteur_member_id').references(() => groupMembers.id),
    /** A rapporteur who is not a member (an invited head of a unit), as printed. */
    rapporteurText: text('rapporteur_text').notNull().default(''),
    /** СЛУХАЛИ: the summary of the report. */
    heard: text('heard').notNull().default(''),
    /** The standing first item on the execution of earlier assignments. */
    carryOver: integer('carry_over', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [index('agenda_items_meeting').on(t.meetingId, t.position), index('agenda_items_rapporteur').on(t.rapporteurMemberId)],
);

/** ВИСТУПИЛИ. */
export const speeches = sqliteTable(
  'speeches',
  {
    id: text('id').primaryKey(),
    itemId: text('item_id').notNull().references(() => agendaItems.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    speaker: text('speaker').notNull(),
    summary: text('summary').notNull().default(''),
  },
  (t) => [index('speeches_item').on(t.itemId, t.position)],
);

/** УХВАЛИЛИ: numbered <item>.<position> in the minutes. */
export const decisions = sqliteTable(
  'decisions',
  {
    id: text('id').primaryKey(),
    itemId: text('item_id').notNull().references(() => agendaItems.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    text: text('text').notNull(),
    votesFor: integer('votes_for'),
    votesAgainst: integer('votes_against'),
    votesAbstained: integer('votes_abstained'),
  },
  (t) => [index('decisions_item').on(t.itemId, t.position)],
);

export const attendance = sqliteTable(
  'attendance',
  {
    meetingId: text('meeting_id').notNull().references(() => meetings.id, { onDelete: 'cascade' }),
    memberId: text('member_id').notNull().references(() => groupMembers.id),
    present: integer('present', { mode: 'boolean' }).notNull(),
    absenceReason: text('absence_reason').notNull().default(''),
    /** Who attended in the member's stead, «за дорученням», as printed: name and position. */
    substitute: text('substitute').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.memberId] }), index('attendance_member').on(t.memberId)],
);

/** Запрошені: invited people who are not members. */
export const guests = sqliteTable(
  'guests',
  {
    id: text('id').primaryKey(),
    meetingId: text('meeting_id').notNull().references(() => meetings.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    role: text('role').notNull().default(''),
  },
  (t) => [index('guests_meeting').on(t.meetingId, t.position)],
);

/** Доручення. Overdue is not stored: it is computed from the due date in Kyiv time. */
export const assignments = sqliteTable(
  'assignments',
  {
    id: text('id').primaryKey(),
    decisionId: text('decision_id').notNull().references(() => decisions.id),
    text: text('text').notNull(),
    leadOrganisationId: text('lead_organisation_id').notNull().references(() => organisations.id),
    leadPerson: text('lead_person').notNull().default(''),
    dueDate: text('due_date').notNull(),
    status: text('status').notNull().default('in_progress'),
    /** The later decision that took it off control (done or removed). */
    closedByDecisionId: text('closed_by_decision_id').references(() => decisions.id),
    closedOn: text('closed_on'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('assignments_due').on(t.status, t.dueDate),
    // Leads with state and date: the dashboard's overdue rows of one organisation are a seek, not a scan.
    index('assignments_lead_due').on(t.leadOrganisationId, t.status, t.dueDate),
    index('assignments_decision').on(t.decisionId),
    index('assignments_closed_by').on(t.closedByDecisionId),
    // The report's done and removed in a period.
    index('assignments_closed').on(t.status, t.closedOn),
  ],
);

export const assignmentCoExecutors = sqliteTable(
  'assignment_co_executors',
  {
    assignmentId: text('assignment_id').notNull().references(() => assignments.id, { onDelete: 'cascade' }),
    organisationId: text('organisation_id').notNull().references(() => organisations.id),
  },
  (t) => [primaryKey({ columns: [t.assignmentId, t.organisationId] }), index('co_executors_organisation').on(t.organisationId)],
);

/** Інформація про стан виконання, as received from the executor. */
export const progressReports = sqliteTable(
  'progress_reports',
  {
    id: text('id').primaryKey(),
    assignmentId: text('assignment_id').notNull().references(() => assignments.id, { onDelete: 'cascade' }),
    receivedOn: text('received_on').notNull(),
    text: text('text').notNull(),
    reference: text('reference').notNull().default(''),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('progress_reports_assignment').on(t.assignmentId, t.receivedOn)],
);

/** Numbered corrections to approved minutes; the minutes themselves no longer change. */
export const amendments = sqliteTable(
  'amendments',
  {
    id: text('id').primaryKey(),
    meetingId: text('meeting_id').notNull().references(() => meetings.id),
    number: integer('number').notNull(),
    reason: text('reason').notNull(),
    text: text('text').notNull(),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull().references(() => users.id),
  },
  (t) => [uniqueIndex('amendments_meeting_number').on(t.meetingId, t.number), index('amendments_created_by').on(t.createdBy)],
);

/** The assignments a carry-over item lists, fixed when the meeting is planned. */
export const agendaItemAssignments = sqliteTable(
  'agenda_item_assignments',
  {
    itemId: text('item_id').notNull().references(() => agendaItems.id, { onDelete: 'cascade' }),
    assignmentId: text('assignment_id').notNull().references(() => assignments.id),
    /**
     * The line as the minutes printed it on approval (JSON: text, source, executor, due date, state), so a later
     * extension or closing never rewrites an approved protocol. Null while the minutes are a draft: they read live.
     */
    snapshot: text('snapshot'),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.assignmentId] }), index('agenda_item_assignments_assignment').on(t.assignmentId)],
);

/**
 * A change of an assignment's text, due date or executors. After the giving minutes are approved it needs a decision
 * of a later meeting (an extension, most often); before, it is a correction and `decision_id` is null.
 */
export const assignmentChanges = sqliteTable(
  'assignment_changes',
  {
    id: text('id').primaryKey(),
    assignmentId: text('assignment_id').notNull().references(() => assignments.id, { onDelete: 'cascade' }),
    decisionId: text('decision_id').references(() => decisions.id),
    /** JSON of the fields as they were and as they became: { text?, dueDate?, leadOrganisationId?, leadPerson?, coExecutorIds? }. */
    before: text('before').notNull(),
    after: text('after').notNull(),
    changedAt: text('changed_at').notNull(),
    changedBy: text('changed_by').notNull().references(() => users.id),
  },
  (t) => [index('assignment_changes_assignment').on(t.assignmentId, t.changedAt), index('assignment_changes_decision').on(t.decisionId), index('assignment_changes_user').on(t.changedBy)],
);
