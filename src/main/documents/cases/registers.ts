import type { Case, Step } from '../../../shared/domain/cases';
import { p, type Block, type GridColumn } from '../minutes/minutes.model';
import type { XlsxCell, XlsxSheet } from '../table/xlsx';
import { arrivalText, date, decisionText, lastStep, STATUS, stepsAfter } from './case-words';
import { typographic } from '../minutes/format';
import { polish } from './letter';

export type RegisterBook = 'applications' | 'certificates';

/** A case of the register with the person's name; null once the person was anonymised. */
export interface RegisterCase {
  card: Case;
  name: string | null;
}

/** What a register is made from: the cases (applications) or the certificate steps (certificates) of one year. */
export interface RegisterData {
  book: RegisterBook;
  year: number;
  body: string;
  cases: RegisterCase[];
}

interface Column<R> extends GridColumn {
  /** Excel's width in characters. */
  chars: number;
  value(row: R, index: number): XlsxCell;
}

interface CertificateRow {
  card: Case;
  name: string | null;
  certificate: Step;
}

const byNumber = (a: string, b: string) => a.localeCompare(b, 'uk', { numeric: true });
const dateCell = (iso: string | null | undefined): XlsxCell => (iso ? { date: iso } : null);
const ANONYMISED = 'персональні дані знеособлено';

function applicationNote(c: RegisterCase): string {
  const { card } = c;
  const notes = [card.child ? 'дитина' : '', card.foreigner ? 'іноземець або особа без громадянства' : ''];
  if (card.state === 'granted' && card.validUntil) notes.push(`статус діє до ${date(card.validUntil)}`);
  if (card.state === 'ended') notes.push(`статус припинено${card.endedOn ? ` ${date(card.endedOn)}` : ''}`);
  const decision = lastStep(card, 'decision');
  if (decision && stepsAfter(card, decision).some((s) => s.kind === 'appeal')) notes.push('рішення оскаржено в суді');
  if (c.name === null) notes.push(ANONYMISED);
  return notes.filter(Boolean).join('; ');
}

const APPLICATION_COLUMNS: Column<RegisterCase>[] = [
  { title: '№ з/п', width: 5, chars: 7, align: 'center', value: (_r, i) => i + 1 },
  { title: 'Номер заяви', width: 9, chars: 12, align: 'center', value: (r) => r.card.fields.registrationNumber },
  { title: 'Дата реєстрації', width: 10, chars: 13, align: 'center', value: (r) => dateCell(r.card.fields.registrationDate) },
  { title: 'Код особи', width: 16, chars: 16, align: 'center', value: (r) => r.card.code },
  { title: 'Прізвище, ім’я, по батькові заявника', width: 18, chars: 32, value: (r) => r.name ?? '' },
  { title: 'Як особа звернулася', width: 12, chars: 28, value: (r) => arrivalText(r.card) },
  { title: 'Рішення', width: 14, chars: 34, value: (r) => (lastStep(r.card, 'decision') ? decisionText(lastStep(r.card, 'decision')!) : 'розглядається') },
  { title: 'Дата рішення', width: 10, chars: 13, align: 'center', value: (r) => dateCell(lastStep(r.card, 'decision')?.date) },
  { title: 'Примітка', width: 13, chars: 30, value: (r) => applicationNote(r) },
];

function certificateNote(r: CertificateRow): string {
  const later = stepsAfter(r.card, r.certificate);
  const notes = later.filter((s) => s.kind === 'extension').map((s) => (s.validUntil ? `продовжено до ${date(s.validUntil)}` : 'продовжено до усунення небезпеки'));
  const ended = later.find((s) => s.kind === 'ended');
  if (ended) notes.push(`статус припинено ${date(ended.date)}`);
  if (r.name === null) notes.push(ANONYMISED);
  return notes.join('; ');
}

/** The grant the certificate was issued on: the last decision before it. */
const grantOf = (r: CertificateRow): Step | null => [...r.card.steps.slice(0, r.card.steps.indexOf(r.certificate))].reverse().find((s) => s.kind === 'decision') ?? null;

