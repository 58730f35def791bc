import { lazy } from 'react';
import type { PageSpec } from '../../app/navigation';

export const aboutPage: PageSpec = {
  id: 'about',
  component: lazy(() => import('./AboutPage').then((m) => ({ default: m.AboutPage }))),
};
