import type { PageSpec } from '../../app/navigation';
import { preloadable } from '../../app/preloadable';

const code = preloadable(() => import('./ParametersPage').then((m) => ({ default: m.ParametersPage })));

/**
 * An administrator changes the parameters; case officers read them, since their deadlines are counted by them
 * (the channel is open to every session, and holds no personal data).
 */
export const parametersPage: PageSpec = {
  id: 'parameters',
  permission: ['settings.write', 'cases.read'],
  ...code,
};
