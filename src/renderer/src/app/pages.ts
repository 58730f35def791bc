import { aboutPage } from '../features/about/page';
import { assignmentsPage } from '../features/assignments/page';
import { auditPage } from '../features/audit/page';
import { casesPage } from '../features/cases/page';
import { dashboardPage } from '../features/dashboard/page';
import { groupPage } from '../features/group/page';
import { meetingsPage } from '../features/meetings/page';
import { organisationsPage } from '../features/organisations/page';
import { parametersPage } from '../features/parameters/page';
import { personsPage } from '../features/persons/page';
import { referralsPage } from '../features/referrals/page';
import { trainingsPage } from '../features/trainings/page';
import { preventionPage } from '../features/prevention/page';
import { coveragePage } from '../features/coverage/page';
import { reportsPage } from '../features/reports/page';
import { inboxPage } from '../features/inbox/page';
import { sessionPage } from '../features/session/page';
import { settingsPage } from '../features/settings/page';
import { usersPage } from '../features/users/page';
import type { PageSpec } from './navigation';

/** The shell's pages in the order of the navigation; the first a user may see opens after unlock. */
export const PAGES: readonly PageSpec[] = [
  dashboardPage,
  meetingsPage,
  assignmentsPage,
  casesPage,
  personsPage,
  referralsPage,
  trainingsPage,
  preventionPage,
  coveragePage,
  reportsPage,
  inboxPage,
  organisationsPage,
  groupPage,
  usersPage,
  auditPage,
  parametersPage,
  settingsPage,
  sessionPage,
  aboutPage,
];
