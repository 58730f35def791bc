import { z } from 'zod';
import { Id, IsoDate, MultilineText, SINGLE_LINE, STOP, Text } from './fields';

export const ASSIGNMENT_STATES = ['in_progress', 'overdue', 'done', 'removed'] as const;
export type AssignmentState = (typeof ASSIGNMENT_STATES)[number];

/** What a list row shows: the decision and meeting it comes from, the executors, the due date and the state. */
export const AssignmentSummarySchema = z.object({
  id: z.string(),
  decisionId: z.string(),
  /** "2.1" within its meeting, and the meeting as «№ 3/2026». */
  decisionNumber: z.string(),
  meetingId: z.string(),
  meetingYear: z.number().int(),
  meetingNumber: z.number().int(),
  text: z.string(),
  leadOrganisationId: z.string(),
  leadOrganisationName: z.string(),
  leadPerson: z.string(),
  coExecutorIds: z.array(z.string()),
  dueDate: z.string(),
  state: z.enum(ASSIGNMENT_STATES),
});
export type AssignmentSummary = z.infer<typeof AssignmentSummarySchema>;

/** The fields a change touches, as they were or as they became; names kept as they read then. */
const ChangedFields = z.object({
  text: z.string().optional(),
  dueDate: z.string().optional(),
  leadPerson: z.string().optional(),
  lead: z.object({ id: z.string(), name: z.string() }).optional(),
  coExecutors: z.array(z.object({ id: z.string(), name: z.string() })).optional(),
});
export type ChangedFields = z.infer<typeof ChangedFields>;

export const AssignmentChangeSchema = z.object({
  id: z.string(),
  changedAt: z.string(),
  /** «3.2 (№ 5/2026)»: the decision that made it; null for a correction before the giving minutes were approved. */
  byDecisionNumber: z.string().nullable(),
  before: ChangedFields,
  after: ChangedFields,
});

/** One assignment with how it was closed, every progress report received and every change of its terms. */
export const AssignmentSchema = AssignmentSummarySchema.extend({
  closedOn: z.string().nullable(),
  closedByDecisionNumber: z.string().nullable(),
  /** The date of the meeting that gave it: no due date before it, no closing or change by a meeting before it. */
  givenOn: z.string(),
  /** Once the giving minutes are approved, its terms change only by a decision of a later meeting. */
  givenApproved: z.boolean(),
  reports: z.array(z.object({ id: z.string(), receivedOn: z.string(), text: z.string(), reference: z.string() })),
  changes: z.array(AssignmentChangeSchema),
});
export type Assignment = z.infer<typeof AssignmentSchema>;

export const AssignmentFilterSchema = z
  .object({
    states: z.array(z.enum(ASSIGNMENT_STATES)).max(4).optional(),
    organisationId: Id.optional(),
    /** Given by the decisions of this meeting. */
    meetingId: Id.optional(),
    /** Reviewed by the carry-over item of this meeting. */
    reviewedIn: Id.optional(),
  })
  .strict();
export type AssignmentFilter = z.input<typeof AssignmentFilterSchema>;

export const AssignmentDraftSchema = z
  .object({
    decisionId: Id,
    text: MultilineText(5000).min(3),
    leadOrganisationId: z.string().min(1, 'leadOrganisation').max(64, STOP).regex(SINGLE_LINE, 'characters'),
    leadPerson: Text(200).default(''),
    coExecutorIds: z.array(Id).max(30).default([]),
    dueDate: IsoDate,
  })
  .strict();

export const ProgressReportDraftSchema = z
  .object({ assignmentId: Id, receivedOn: IsoDate, text: MultilineText(20_000).min(3), reference: Text(200).default('') })
  .strict();

export const AssignmentCloseSchema = z
  .object({ assignmentId: Id, decisionId: z.string().min(1, 'closingDecision').max(64, STOP).regex(SINGLE_LINE, 'characters'), outcome: z.enum(['done', 'removed']) })
  .strict();

/**
 * New terms of an assignment: any of text, due date, executors. `byDecisionId` names the decision of a later meeting
 * that made the change (an extension, most often); it may be null only while the giving minutes are not yet approved.
 */
export const AssignmentChangeDraftSchema = z
  .object({
    assignmentId: Id,
    byDecisionId: Id.nullable(),
    text: MultilineText(5000).min(3).optional(),
    dueDate: IsoDate.optional(),
    leadOrganisationId: Id.optional(),
    leadPerson: Text(200).optional(),
    coExecutorIds: z.array(Id).max(30).optional(),
  })
  .strict()
  .refine((v) => ['text', 'dueDate', 'leadOrganisationId', 'leadPerson', 'coExecutorIds'].some((k) => v[k as keyof typeof v] !== undefined), {
    path: ['text'],
    message: 'nothingChanged',
  });
