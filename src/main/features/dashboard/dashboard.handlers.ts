import { DASHBOARD_LIMITS, NOTICE_LOOKAHEAD_DAYS, REPORT_DUE_WITHIN_DAYS, REPORT_WINDOW_DAYS, type SetupStep } from '../../../shared/domain/dashboard';
import { addDays, kyivDate } from '../../../shared/time';
import { workingDaysBefore } from '../../../shared/terms';
import type { Db } from '../../store/connection';
import type { FeatureHandlers } from '../../kernel/context';
import type { Orm } from '../../store/store';
import { countAwaitingReport, countOpen, listAssignmentSummaries, overdueByOrganisation } from '../assignments/assignments.repository';
import { backupReminder } from '../backup/backup.repository';
import { dueCounts, dueRows } from '../cases/cases.repository';
import { getSetting } from '../../store/settings';
import { anyMemberOn, getGroup, groupSettingsSaved } from '../group/group.repository';
import { minutesAwaitingApproval, plannedBetween, upcomingMeetings } from '../meetings/meetings.repository';
import { referralDueCounts, referralDueRows } from '../referrals/referrals.repository';

/**
 * Notices due: planned or postponed meetings from today whose notice, not yet marked as sent, must go out within the
 * look-ahead, N working days before the meeting. The SQL reads those of a date window wide enough for any N (N
 * working days span at most 2N + 4 calendar days) and the exact rule sorts them here, so the cost follows the few
 * meetings of those weeks.
 */
function noticesDue(db: Db, orm: Orm, today: string) {
  const workingDays = getGroup(orm).noticeWorkingDays;
  const horizon = addDays(today, NOTICE_LOOKAHEAD_DAYS);
  const due = plannedBetween(db, today, addDays(horizon, 2 * workingDays + 4))
    .map((meeting) => ({ meeting, sendBy: workingDaysBefore(meeting.date, workingDays) }))
    .filter((n) => n.sendBy <= horizon)
    .map((n) => ({ ...n, late: n.sendBy < today }));
  return { total: due.length, workingDays, rows: due.slice(0, DASHBOARD_LIMITS.todo) };
}

/** The council's first steps; null once all are done, so the overview stops asking. */
function setupSteps(db: Db, orm: Orm, today: string): Record<SetupStep, boolean> | null {
  const group = getGroup(orm);
  const saved = groupSettingsSaved(db);
  // The quorum rule has a default (more than half); saving the settings is what confirms it, as it confirms the name.
  const steps = { council: saved, order: group.orderNumber.trim() !== '' && group.orderDate !== null, members: anyMemberOn(db, today), quorum: saved };
  return Object.values(steps).every(Boolean) ? null : steps;
}

/** Case officers see the nearest due steps by code; an analyst sees how many are overdue, and nothing else. */
function casesClock(db: Db, today: string, permissions: readonly string[]) {
  const officer = permissions.includes('cases.read');
  if (!officer && !permissions.includes('reports.read')) return null;
  const days = getSetting(db, 'caseOptions').dueSoonDays;
  const until = addDays(today, days);
  const counts = dueCounts(db, today, until);
  if (!officer) return { days, dueSoon: null, overdue: counts.overdue, rows: [] };
  return { days, dueSoon: counts.dueSoon, overdue: counts.overdue, rows: dueRows(db, today, until, DASHBOARD_LIMITS.cases) };
}

/** Answers and services awaited from recipients, for case officers only: the nearest by code, and the counts. */
function referralsClock(db: Db, today: string, permissions: readonly string[]) {
  if (!permissions.includes('cases.read')) return null;
  const until = addDays(today, getSetting(db, 'caseOptions').dueSoonDays);
  return { ...referralDueCounts(db, today, until), rows: referralDueRows(db, today, until, DASHBOARD_LIMITS.referrals) };
}

/**
 * A few targeted queries, each with its limit: the dashboard costs what it shows, however many years of
 * meetings the store holds. The counts say how many more there are; the lists open the rest.
 */
export const dashboardHandlers = {
  'dashboard:get': (_input, { store, now, session }) => {
    const today = kyivDate(now);
    const horizon = addDays(today, 7);
    const organisations = overdueByOrganisation(store.db, today);
    const reportBy = addDays(today, REPORT_DUE_WITHIN_DAYS);
    const mayWrite = session.permissions.includes('meetings.write');
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
      backup: session.permissions.includes('settings.write') ? backupReminder(store, now) : null,
      todo: {
        minutes: minutesAwaitingApproval(store.db, DASHBOARD_LIMITS.todo),
        notices: noticesDue(store.db, store.orm, today),
        awaitingReport: {
          total: countAwaitingReport(store.db, reportBy, REPORT_WINDOW_DAYS),
          rows: listAssignmentSummaries(store.db, {
            today,
            states: ['in_progress', 'overdue'],
            dueBy: reportBy,
            noReportWithinDays: REPORT_WINDOW_DAYS,
            limit: DASHBOARD_LIMITS.todo,
          }),
        },
      },
      cases: casesClock(store.db, today, session.permissions),
      referrals: referralsClock(store.db, today, session.permissions),
      setup: mayWrite ? setupSteps(store.db, store.orm, today) : null,
    };
  },
} satisfies FeatureHandlers<'dashboard'>;
