import { auditHandlers } from '../features/audit/audit.handlers';
import { documentsHandlers } from '../features/documents/documents.handlers';
import { groupHandlers } from '../features/group/group.handlers';
import { meetingsHandlers } from '../features/meetings/meetings.handlers';
import { sessionHandlers } from '../features/session/session.handlers';
import { systemHandlers } from '../features/system/system.handlers';
import { usersHandlers } from '../features/users/users.handlers';
import type { Handlers } from './dispatcher';

export const handlers = {
  ...sessionHandlers,
  ...usersHandlers,
  ...auditHandlers,
  ...systemHandlers,
  ...groupHandlers,
  ...meetingsHandlers,
  ...documentsHandlers,
} satisfies Handlers;
