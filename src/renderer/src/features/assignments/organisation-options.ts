import type { Organisation } from '../../../../shared/domain/organisations';

/** An organisation as a Select option: the full name, with the short one so either can be typed in the search. */
export function organisationOptions(organisations: Organisation[], exclude?: string | null): { value: string; label: string }[] {
  return organisations
    .filter((o) => o.id !== exclude)
    .map((o) => ({ value: o.id, label: o.shortName && o.shortName !== o.name ? `${o.name} (${o.shortName})` : o.name }))
    .sort((a, b) => a.label.localeCompare(b.label, 'uk'));
}
