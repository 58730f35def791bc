import type { ImportField, ImportMapping, ImportRow, Sheet } from '../../../../shared/domain/trainings';

/** What the user changed in a row of the preview, by the sheet's row number; the sheet itself is never changed. */
export type RowEdits = Record<number, Partial<ImportRow>>;

const cell = (cells: string[], mapping: ImportMapping, field: ImportField): string => {
  const index = mapping[field];
  return index === undefined ? '' : (cells[index] ?? '').trim();
};

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
