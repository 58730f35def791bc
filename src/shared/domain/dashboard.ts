import { z } from 'zod';
import { AssignmentSummarySchema } from './assignments';
import { BackupReminderSchema } from './backup';
import { CaseSummarySchema } from './cases';
import { ReferralSummarySchema } from './referrals';
import { MeetingSummarySchema } from './meetings';

/** How many rows each part of the dashboard shows; the counts say how many there are in all. */
export const DASHBOARD_LIMITS = { meetings: 5, dueSoon: 10, overdueOrganisations: 8, overduePerOrganisation: 5, todo: 5, cases: 8, referrals: 8 } as const;

/** A notice is on the to-do list from this many days before it must go out. */
export const NOTICE_LOOKAHEAD_DAYS = 7;
/** An open assignment due within this many days (or overdue) awaits a report… */
export const REPORT_DUE_WITHIN_DAYS = 7;
/** …unless a progress report came in within this many days before its due date, or since. */
export const REPORT_WINDOW_DAYS = 30;

export const SETUP_STEPS = ['council', 'order', 'members', 'quorum'] as const;
export type SetupStep = (typeof SETUP_STEPS)[number];

export const DashboardSchema = z.object({
  today: z.string(),
  nextMeetings: z.array(MeetingSummarySchema),
  /** Open assignments due from today to seven days ahead. */
  dueSoon: z.object({ total: z.number().int(), rows: z.array(AssignmentSummarySchema) }),
  overdue: z.object({
    total: z.number().int(),
    organisations: z.number().int(),
    byOrganisation: z.array(
      z.object({ organisationId: z.string(), organisationName: z.string(), count: z.number().int(), rows: z.array(AssignmentSummarySchema) }),
    ),
  }),
  /** The last backup and its reminder, for those who may make one; null for everyone else. */
  backup: BackupReminderSchema.nullable(),
  /** What the secretary should do next. */
  todo: z.object({
    /** Held meetings whose minutes are not approved yet (held: to be written; minutes drafted: to be approved). */
    minutes: z.object({ total: z.number().int(), rows: z.array(MeetingSummarySchema) }),
    /** Planned meetings whose notice must go out within the next days (or should have already). */
    notices: z.object({
      total: z.number().int(),
      workingDays: z.number().int(),
      rows: z.array(z.object({ meeting: MeetingSummarySchema, sendBy: z.string(), late: z.boolean() })),
    }),
    /** Open assignments due soon or overdue with no recent progress report. */
    awaitingReport: z.object({ total: z.number().int(), rows: z.array(AssignmentSummarySchema) }),
  }),
  /**
   * The status procedure's clock: steps due within `days` (the office's setting) and overdue. Case officers get the
   * nearest rows (by code); an analyst gets the overdue count only; everyone else null.
   */
  cases: z
    .object({
      days: z.number().int(),
      dueSoon: z.number().int().nullable(),
      overdue: z.number().int(),
      rows: z.array(CaseSummarySchema),
    })
    .nullable(),
  /**
   * Referrals awaiting an answer or a service, counted in Kyiv's today: overdue and due within the same `days` as the
   * cases, the nearest rows by code. Case officers only; null for everyone else.
   */
  referrals: z
    .object({
      overdueAnswers: z.number().int(),
      overdueServices: z.number().int(),
      dueSoon: z.number().int(),
      rows: z.array(ReferralSummarySchema),
    })
    .nullable(),
  /** The council's set-up on a new store, for those who can do it; null once every step is done or for others. */
  setup: z.record(z.enum(SETUP_STEPS), z.boolean()).nullable(),
});
export type Dashboard = z.infer<typeof DashboardSchema>;
