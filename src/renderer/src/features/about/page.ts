import type { PageSpec } from '../../app/navigation';
import { preloadable } from '../../app/preloadable';

const code = preloadable(() => import('./AboutPage').then((m) => ({ default: m.AboutPage })));

export const aboutPage: PageSpec = {
  id: 'about',
  ...code,
};