const CERTIFICATE_COLUMNS: Column<CertificateRow>[] = [
  { title: '№ з/п', width: 5, chars: 7, align: 'center', value: (_r, i) => i + 1 },
  { title: 'Номер довідки', width: 8, chars: 12, align: 'center', value: (r) => r.certificate.number },
  { title: 'Дата видачі', width: 10, chars: 13, align: 'center', value: (r) => dateCell(r.certificate.date) },
  { title: 'Код особи', width: 16, chars: 16, align: 'center', value: (r) => r.card.code },
  { title: 'Прізвище, ім’я, по батькові', width: 18, chars: 32, value: (r) => r.name ?? '' },
  { title: 'Номер рішення', width: 10, chars: 12, align: 'center', value: (r) => grantOf(r)?.number ?? '' },
  { title: 'Дата рішення', width: 10, chars: 13, align: 'center', value: (r) => dateCell(grantOf(r)?.date) },
  { title: 'Статус діє до', width: 10, chars: 13, align: 'center', value: (r) => (r.certificate.validUntil ? { date: r.certificate.validUntil } : 'до усунення небезпеки') },
  { title: 'Підпис особи, яка отримала довідку', width: 12, chars: 18, value: () => '' },
  { title: 'Примітка', width: 11, chars: 26, value: (r) => certificateNote(r) },
];

const TITLES: Record<RegisterBook, { heading: string; sheet: string; stem: string }> = {
  applications: { heading: `реєстрації заяв про встановлення ${STATUS}`, sheet: 'Заяви', stem: 'zhurnal-zaiav' },
  certificates: { heading: `реєстрації видачі довідок про встановлення ${STATUS}`, sheet: 'Довідки', stem: 'zhurnal-dovidok' },
};

export const registerStem = (book: RegisterBook, year: number): string => `${TITLES[book].stem}-${year}`;
export const registerTitle = (book: RegisterBook, year: number): string => `Журнал ${TITLES[book].heading} за ${year} рік`;

/** The certificates issued in the year, by date and number; each case may have issued more than one. */
function certificateRows(data: RegisterData): CertificateRow[] {
  return data.cases
    .flatMap((c) => c.card.steps.filter((s) => s.kind === 'certificate' && s.date.startsWith(`${data.year}-`)).map((certificate) => ({ ...c, certificate })))
    .sort((a, b) => (a.certificate.date === b.certificate.date ? byNumber(a.certificate.number, b.certificate.number) : a.certificate.date < b.certificate.date ? -1 : 1));
}

function applicationRows(data: RegisterData): RegisterCase[] {
  return [...data.cases].sort((a, b) =>
    a.card.fields.registrationDate === b.card.fields.registrationDate
      ? byNumber(a.card.fields.registrationNumber, b.card.fields.registrationNumber)
      : a.card.fields.registrationDate < b.card.fields.registrationDate
        ? -1
        : 1,
  );
}

type Head = Omit<Column<unknown>, 'value'>;

function shape<R>(columns: Column<R>[], rows: R[]): { heads: Head[]; rows: XlsxCell[][] } {
  return {
    heads: columns.map(({ value: _value, ...head }) => head),
    rows: rows.map((r, i) => columns.map((c) => c.value(r, i)).map((v) => (typeof v === 'string' ? typographic(v) : v))),
  };
}

/** The register's columns and rows in one shape, so the DOCX, the print page and the workbook cannot disagree. */
function table(data: RegisterData): { heads: Head[]; rows: XlsxCell[][] } {
  return data.book === 'applications' ? shape(APPLICATION_COLUMNS, applicationRows(data)) : shape(CERTIFICATE_COLUMNS, certificateRows(data));
}

const cellText = (v: XlsxCell): string => (v === null ? '' : typeof v === 'object' ? date(v.date) : String(v));

/** The register as a landscape page: title, then the table with its numbered columns. */
export function registerBlocks(data: RegisterData): Block[] {
  const { heads, rows } = table(data);
  return polish([
    p([{ text: data.body.toLocaleUpperCase('uk'), bold: true }], { align: 'center' }),
    p([{ text: 'ЖУРНАЛ', bold: true }], { align: 'center', gap: true }),
    p([{ text: TITLES[data.book].heading, bold: true }], { align: 'center' }),
    p(`за ${data.year} рік`, { align: 'center', gap: false, smallGap: true }),
    p('', { gap: true }),
    { t: 'grid', small: true, numbered: true, columns: heads.map(({ title, width, align }) => ({ title, width, align })), rows: rows.map((r) => r.map(cellText)) },
    ...(rows.length === 0 ? [p('Записів за рік немає.', { align: 'center' })] : []),
  ]);
}

/** The register as a workbook: one header row, dates as dates. */
export function registerSheet(data: RegisterData): XlsxSheet {
  const { heads, rows } = table(data);
  return {
    name: `${TITLES[data.book].sheet} ${data.year}`,
    title: registerTitle(data.book, data.year),
    columns: heads.map((c) => ({ title: c.title, width: c.chars })),
    rows,
  };
}

/** Whose names the register holds: one read of personal data each. */
export function registerPersons(data: RegisterData): string[] {
  const listed: RegisterCase[] = data.book === 'applications' ? applicationRows(data) : certificateRows(data);
  return [...new Set(listed.filter((c) => c.name !== null).map((c) => c.card.personId))];
}
