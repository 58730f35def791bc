import type { OrganisationOption } from '../../../shared/domain/organisations';

/**
 * Organisations as Select options: the full name with the short one, so either can be typed in the search, in
 * Ukrainian order. `activeOnly` hides closed ones except `keep` (the one or ones a record already names); `exclude`
 * leaves one out (the lead among its co-executors).
 */
export function organisationOptions(
  organisations: OrganisationOption[],
  choose: { activeOnly?: boolean; keep?: string | readonly string[] | null | undefined; exclude?: string | null | undefined } = {},
): { value: string; label: string }[] {
  return organisations
    .filter((o) => o.id !== choose.exclude && (!choose.activeOnly || o.active || o.id === choose.keep || (Array.isArray(choose.keep) && choose.keep.includes(o.id))))
    .map((o) => ({ value: o.id, label: o.shortName && o.shortName !== o.name ? `${o.name} (${o.shortName})` : o.name }))
    .sort((a, b) => a.label.localeCompare(b.label, 'uk'));
}
