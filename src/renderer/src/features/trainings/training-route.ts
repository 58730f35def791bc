/**
 * What the trainings page shows by its route's record id: the list, a new training («new»), a training's correction
 * («edit:» and its id), the import of a sign-in sheet («import:» and its id), or a training's card by its id.
 */
const NEW = 'new';
const EDIT = 'edit:';
const IMPORT = 'import:';

export type TrainingRoute = { view: 'list' } | { view: 'new' } | { view: 'edit'; id: string } | { view: 'import'; id: string } | { view: 'card'; id: string };

export const NEW_TRAINING_ROUTE = NEW;

export function editTrainingRoute(id: string): string {
  return `${EDIT}${id}`;
}

export function importRoute(id: string): string {
  return `${IMPORT}${id}`;
}

export function trainingRouteOf(id: string | undefined): TrainingRoute {
  if (!id) return { view: 'list' };
  if (id === NEW) return { view: 'new' };
  if (id.startsWith(EDIT)) return { view: 'edit', id: id.slice(EDIT.length) };
  if (id.startsWith(IMPORT)) return { view: 'import', id: id.slice(IMPORT.length) };
  return { view: 'card', id };
}
