import { DASHBOARD_LIMITS } from '../../../shared/domain/dashboard';
import { addDays, kyivDate } from '../../../shared/time';
import type { FeatureHandlers } from '../../kernel/context';
import { countOpen, listAssignmentSummaries, overdueByOrganisation } from '../assignments/assignments.repository';
import { upcomingMeetings } from '../meetings/meetings.repository';

/**
 * A few targeted queries, each with its limit: the dashboard costs what it shows, however many years of
 * meetings the store holds. The counts say how many more there are; the lists open the rest.
 */
export const dashboardHandlers = {
  'dashboard:get': (_input, { store, now }) => {
    const today = kyivDate(now);
    const horizon = addDays(today, 7);
    const organisations = overdueByOrganisation(store.db, today);
    return {
      today,
      nextMeetings: upcomingMeetings(store.db, today, DASHBOARD_LIMITS.meetings),
      dueSoon: {
        total: countOpen(store.db, { from: today, to: horizon }),
        rows: listAssignmentSummaries(store.db, { today, states: ['in_progress'], dueBy: horizon, limit: DASHBOARD_LIMITS.dueSoon }),
      },
      overdue: {
        total: organisations.reduce((sum, o) => sum + o.count, 0),
        organisations: organisations.length,
        byOrganisation: organisations.slice(0, DASHBOARD_LIMITS.overdueOrganisations).map((o) => ({
          ...o,
          rows: listAssignmentSummaries(store.db, { today, states: ['overdue'], organisationId: o.organisationId, limit: DASHBOARD_LIMITS.overduePerOrganisation }),
        })),
      },
    };
  },
} satisfies FeatureHandlers<'dashboard'>;
