import { z } from 'zod';
import { AssignmentSummarySchema } from './assignments';
import { MeetingSummarySchema } from './meetings';

/** How many rows each part of the dashboard shows; the counts say how many there are in all. */
export const DASHBOARD_LIMITS = { meetings: 5, dueSoon: 10, overdueOrganisations: 8, overduePerOrganisation: 5 } as const;

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
});
export type Dashboard = z.infer<typeof DashboardSchema>;
