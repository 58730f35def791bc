import type { AppApi } from '../../app/api';
import type { ReferralFilter } from '../../../../shared/domain/referrals';

/** What the list is filtered by; the page and its size are the list's own. */
export type ReferralListFilters = Pick<ReferralFilter, 'states' | 'overdue' | 'organisationId' | 'service' | 'query'>;

export const NO_FILTERS: ReferralListFilters = { overdue: false, query: '' };
export const PAGE_SIZE = 50;

/** Remembered per app, as the case list's are: back from a card, the list is where it was. Codes and ids only. */
const remembered = new WeakMap<AppApi, { filters: ReferralListFilters; offset: number }>();

export function rememberedFilters(api: AppApi): { filters: ReferralListFilters; offset: number } {
  return remembered.get(api) ?? { filters: NO_FILTERS, offset: 0 };
}

export function rememberFilters(api: AppApi, filters: ReferralListFilters, offset: number): void {
  remembered.set(api, { filters, offset });
}

export function isFiltered(filters: ReferralListFilters): boolean {
  return Boolean(filters.states?.length || filters.overdue || filters.organisationId || filters.service || filters.query);
}

/** The channel's input: only the filters set, so an unset one is no filter. */
export function listInput(filters: ReferralListFilters, offset: number): ReferralFilter {
  return {
    ...(filters.states?.length ? { states: filters.states } : {}),
    ...(filters.organisationId ? { organisationId: filters.organisationId } : {}),
    ...(filters.service ? { service: filters.service } : {}),
    overdue: filters.overdue,
    query: filters.query.trim(),
    offset,
    limit: PAGE_SIZE,
  };
}
