import type { TFunction } from 'i18next';
import type { TermVersion } from '../../../../shared/domain/parameters';

/** A term as people say it: «3 робочі дні», «1 місяць», «2 роки», «того самого дня». */
export function termText(t: TFunction, term: Pick<TermVersion, 'value' | 'unit' | 'dayKind'>): string {
  if (term.value === 0 && term.unit === 'days') return t('parameters.terms.sameDay');
  const unit = term.unit === 'days' ? `days_${term.dayKind}` : term.unit;
  return t(`parameters.units.${unit}`, { count: term.value });
}
