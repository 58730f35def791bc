/** Where a dated version stands today: not yet in force, the one in force, or one a later version replaced. */
export type VersionState = 'future' | 'current' | 'past';

/**
 * The state of each version of one parameter (any order in): the latest from today or before is in force; only a
 * future one may still be changed or removed, since one in force has already counted someone's term.
 */
export function versionStates<V extends { id: string; validFrom: string }>(versions: readonly V[], today: string): Map<string, VersionState> {
  const sorted = [...versions].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  const current = sorted.filter((v) => v.validFrom <= today).at(-1);
  return new Map(sorted.map((v) => [v.id, v.validFrom > today ? 'future' : v.id === current?.id ? 'current' : 'past']));
}

/** Newest first, as a table of versions reads. */
export function newestFirst<V extends { validFrom: string }>(versions: readonly V[]): V[] {
  return [...versions].sort((a, b) => b.validFrom.localeCompare(a.validFrom));
}
