import { lazy } from 'react';
import type { PageSpec } from '../../app/navigation';

const load = () => import('./AboutPage').then((m) => ({ default: m.AboutPage }));

export const aboutPage: PageSpec = {
  id: 'about',
  component: lazy(load),
  load,
};
