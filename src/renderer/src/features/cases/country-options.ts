import { CITIZENSHIP_UNKNOWN, COUNTRIES, countryName, STATELESS, UKRAINE } from '../../../../shared/domain/case-codes';

type Option = { value: string; label: string };
const cache = new Map<string, Option[]>();

function sorted(language: 'uk' | 'en', asPlaceOfExploitation: boolean): Option[] {
  return COUNTRIES.filter((code) => code !== UKRAINE)
    .map((code) => ({ value: code, label: countryName(code, language, asPlaceOfExploitation) }))
    .sort((a, b) => a.label.localeCompare(b.label, language));
}

/** Countries of exploitation by name in the interface's language; Ukraine first, as internal trafficking. */
export function exploitationCountryOptions(language: 'uk' | 'en'): Option[] {
  const key = `place:${language}`;
  if (!cache.has(key)) cache.set(key, [{ value: UKRAINE, label: countryName(UKRAINE, language, true) }, ...sorted(language, true)]);
  return cache.get(key)!;
}

/** Citizenship: Ukraine, none, not established yet, then every country by name. */
export function citizenshipOptions(language: 'uk' | 'en'): Option[] {
  const key = `citizenship:${language}`;
  if (!cache.has(key)) {
    cache.set(key, [UKRAINE, STATELESS, CITIZENSHIP_UNKNOWN].map((code) => ({ value: code, label: countryName(code, language) })).concat(sorted(language, false)));
  }
  return cache.get(key)!;
}
