import { lazy } from 'react';
import type { PageSpec } from '../../app/navigation';

const load = () => import('./passphrase/MyPassphrasePage').then((m) => ({ default: m.MyPassphrasePage }));

export const sessionPage: PageSpec = {
  id: 'session',
  component: lazy(load),
  load,
};
