import { EXPLOITATION_FORM_SETS, FORMS_VERSIONS, UKRAINE, type FormsVersion } from '../../../shared/domain/case-codes';
import { previousPeriod, yearEarlier, type PeriodKind } from '../../../shared/reports/periods';
import { REPORT_FORMAT, type CodeList, type ExactReport, type ExactTable } from '../../../shared/reports/report';
import {
  RAION_UNKNOWN,
  REPORT_TABLES,
  countryCodeList,
  fixedCodeList,
  formsCodeList,
  raionCodeList,
  type TableDefinition,
} from '../../../shared/reports/report-catalogue';
import type { CountTable, Period } from '../../../shared/reports/tables';
import type { Db } from '../../store/connection';
import { getSetting } from '../../store/settings';
import { REPORT_SQL, auditHead, periodFigures, type Cell, type PeriodFigures } from './report-figures';

/**
 * The exact report of a period: its counts, the period before and a year earlier, over the code lists in force. The
 * forms of exploitation are counted with the list in force at the period's end; a case recorded with another version
 * keeps a form both lists have and is «other» for one the list lacks; a case with several forms is «mixed», as the
 * Ministry's statistics count it (domain.md §8), so the table adds up to the persons granted status.
 */

type ReportPeriod = Period & { kind: PeriodKind };

/** The version of the forms list in force on a day: the newest one whose year has begun. */
export function formsVersionOn(date: string): FormsVersion {
  const year = Number(date.slice(0, 4));
  const started = FORMS_VERSIONS.filter((v) => Number(v) <= year).sort();
  return started.at(-1) ?? FORMS_VERSIONS.slice().sort()[0]!;
}

/** A case's forms as the list `version` names them: one form, «mixed» for several, «other» for none it knows. */
export function formUnder(version: FormsVersion, forms: readonly string[]): string {
  const list = EXPLOITATION_FORM_SETS[version] as readonly string[];
  const mapped = [...new Set(forms.map((f) => (list.includes(f) ? f : 'other')))];
  if (mapped.length === 0) return 'other';
  if (mapped.length === 1) return mapped[0]!;
  return 'mixed';
}

export interface ComputeInput {
  period: ReportPeriod;
  now: Date;
  softwareVersion: string;
}

