import type { AppApi } from '../../app/api';
import type { CaseFilter } from '../../../../shared/domain/cases';

/** What the list is filtered by; the page and its size are the list's own. */
export type CaseListFilters = Pick<CaseFilter, 'states' | 'step' | 'overdue' | 'year' | 'query'>;

export const NO_FILTERS: CaseListFilters = { overdue: false, query: '' };
export const PAGE_SIZE = 50;

/**
 * The shell starts the page afresh whenever a card opens or closes, so the filters and the page are remembered
 * per app (its api object): back from a card, the list is where it was. They hold codes and numbers, never a name.
 */
const remembered = new WeakMap<AppApi, { filters: CaseListFilters; offset: number }>();

export function rememberedFilters(api: AppApi): { filters: CaseListFilters; offset: number } {
  return remembered.get(api) ?? { filters: NO_FILTERS, offset: 0 };
}

export function rememberFilters(api: AppApi, filters: CaseListFilters, offset: number): void {
  remembered.set(api, { filters, offset });
}

/** The channel's input: only the filters set, so an unset one is no filter. */
export function listInput(filters: CaseListFilters, offset: number): CaseFilter {
  return {
    ...(filters.states?.length ? { states: filters.states } : {}),
    ...(filters.step ? { step: filters.step } : {}),
    ...(filters.year ? { year: filters.year } : {}),
    overdue: filters.overdue,
    query: filters.query.trim(),
    offset,
    limit: PAGE_SIZE,
  };
}
