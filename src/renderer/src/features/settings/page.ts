import { lazy } from 'react';
import type { PageSpec } from '../../app/navigation';

export const settingsPage: PageSpec = {
  id: 'settings',
  permission: 'settings.write',
  component: lazy(() => import('./SettingsPage').then((m) => ({ default: m.SettingsPage }))),
};
