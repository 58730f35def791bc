import type { PageSpec } from '../../app/navigation';
import { preloadable } from '../../app/preloadable';

const code = preloadable(() => import('./TrainingsPage').then((m) => ({ default: m.TrainingsPage })));

/** Trainings for staff of state bodies and NGOs: participants, certificates, sign-in sheets. */
export const trainingsPage: PageSpec = {
  id: 'trainings',
  permission: 'trainings.read',
  ...code,
};
