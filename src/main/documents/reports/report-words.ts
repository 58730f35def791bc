import { COMPARISONS, DEFAULT_THRESHOLD, type Comparison, type Report, type ReportSection, type ReportTable, type Unit } from '../../../shared/reports/report';
import { SECONDARY_LABEL, TOTAL, isSuppressed, publishedCellsOf, positionKey, type PublishedCell, type PublishedTable } from '../../../shared/reports/tables';
import { formatDate, formatKyivDate } from '../minutes/format';

/**
 * The words every output of a report shares (CSV code book, workbook, DOCX): how a period, a profile, a code, a
 * hidden cell and a total read, and which totals a reader is shown. One place, so the three files never disagree
 * about what «<5» or «x» means or what a code is called.
 */

export const SECTION_WORDS: Record<ReportSection, { uk: string; en: string }> = {
  status: { uk: 'Статус', en: 'Status' },
  aid: { uk: 'Допомога', en: 'Assistance' },
  referrals: { uk: 'Перенаправлення', en: 'Referrals' },
  meetings: { uk: 'Засідання', en: 'Meetings' },
  assignments: { uk: 'Доручення', en: 'Assignments' },
  trainings: { uk: 'Навчання', en: 'Trainings' },
  prevention: { uk: 'Профілактика', en: 'Prevention' },
  coverage: { uk: 'Охоплення', en: 'Coverage' },
};

export const UNIT_WORDS: Record<Unit, { uk: string; en: string }> = {
  persons: { uk: 'осіб', en: 'persons' },
  applications: { uk: 'заяв', en: 'applications' },
  decisions: { uk: 'рішень', en: 'decisions' },
  payments: { uk: 'виплат', en: 'payments' },
  kop: { uk: 'копійок', en: 'kopecks' },
  referrals: { uk: 'перенаправлень', en: 'referrals' },
  mentions: { uk: 'згадок (особу враховано в кожній названій країні)', en: 'mentions (a person counts in each country named)' },
  meetings: { uk: 'засідань чи рішень', en: 'meetings or decisions' },
  assignments: { uk: 'доручень', en: 'assignments' },
  events: { uk: 'заходів', en: 'events' },
  hromadas: { uk: 'громад', en: 'hromadas' },
};

export const COMPARISON_WORDS: Record<Comparison, { uk: string; en: string }> = {
  current: { uk: 'звітний період', en: 'the period reported' },
  previous: { uk: 'попередній період', en: 'the period before' },
  yearEarlier: { uk: 'той самий період роком раніше', en: 'the same period a year earlier' },
};

export const TOTAL_WORDS = { uk: 'Усього', en: 'Total' };

const ROMAN = ['I', 'II', 'III', 'IV'];

type ReportPeriod = Report['period'];

/** «III квартал 2026 року», «I півріччя 2026 року», «2026 рік», «з 01.02.2026 по 15.05.2026». */
export function periodWords(period: ReportPeriod): string {
  const year = period.from.slice(0, 4);
  if (period.kind === 'quarter') return `${ROMAN[Number(period.id.slice(-1)) - 1]} квартал ${year} року`;
  if (period.kind === 'half') return `${ROMAN[Number(period.id.slice(-1)) - 1]} півріччя ${year} року`;
  if (period.kind === 'year') return `${year} рік`;
  return dateRangeWords(period);
}

export const dateRangeWords = (period: { from: string; to: string }): string => `з ${formatDate(period.from)} по ${formatDate(period.to)}`;

/** The k a report's `<k` stands for: the publication's, else the default (a ministry report shows none). */
export const thresholdOf = (report: Report): number => report.threshold ?? DEFAULT_THRESHOLD;

export function profileWords(report: Report): string {
  if (report.profile === 'ministry') return 'Для Міністерства соціальної політики: точні значення, без приховування';
  return `Для оприлюднення: значення від 1 до ${thresholdOf(report) - 1} приховано (поріг k = ${thresholdOf(report)}), а також значення, з яких їх можна було б обчислити`;
}

/** What a hidden cell's label means, as a sentence for a legend or a code book. */
export function flagWords(label: string): { uk: string; en: string } {
  if (label === SECONDARY_LABEL) {
    return {
      uk: 'не оприлюднюється: приховано, щоб інше приховане значення не можна було обчислити з сум',
      en: 'withheld so that another hidden figure cannot be worked out from the totals',
    };
  }
  const k = /^<(\d+)$/.exec(label)?.[1];
  if (k) return { uk: `менше ${k}: значення від 1 до ${Number(k) - 1}, приховано`, en: `fewer than ${k}: a figure from 1 to ${Number(k) - 1}, withheld` };
  return { uk: 'приховано', en: 'withheld' };
}

