import type { PageSpec } from '../../app/navigation';
import { preloadable } from '../../app/preloadable';

const code = preloadable(() => import('./SettingsPage').then((m) => ({ default: m.SettingsPage })));

export const settingsPage: PageSpec = {
  id: 'settings',
  permission: 'settings.write',
  ...code,
};