export function computeReport(db: Db, input: ComputeInput): ExactReport {
  const oblastCode = getSetting(db, 'territoryOptions').oblast;
  const oblastName = (db.prepare('SELECT name FROM territories WHERE code = ?').pluck().get(oblastCode) as string | undefined) ?? oblastCode;
  const periods = { current: input.period, previous: previousPeriod(input.period), yearEarlier: yearEarlier(input.period) };
  const head = auditHead(db);
  const figures = {
    current: periodFigures(db, periods.current, oblastCode),
    previous: periodFigures(db, periods.previous, oblastCode),
    yearEarlier: periods.yearEarlier.id === periods.previous.id ? undefined : periodFigures(db, periods.yearEarlier, oblastCode),
  };
  const all = [figures.current, figures.previous, ...(figures.yearEarlier ? [figures.yearEarlier] : [])];

  const formsVersion = formsVersionOn(input.period.to);
  const codesIn = (pick: (f: PeriodFigures) => Cell[]): string[] => [UKRAINE, ...[...new Set(all.flatMap((f) => pick(f).map((c) => c.row)))].filter((c) => c !== UKRAINE).sort()];
  const raions = (db.prepare(REPORT_SQL.raions).all({ oblast: oblastCode }) as { code: string; name: string }[]).sort((a, b) => a.name.localeCompare(b.name, 'uk'));
  const edition = getSetting(db, 'territoryEdition')?.edition ?? '';
  const codeLists: CodeList[] = [
    ...['sex_age', 'decision_outcome', 'aid_category', 'service', 'referral_result', 'organisation_type', 'meeting_measure', 'assignment_measure', 'coverage_measure', 'training_kind', 'prevention_kind', 'target_group'].map(fixedCodeList),
    formsCodeList(formsVersion),
    countryCodeList('countries', codesIn((f) => f.grantedCountries)),
    countryCodeList('citizenship', codesIn((f) => f.grantedCitizenship)),
    raionCodeList(edition, raions),
  ];
  const codes = (id: string): string[] => codeLists.find((l) => l.id === id)!.codes.map((c) => c.code);
  const raionCodes = new Set(raions.map((r) => r.code));

  // Which figures feed which table, and how a figure's codes land on the table's rows and columns.
  const source: Record<string, (f: PeriodFigures) => Cell[]> = {
    'status.applications': (f) => f.applications,
    'status.decisions': (f) => f.decisions,
    'status.pending': (f) => f.pending,
    'status.forms': (f) => f.grantedForms.map((g) => ({ row: formUnder(formsVersion, g.forms), column: '*', n: g.n })),
    'status.countries': (f) => f.grantedCountries,
    'status.citizenship': (f) => f.grantedCitizenship,
    'aid.payments': (f) => f.aidPayments,
    'aid.amounts': (f) => f.aidAmounts,
    'referrals.outcomes': (f) => f.referralResults,
    'referrals.recipients': (f) => f.referralRecipients,
    'meetings.summary': (f) => f.meetings,
    'assignments.summary': (f) => f.assignments,
    'trainings.events': (f) => f.trainingEvents,
    'trainings.people': (f) => f.trainedPeople.map((c) => ({ ...c, column: raionCodes.has(c.column) ? c.column : RAION_UNKNOWN })),
    'prevention.events': (f) => f.preventionEvents,
    'prevention.reach': (f) => f.preventionReach,
    'coverage.hromadas': (f) => f.coverage,
  };
  const rowsOf = (d: TableDefinition): string[] => (d.name === 'coverage.hromadas' ? raions.map((r) => r.code) : codes(d.rowList));

  const tableOf = (d: TableDefinition, period: Period, cells: Cell[]): CountTable => {
    const rows = rowsOf(d);
    const columns = d.columnList ? codes(d.columnList) : null;
    const at = new Map<string, number>();
    for (const c of cells) {
      const key = `${c.row}\u0000${columns ? c.column : '*'}`;
      at.set(key, (at.get(key) ?? 0) + c.n);
    }
    const known = new Set(rows.flatMap((r) => (columns ?? ['*']).map((c) => `${r}\u0000${c}`)));
    for (const [key, n] of at) if (n > 0 && !known.has(key)) throw new Error(`${d.name}: a count outside its code lists (${key.replace('\u0000', ' × ')})`);
    const p = { id: period.id, from: period.from, to: period.to };
    const count = (r: string, c: string): number => at.get(`${r}\u0000${c}`) ?? 0;
    return columns
      ? { name: d.name, period: p, additive: d.additive, rows, columns, counts: rows.map((r) => columns.map((c) => count(r, c))) }
      : { name: d.name, period: p, additive: d.additive, rows, counts: rows.map((r) => count(r, '*')) };
  };

  const tables: ExactTable[] = REPORT_TABLES.filter((d) => d.name !== 'coverage.hromadas' || raions.length > 0).map((d) => {
    const pick = source[d.name]!;
    const current = tableOf(d, periods.current, pick(figures.current));
    const previous = tableOf(d, periods.previous, pick(figures.previous));
    return { name: d.name, current, previous, yearEarlier: figures.yearEarlier ? tableOf(d, periods.yearEarlier, pick(figures.yearEarlier)) : previous };
  });

  return {
    format: REPORT_FORMAT,
    oblast: { code: oblastCode, name: oblastName },
    period: periods.current,
    previous: periods.previous,
    yearEarlier: periods.yearEarlier,
    computedAt: input.now.toISOString(),
    softwareVersion: input.softwareVersion,
    data: head,
    codeLists,
    tables,
  };
}
