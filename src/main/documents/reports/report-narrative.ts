import type { Report, ReportSection, ReportTable } from '../../../shared/reports/report';
import { TOTAL, isSuppressed, type PublishedCell } from '../../../shared/reports/tables';
import { plural } from '../minutes/format';
import { cellAt, cellText, hiddenWords } from './report-words';

/**
 * The sentences the DOCX opens each section with: the key figure of the period in words with its comparison, so
 * the office has a draft to edit rather than a blank page. A figure the profile hides reads «менше 5» or «не
 * оприлюднюється», never as a number; the words agree with the number (1 заяву, 2 заяви, 5 заяв).
 */

interface Noun {
  one: string;
  few: string;
  many: string;
}

interface Figure {
  table: string;
  row: string;
  column: string;
  /** The sentence up to the number: «За період подано». */
  lead: string;
  noun: Noun;
  /** The sentence when the figure is withheld: «Кількість поданих заяв». */
  hidden: string;
  /** Amounts in kopecks read as hryvnias. */
  money?: boolean;
}

const n = (one: string, few: string, many: string): Noun => ({ one, few, many });

const FIGURES: Record<ReportSection, Figure[]> = {
  status: [
    { table: 'status.applications', row: TOTAL, column: TOTAL, lead: 'За період подано', noun: n('заяву', 'заяви', 'заяв'), hidden: 'Кількість поданих заяв' },
    { table: 'status.decisions', row: TOTAL, column: TOTAL, lead: 'Ухвалено', noun: n('рішення', 'рішення', 'рішень'), hidden: 'Кількість ухвалених рішень' },
    { table: 'status.decisions', row: 'granted', column: TOTAL, lead: 'Статус особи, яка постраждала від торгівлі людьми, встановлено', noun: n('особі', 'особам', 'особам'), hidden: 'Кількість осіб, яким встановлено статус,' },
    { table: 'status.pending', row: TOTAL, column: TOTAL, lead: 'На кінець періоду без остаточного рішення —', noun: n('заява', 'заяви', 'заяв'), hidden: 'Кількість заяв без остаточного рішення' },
  ],
  aid: [
    { table: 'aid.payments', row: TOTAL, column: TOTAL, lead: 'Здійснено', noun: n('виплату одноразової матеріальної допомоги', 'виплати одноразової матеріальної допомоги', 'виплат одноразової матеріальної допомоги'), hidden: 'Кількість виплат одноразової матеріальної допомоги' },
    { table: 'aid.amounts', row: TOTAL, column: TOTAL, lead: 'Загальна сума виплат —', noun: n('', '', ''), hidden: 'Сума виплат', money: true },
  ],
  referrals: [
    { table: 'referrals.outcomes', row: TOTAL, column: TOTAL, lead: 'Надіслано', noun: n('перенаправлення', 'перенаправлення', 'перенаправлень'), hidden: 'Кількість надісланих перенаправлень' },
    { table: 'referrals.outcomes', row: TOTAL, column: 'received_full', lead: 'Допомогу отримано повністю за', noun: n('перенаправленням', 'перенаправленнями', 'перенаправленнями'), hidden: 'Кількість перенаправлень, за якими допомогу отримано повністю,' },
  ],
  meetings: [
    { table: 'meetings.summary', row: 'meetings_held', column: TOTAL, lead: 'Проведено', noun: n('засідання', 'засідання', 'засідань'), hidden: 'Кількість засідань' },
    { table: 'meetings.summary', row: 'decisions_taken', column: TOTAL, lead: 'На засіданнях ухвалено', noun: n('рішення', 'рішення', 'рішень'), hidden: 'Кількість рішень' },
  ],
  assignments: [
    { table: 'assignments.summary', row: 'given', column: TOTAL, lead: 'Надано', noun: n('доручення', 'доручення', 'доручень'), hidden: 'Кількість наданих доручень' },
    { table: 'assignments.summary', row: 'done', column: TOTAL, lead: 'Виконано', noun: n('доручення', 'доручення', 'доручень'), hidden: 'Кількість виконаних доручень' },
    { table: 'assignments.summary', row: 'overdue_at_end', column: TOTAL, lead: 'На кінець періоду прострочено', noun: n('доручення', 'доручення', 'доручень'), hidden: 'Кількість прострочених доручень' },
  ],
  trainings: [
    { table: 'trainings.events', row: TOTAL, column: TOTAL, lead: 'Проведено', noun: n('навчальний захід', 'навчальні заходи', 'навчальних заходів'), hidden: 'Кількість навчальних заходів' },
    { table: 'trainings.people', row: TOTAL, column: TOTAL, lead: 'Навчено', noun: n('особу', 'особи', 'осіб'), hidden: 'Кількість навчених осіб' },
  ],
  prevention: [
    { table: 'prevention.events', row: TOTAL, column: TOTAL, lead: 'Проведено', noun: n('профілактичний захід', 'профілактичні заходи', 'профілактичних заходів'), hidden: 'Кількість профілактичних заходів' },
    { table: 'prevention.reach', row: TOTAL, column: TOTAL, lead: 'Ними охоплено', noun: n('особу', 'особи', 'осіб'), hidden: 'Кількість охоплених осіб' },
  ],
  coverage: [
    { table: 'coverage.hromadas', row: TOTAL, column: 'hromadas', lead: 'В області', noun: n('територіальна громада', 'територіальні громади', 'територіальних громад'), hidden: 'Кількість громад' },
    { table: 'coverage.hromadas', row: TOTAL, column: 'reached_by_training', lead: 'Навчанням за період охоплено', noun: n('громаду', 'громади', 'громад'), hidden: 'Кількість громад, охоплених навчанням,' },
    { table: 'coverage.hromadas', row: TOTAL, column: 'reached_by_event', lead: 'Профілактичними заходами охоплено', noun: n('громаду', 'громади', 'громад'), hidden: 'Кількість громад, охоплених профілактичними заходами,' },
    { table: 'coverage.hromadas', row: TOTAL, column: 'not_reached', lead: 'Не охоплено нічим', noun: n('громаду', 'громади', 'громад'), hidden: 'Кількість не охоплених громад' },
  ],
};

