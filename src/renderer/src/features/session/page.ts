import type { PageSpec } from '../../app/navigation';
import { preloadable } from '../../app/preloadable';

const code = preloadable(() => import('./passphrase/MyPassphrasePage').then((m) => ({ default: m.MyPassphrasePage })));

export const sessionPage: PageSpec = {
  id: 'session',
  ...code,
};
