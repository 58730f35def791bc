import { lazy } from 'react';
import type { PageSpec } from '../../app/navigation';

const load = () => import('./SettingsPage').then((m) => ({ default: m.SettingsPage }));

export const settingsPage: PageSpec = {
  id: 'settings',
  permission: 'settings.write',
  component: lazy(load),
  load,
};
