import type { TFunction } from 'i18next';

/** The translated label of an action code, or the code itself for actions this build has no words for. */
export function actionLabel(t: TFunction, action: string): string {
  const label = t(`auditActions.${action}`, { defaultValue: '' });
  return typeof label === 'string' && label ? label : action;
}

export function entityLabel(t: TFunction, entity: string | null): string {
  if (!entity) return '';
  const label = t(`audit.entities.${entity}`, { defaultValue: '' });
  return typeof label === 'string' && label ? label : entity;
}
