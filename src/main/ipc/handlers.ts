import type { Handlers } from '../kernel/context';
import { aboutHandlers } from '../features/about/about.handlers';
import { assignmentsHandlers } from '../features/assignments/assignments.handlers';
import { auditHandlers } from '../features/audit/audit.handlers';
import { backupHandlers } from '../features/backup/backup.handlers';
import { casesHandlers } from '../features/cases/cases.handlers';
import { dashboardHandlers } from '../features/dashboard/dashboard.handlers';
import { draftsHandlers } from '../features/drafts/drafts.handlers';
import { groupHandlers } from '../features/group/group.handlers';
import { meetingsHandlers } from '../features/meetings/meetings.handlers';
import { organisationsHandlers } from '../features/organisations/organisations.handlers';
import { parametersHandlers } from '../features/parameters/parameters.handlers';
import { personsHandlers } from '../features/persons/persons.handlers';
import { referralsHandlers } from '../features/referrals/referrals.handlers';
import { sessionHandlers } from '../features/session/session.handlers';
import { settingsHandlers } from '../features/settings/settings.handlers';
import { territoriesHandlers } from '../features/territories/territories.handlers';
import { trainingsHandlers } from '../features/trainings/trainings.handlers';
import { preventionHandlers } from '../features/prevention/prevention.handlers';
import { coverageHandlers } from '../features/coverage/coverage.handlers';
import { reportsHandlers } from '../features/reports/reports.handlers';
import { inboxHandlers } from '../features/inbox/inbox.handlers';
import { usersHandlers } from '../features/users/users.handlers';

/** Every feature's handlers. Adding a feature = importing its handlers and spreading them here. */
export const handlers = {
  ...sessionHandlers,
  ...usersHandlers,
  ...auditHandlers,
  ...settingsHandlers,
  ...aboutHandlers,
  ...organisationsHandlers,
  ...groupHandlers,
  ...meetingsHandlers,
  ...assignmentsHandlers,
  ...dashboardHandlers,
  ...draftsHandlers,
  ...backupHandlers,
  ...parametersHandlers,
  ...casesHandlers,
  ...personsHandlers,
  ...referralsHandlers,
  ...territoriesHandlers,
  ...trainingsHandlers,
  ...preventionHandlers,
  ...coverageHandlers,
  ...reportsHandlers,
  ...inboxHandlers,
} satisfies Handlers;
