import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { searchName } from '../../../shared/domain/territories';
import { IMPORT_FIELDS, SHEET_MAX_ROWS, type ImportField, type ImportMapping, type Sheet } from '../../../shared/domain/trainings';
import { invalid } from './trainings.repository';

/**
 * A sign-in sheet as text cells: the first worksheet of an XLSX, or a CSV in UTF-8 or Windows-1251 with whatever
 * delimiter the office's spreadsheet wrote. Nothing here knows participants; the mapping is only a guess the user
 * corrects.
 */

type Cells = { row: number; cells: string[] }[];

const pad = (n: number) => String(n).padStart(2, '0');

/** The widest sheet the column mapping can point into; a stray value far to the right is not a column of the list. */
const MAX_COLUMNS = 200;

/**
 * A cell as one line: Alt+Enter breaks, tabs and control or bidirectional characters become spaces, runs of spaces
 * one. The import's fields are single-line text, and a line break inside «Управління…⏎…ради» is layout, not data.
 */
function oneLine(text: string): string {
  return text
    .replace(/[\p{Cc}\u202A-\u202E\u2066-\u2069]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** One cell as the person reading the sheet sees it: a date as ДД.ММ.РРРР, a formula as its result, rich text as its text. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return `${pad(value.getUTCDate())}.${pad(value.getUTCMonth() + 1)}.${value.getUTCFullYear()}`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return value;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
  if ('text' in value) return String((value as { text: unknown }).text);
  if ('error' in value) return '';
  return '';
}

async function xlsxRows(bytes: Buffer): Promise<Cells> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    invalid('fileName', 'sheetUnreadable', 'sheet_unreadable');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) invalid('fileName', 'sheetEmpty', 'sheet_empty');
  const out: Cells = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    // exceljs numbers cells from 1 and leaves holes for empty ones.
    const values = (row.values as ExcelJS.CellValue[]).slice(1);
    out.push({
      row: number,
      cells: Array.from({ length: Math.min(values.length, MAX_COLUMNS) }, (_, i) => oneLine(cellText(values[i] ?? null))),
    });
  });
  return out;
}

/** UTF-8 when the bytes are valid UTF-8; otherwise Windows-1251, what Excel in Ukraine saves a CSV in. */
export function decodeText(bytes: Buffer): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1251').decode(bytes);
  }
  return text.replace(/^\uFEFF/, '');
}

/**
 * The delimiter that splits the first lines into the same number (more than one) of columns: «;» (what Excel writes
 * where the comma is the decimal sign), tab, then «,». A header such as «Прізвище, ім’я, по батькові;Посада, звання»
 * holds more commas than semicolons, so counting one line is not enough; papaparse's own guess is misled by rows of
 * empty cells.
 */
function delimiterOf(text: string): string {
  const lines = text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .slice(0, 10);
  const widths = (d: string) => lines.map((line) => line.replace(/"[^"]*"/g, '').split(d).length);
  const consistent = [';', '\t', ','].find((d) => {
    const w = widths(d);
    return w[0]! > 1 && w.every((n) => n === w[0]);
  });
  if (consistent) return consistent;
  const most = [';', '\t', ','].map((d) => [d, widths(d)[0] ?? 1] as const).reduce((a, b) => (b[1] > a[1] ? b : a));
  return most[1] > 1 ? most[0] : ';';
}

function csvRows(bytes: Buffer): Cells {
  const text = decodeText(bytes);
  const parsed = Papa.parse<string[]>(text, { delimiter: delimiterOf(text), skipEmptyLines: false });
  // A quote opened and never closed swallows every row after it into one cell: refused, not read as one odd row.
  if (parsed.errors.some((e) => e.type === 'Quotes')) invalid('fileName', 'sheetUnreadable', 'sheet_unreadable');
  if (parsed.data.length === 0) invalid('fileName', 'sheetEmpty', 'sheet_empty');
  return parsed.data.map((cells, i) => ({
    row: i + 1,
    cells: cells.slice(0, MAX_COLUMNS).map((c) => oneLine(String(c ?? ''))),
  }));
}

/** Header words of each field, in the forms people type them (compared as searchName makes them). */
const HEADER_WORDS: [ImportField, string[]][] = [
  ['fullName', ['піб', 'п.і.б', 'п. і. б', 'прізвище, імʼя', 'прізвище імʼя', 'прізвище та імʼя', 'full name', 'fullname']],
  ['patronymic', ['по батькові', 'по-батькові', 'patronymic', 'middle name']],
  ['surname', ['прізвище', 'surname', 'last name', 'family name']],
  ['organisation', ['організація', 'організації', 'установа', 'місце роботи', 'заклад', 'organisation', 'organization', 'institution', 'employer']],
  ['territory', ['громада', 'територія', 'населений пункт', 'катоттг', 'hromada', 'community', 'territory', 'settlement', 'locality']],
  ['position', ['посада', 'position', 'job title']],
  ['hours', ['годин', 'години', 'hours']],
  ['attendance', ['присутність', 'відвідування', 'присутній', 'attendance', 'presence']],
  ['name', ['імʼя', 'імя', 'first name', 'given name', 'name']],
];

/** Each field from the first column whose title holds one of its words; a column serves one field at most. */
export function guessMapping(headers: string[]): ImportMapping {
  const mapping: ImportMapping = {};
  const used = new Set<number>();
  for (const [field, words] of HEADER_WORDS) {
    const forms = words.map(searchName);
    const index = headers.findIndex((h, i) => !used.has(i) && forms.some((w) => searchName(h).includes(w)));
    if (index >= 0) {
      mapping[field] = index;
      used.add(index);
    }
  }
  // A sheet with one name column titled only «Прізвище, ім’я, по батькові» reads as the full name, not as three fields.
  if (mapping.fullName !== undefined) {
    delete mapping.surname;
    delete mapping.name;
    delete mapping.patronymic;
  }
  return Object.fromEntries(IMPORT_FIELDS.filter((f) => mapping[f] !== undefined).map((f) => [f, mapping[f]])) as ImportMapping;
}

/**
 * The sheet's header (the first row naming two fields, or the first that is not empty) and the rows below it, each with its row number in the sheet,
 * empty rows left out. An unreadable file, one without rows, or one longer than SHEET_MAX_ROWS is refused.
 */
export async function readSheet(fileName: string, base64: string): Promise<Sheet> {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0) invalid('fileName', 'sheetEmpty', 'sheet_empty');
  const all = /\.xlsx$/i.test(fileName) ? await xlsxRows(bytes) : csvRows(bytes);
  const filled = all.filter((r) => r.cells.some((c) => c !== ''));
  // A title block («ЛИСТ РЕЄСТРАЦІЇ…», the date, the place) often stands above the table: the header is the first row
  // naming two fields or more, else the first row with anything in it.
  const at = Math.max(0, filled.findIndex((r) => Object.keys(guessMapping(r.cells)).length >= 2));
  const [header, ...rows] = filled.slice(at);
  if (!header || rows.length === 0) invalid('fileName', 'sheetEmpty', 'sheet_empty');
  if (rows.length > SHEET_MAX_ROWS) invalid('fileName', 'sheetTooLong', 'sheet_too_long');
  const width = Math.max(header.cells.length, ...rows.map((r) => r.cells.length));
  const widen = (cells: string[]) => Array.from({ length: width }, (_, i) => cells[i] ?? '');
  const headers = widen(header.cells);
  return {
    headers,
    rows: rows.map((r) => ({ row: r.row, cells: widen(r.cells) })),
    mapping: guessMapping(headers),
  };
}