const HRYVNIAS = new Intl.NumberFormat('uk-UA', { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: true });

/** An amount in kopecks as «12 345,00 грн». */
export const hryvnias = (kop: number): string => `${HRYVNIAS.format(kop / 100)} грн`;

/** «12 заяв», «1 заяву», «менше 5 заяв»: the figure with its noun in agreement; null when it is withheld outright. */
export function figureWords(cell: PublishedCell, noun: Noun, money = false): string | null {
  if (isSuppressed(cell)) {
    const k = /^<(\d+)$/.exec(cell.label)?.[1];
    if (!k) return null;
    return money ? `менше ${hryvnias(Number(k) * 100)}` : `менше ${k} ${noun.many}`.trim();
  }
  if (money) return hryvnias(cell);
  return `${cellText(cell)} ${plural(cell, noun.one, noun.few, noun.many)}`.trim();
}

const comparedValue = (cell: PublishedCell, money: boolean): string => (isSuppressed(cell) ? hiddenWords(cell.label) : money ? hryvnias(cell) : cellText(cell));

/** «(попередній період — 9, той самий період роком раніше — 7)»; a year's period before is its year earlier: «(попередній рік — 9)». */
export function comparisonWords(table: ReportTable, row: string, column: string, money = false): string {
  const previous = comparedValue(cellAt(table.previous, row, column), money);
  if (table.previous.period.id === table.yearEarlier.period.id) return `(попередній рік — ${previous})`;
  const earlier = comparedValue(cellAt(table.yearEarlier, row, column), money);
  return `(попередній період — ${previous}, той самий період роком раніше — ${earlier})`;
}

function sentence(table: ReportTable, f: Figure): string | null {
  const present = table.current.rows.includes(f.row) || f.row === TOTAL;
  const hasColumn = f.column === TOTAL || (table.current.columns ?? []).includes(f.column);
  if (!present || !hasColumn) return null;
  const cell = cellAt(table.current, f.row, f.column);
  const compared = comparisonWords(table, f.row, f.column, f.money);
  const figure = figureWords(cell, f.noun, f.money);
  return figure === null ? `${f.hidden} не оприлюднюється ${compared}.` : `${f.lead} ${figure} ${compared}.`;
}

/** The section's sentences, each with its comparison; a table the report lacks gives none. */
export function sectionSentences(report: Report, section: ReportSection): string[] {
  const out: string[] = [];
  for (const f of FIGURES[section]) {
    const table = report.tables.find((t) => t.name === f.table);
    const text = table ? sentence(table, f) : null;
    if (text) out.push(text);
  }
  return out;
}