/** How a hidden figure reads inside a sentence: «менше 5», «не оприлюднюється». */
export function hiddenWords(label: string): string {
  const k = /^<(\d+)$/.exec(label)?.[1];
  return k ? `менше ${k}` : 'не оприлюднюється';
}

/**
 * The words of a code in the list the report carries; the code itself when the list does not name it. The list id
 * `list` names the code lists themselves (their titles).
 */
export function codeWordsOf(report: Report): (listId: string | null, code: string, language?: 'uk' | 'en') => string {
  const lists = new Map(report.codeLists.map((l) => [l.id, new Map(l.codes.map((c) => [c.code, c]))]));
  const titles = new Map(report.codeLists.map((l) => [l.id, l.title]));
  return (listId, code, language = 'uk') => {
    if (listId === 'list') return titles.get(code)?.[language] ?? code;
    if (code === TOTAL) return TOTAL_WORDS[language];
    const words = listId ? lists.get(listId)?.get(code) : undefined;
    return words ? words[language] || code : code;
  };
}

/**
 * Which positions of a table a reader is shown, by its `totals`: every inner cell; the row of column totals for
 * `columns`; all margins for `all`. A list's cells are its row totals, so they are always shown, and its grand
 * total only when totals are.
 */
export function shownPositions(table: Pick<ReportTable, 'totals'>, published: PublishedTable): [row: string, column: string][] {
  const out: [string, string][] = [];
  const totals = table.totals;
  if (!published.columns) {
    for (const r of published.rows) out.push([r, TOTAL]);
    if (totals !== 'none') out.push([TOTAL, TOTAL]);
    return out;
  }
  for (const r of published.rows) {
    for (const c of published.columns) out.push([r, c]);
    if (totals === 'all') out.push([r, TOTAL]);
  }
  if (totals !== 'none') {
    for (const c of published.columns) out.push([TOTAL, c]);
    if (totals === 'all') out.push([TOTAL, TOTAL]);
  }
  return out;
}

/** A cell by position; a missing one reads as 0, as the tables module lays them out. */
export function cellAt(published: PublishedTable, row: string, column: string): PublishedCell {
  return publishedCellsOf(published).get(positionKey(row, column)) ?? 0;
}

const GROUPED = new Intl.NumberFormat('uk-UA', { useGrouping: true, maximumFractionDigits: 0 });

/** A figure as printed: grouped digits («1 234»), or the hidden cell's label. */
export function cellText(cell: PublishedCell): string {
  return isSuppressed(cell) ? cell.label : GROUPED.format(cell);
}

/** The moment of computation as people read it: Kyiv date and time. */
export function computedAtWords(instant: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  const time = new Intl.DateTimeFormat('uk-UA', { timeZone: 'Europe/Kyiv', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
  return `${formatKyivDate(instant)} ${time} (за київським часом)`;
}

/** The labels that actually occur in a report, so a legend explains each one a reader can meet. */
export function labelsOf(report: Report): string[] {
  const labels = new Set<string>();
  for (const t of report.tables) {
    for (const p of [t.current, t.previous, t.yearEarlier]) {
      for (const cell of publishedCellsOf(p).values()) if (isSuppressed(cell)) labels.add(cell.label);
    }
  }
  return [...labels].sort();
}

/** The code book's labels: `<k` and `x` always (a program reading any release should know them), plus any other that occurs. */
export function legendLabels(report: Report): string[] {
  const standard = [`<${thresholdOf(report)}`, SECONDARY_LABEL];
  return [...standard, ...labelsOf(report).filter((l) => !standard.includes(l))];
}

/** The labels a printed legend explains: a publication's `<k` and `x`; for an exact report only what occurs (nothing). */
export const printedLegend = (report: Report): string[] => (report.profile === 'publication' ? legendLabels(report) : labelsOf(report));

/** The comparisons of a table with a period of their own: a year's period before is its year earlier, shown once. */
export function distinctComparisons(table: Pick<ReportTable, Comparison>): Comparison[] {
  const seen = new Set<string>();
  return COMPARISONS.filter((c) => {
    const id = table[c].period.id;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
