import type { TFunction } from 'i18next';
import { FEATURES_WITH_TEXTS } from '../../app/i18n';

/**
 * Each feature's texts name the audit actions and entities it writes (`<feature>.auditActions.meeting.planned`,
 * `<feature>.entities.meeting`): the first feature that knows one names it, so a new feature brings its own
 * labels without a line here. An action this build has no words for shows as its code.
 */
function featureLabel(t: TFunction, section: 'auditActions' | 'entities', code: string): string {
  for (const feature of FEATURES_WITH_TEXTS) {
    const label = t(`${feature}.${section}.${code}`, { defaultValue: '' });
    if (typeof label === 'string' && label) return label;
  }
  return code;
}

export function actionLabel(t: TFunction, action: string): string {
  return featureLabel(t, 'auditActions', action);
}

export function entityLabel(t: TFunction, entity: string | null): string {
  return entity ? featureLabel(t, 'entities', entity) : '';
}
