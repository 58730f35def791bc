/**
 * The gate of the case-level export (issue 12 point 3): it is refused while any combination of quasi-identifiers
 * occurs fewer than k times, because a rare combination (a boy of 14 from Moldova, exploited in begging) is a
 * person. Values are compared as canonical JSON, so a list of forms or countries counts as one value whatever its
 * order, and a missing value is a value of its own.
 */

export interface KAnonymityViolation {
  combination: Record<string, unknown>;
  count: number;
}

const canonical = (value: unknown): unknown => {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.map((v) => JSON.stringify(canonical(v))).sort();
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([key, v]) => [key, canonical(v)]));
  }
  return value;
};

/** The combinations of `quasiIdentifiers` rarer than k, rarest first (then by the combination), with their counts. */
export function kAnonymityViolations(rows: readonly Record<string, unknown>[], quasiIdentifiers: readonly string[], k: number): KAnonymityViolation[] {
  const groups = new Map<string, KAnonymityViolation>();
  for (const row of rows) {
    const combination = Object.fromEntries(quasiIdentifiers.map((q) => [q, row[q] ?? null]));
    const key = JSON.stringify(quasiIdentifiers.map((q) => canonical(row[q])));
    const group = groups.get(key);
    if (group) group.count += 1;
    else groups.set(key, { combination, count: 1 });
  }
  return [...groups.entries()]
    .filter(([, g]) => g.count < k)
    .sort(([ka, a], [kb, b]) => a.count - b.count || (ka < kb ? -1 : ka > kb ? 1 : 0))
    .map(([, g]) => g);
}
