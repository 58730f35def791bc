import type { PageSpec } from '../../app/navigation';
import { preloadable } from '../../app/preloadable';

const code = preloadable(() => import('./InboxPage').then((m) => ({ default: m.InboxPage })));

/** The recipient's mode: bundles from the raions (or oblasts) below, checked, tracked per period, and summed. */
export const inboxPage: PageSpec = {
  id: 'inbox',
  permission: 'reports.read',
  ...code,
};
