import { lazy } from 'react';
import type { PageSpec } from '../../app/navigation';

export const sessionPage: PageSpec = {
  id: 'session',
  component: lazy(() => import('./passphrase/MyPassphrasePage').then((m) => ({ default: m.MyPassphrasePage }))),
};
