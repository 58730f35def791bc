import type { ImportField, ImportMapping, ImportRow, Sheet } from '../../../../shared/domain/trainings';

/** What the user changed in a row of the preview, by the sheet's row number; the sheet itself is never changed. */
export type RowEdits = Record<number, Partial<ImportRow>>;

/** A cell as one line (the main process reads the sheet so already; a line break in a cell is layout, not data). */
const cell = (cells: string[], mapping: ImportMapping, field: ImportField): string => {
  const index = mapping[field];
  return index === undefined ? '' : (cells[index] ?? '').replace(/\s+/g, ' ').trim();
};

/** The longest text each field of a row takes (ImportRowSchema). */
const LIMITS = { surname: 100, name: 100, patronymic: 100, position: 300, organisation: 300, territory: 300, hours: 20, attendance: 40 } as const;

/** The fields of a row longer than the import takes: such a row is not sent to be checked until fixed or skipped. */
export function overLong(row: ImportRow): (keyof typeof LIMITS)[] {
  return (Object.keys(LIMITS) as (keyof typeof LIMITS)[]).filter((field) => (row[field] ?? '').length > LIMITS[field]);
}

/**
 * The rows as the main process is asked about them: a skipped row, or one too long to be read, travels as its number
 * only (the contract would refuse the whole sheet for one long cell).
 */
export function sendable(rows: ImportRow[]): ImportRow[] {
  return rows.map((r) => (r.skip || overLong(r).length > 0 ? { row: r.row, skip: true } : r));
}

/**
 * «Прізвище Ім’я По батькові» in one cell, as most sign-in sheets have it: the first word is the surname, the
 * second the name, the rest the patronymic (a double surname is written with a hyphen).
 */
export function splitFullName(text: string): {
  surname: string;
  name: string;
  patronymic: string;
} {
  const words = text.trim().split(/\s+/).filter(Boolean);
  return {
    surname: words[0] ?? '',
    name: words[1] ?? '',
    patronymic: words.slice(2).join(' '),
  };
}

/** The sheet's rows as the import reads them under the mapping, with the user's corrections on top. */
export function rowsFrom(sheet: Sheet, mapping: ImportMapping, edits: RowEdits): ImportRow[] {
  return sheet.rows.map(({ row, cells }) => {
    const whole = mapping.fullName !== undefined ? splitFullName(cell(cells, mapping, 'fullName')) : null;
    const base: ImportRow = {
      row,
      surname: cell(cells, mapping, 'surname') || whole?.surname || '',
      name: cell(cells, mapping, 'name') || whole?.name || '',
      patronymic: cell(cells, mapping, 'patronymic') || whole?.patronymic || '',
      position: cell(cells, mapping, 'position'),
      organisation: cell(cells, mapping, 'organisation'),
      organisationId: null,
      territory: cell(cells, mapping, 'territory'),
      territoryCode: null,
      hours: cell(cells, mapping, 'hours'),
      attendance: cell(cells, mapping, 'attendance'),
      match: null,
      skip: false,
    };
    return { ...base, ...edits[row] };
  });
}

/** A mapping the import can work with: the person's name (whole or in parts) and the organisation. */
export function mappingProblems(mapping: ImportMapping): ('name' | 'organisation')[] {
  const problems: ('name' | 'organisation')[] = [];
  if (mapping.fullName === undefined && (mapping.surname === undefined || mapping.name === undefined)) problems.push('name');
  if (mapping.organisation === undefined) problems.push('organisation');
  return problems;
}
