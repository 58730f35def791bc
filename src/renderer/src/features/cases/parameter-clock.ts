import { clockFrom, type Clock } from '../../../../shared/case-procedure';
import type { Parameters } from '../../../../shared/domain/parameters';

/**
 * The procedure's clock as the main process counts with it, so a form can show what a step will compute before it
 * is saved: a certificate's term, the latest end an extension may set. The main process computes again on save.
 */
export function clockOf(parameters: Parameters): Clock {
  return clockFrom(parameters.terms, parameters.daysOff, parameters.options.moveEndOffDays, parameters.today);
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
