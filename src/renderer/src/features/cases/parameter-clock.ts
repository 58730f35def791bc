import type { Clock } from '../../../../shared/case-procedure';
import type { Parameters, TermKey } from '../../../../shared/domain/parameters';

/**
 * The procedure's clock from the parameters as the main process counts with them (the term version in force on a
 * date, the office's days off), so a form can show what a step will compute before it is saved: a certificate's
 * term, the latest end an extension may set. The main process computes again on save and its answer stands.
 */
export function clockOf(parameters: Parameters): Clock {
  const byKey = new Map<TermKey, Parameters['terms']>();
  for (const term of parameters.terms) byKey.set(term.key, [...(byKey.get(term.key) ?? []), term]);
  for (const versions of byKey.values()) versions.sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  return {
    today: parameters.today,
    calendar: { holidays: new Set(parameters.daysOff.map((d) => d.date)), moveEndOffDays: parameters.options.moveEndOffDays },
    termAt: (key, onDate) => {
      const versions = byKey.get(key) ?? [];
      const inForce = [...versions].reverse().find((v) => v.validFrom <= onDate) ?? versions[0];
      if (!inForce) throw new Error(`no term ${key}`);
      return inForce;
    },
  };
}

/** The deciding body in force on a date (a dated setting): the one a file forwarded that day goes to. */
export function decidingBodyOn(parameters: Parameters, date: string): string | null {
  const inForce = [...parameters.decidingBodies].sort((a, b) => a.validFrom.localeCompare(b.validFrom)).filter((b) => b.validFrom <= date);
  return inForce.at(-1)?.name ?? null;
}

/** The subsistence minimum of a category in force on a date, in kopiyky. */
export function minimumOn(parameters: Parameters, category: string, date: string): number | null {
  const inForce = parameters.minimums.filter((m) => m.category === category && m.validFrom <= date).sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  return inForce.at(-1)?.amountKop ?? null;
}
