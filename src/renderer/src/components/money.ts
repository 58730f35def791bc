/**
 * Amounts in hryvnias as people read and type them, kept as whole kopiyky (the store's unit) so no sum is ever
 * off by a rounding: 302800 reads «3 028,00».
 */

/** Kopiyky as hryvnias with two decimals, thousands apart by a no-break space (a sum never wraps in two). */
export function formatUah(kop: number): string {
  const sign = kop < 0 ? '-' : '';
  const abs = Math.abs(Math.round(kop));
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return `${sign}${whole},${String(abs % 100).padStart(2, '0')}`;
}

/** What a user types as hryvnias («3028», «3 028,00», «3028.5») in kopiyky; null when it is no amount or has more than two decimals. */
export function kopFromTyped(text: string): number | null {
  const match = /^(\d{1,9})(?:[.,](\d{1,2}))?$/.exec(text.replace(/[\s\u00a0\u202f]/g, ''));
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
}
