import { TERRITORY_CATEGORIES, searchName, type CodifierIssue, type TerritoryCategory } from '../../../shared/domain/territories';

/** One unit of a codifier file, with the codes of the units above it as the file's level columns give them. */
export interface CodifierUnit {
  code: string;
  category: TerritoryCategory;
  name: string;
  searchName: string;
  parentCode: string | null;
  oblastCode: string | null;
  raionCode: string | null;
  hromadaCode: string | null;
}

export interface ParsedCodifier {
  units: CodifierUnit[];
  issues: CodifierIssue[];
  /** Every bad row counted, though only the first ones are listed. */
  badRows: number;
}

const CODE = /^UA\d{17}$/;
const CATEGORIES = new Set<string>(TERRITORY_CATEGORIES);
const LISTED = 200;

/**
 * Reads a codifier file of the ministry's shape: a header line, then seven semicolon-separated columns (four
 * levels, the additional level, the category, the name). A unit's code is its deepest level; the ones above it
 * are its parents. The city-with-special-status rows repeat the city's code in the empty levels (Kyiv's
 * districts), so a level equal to the code or to the oblast is not a parent of its own.
 */
export function parseCodifier(text: string): ParsedCodifier {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const units: CodifierUnit[] = [];
  const issues: CodifierIssue[] = [];
  let badRows = 0;
  const bad = (row: number, problem: CodifierIssue['problem']): void => {
    badRows++;
    if (issues.length < LISTED) issues.push({ row, problem });
  };
  const rowOf = new Map<string, number>();
  if (!/^\s*Перший рівень;/i.test(lines[0] ?? '')) bad(1, 'header');
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    const row = i + 1;
    const cells = line.split(';');
    if (cells.length !== 7) {
      bad(row, 'columns');
      continue;
    }
    const levels = cells.slice(0, 5).map((c) => c.trim());
    const category = cells[5]!.trim();
    const name = cells[6]!.trim().replace(/\s+/g, ' ');
    const filled = levels.filter((l) => l !== '');
    if (filled.length === 0 || filled.some((l) => !CODE.test(l)) || levels[0] === '') {
      bad(row, 'code');
      continue;
    }
    if (!CATEGORIES.has(category)) {
      bad(row, 'category');
      continue;
    }
    if (name === '' || name.length > 200) {
      bad(row, 'name');
      continue;
    }
    const code = filled.at(-1)!;
    if (rowOf.has(code)) {
      bad(row, 'duplicate');
      continue;
    }
    rowOf.set(code, row);
    const oblast = levels[0]!;
    const own = (level: string): string | null => (level !== '' && level !== code && level !== oblast ? level : null);
    const parents = filled.filter((l) => l !== code);
    units.push({
      code,
      category: category as TerritoryCategory,
      name,
      searchName: searchName(name),
      parentCode: parents.at(-1) ?? null,
      oblastCode: oblast !== code ? oblast : null,
      raionCode: own(levels[1]!),
      hromadaCode: own(levels[2]!),
    });
  }
  // A parent must be a unit of the same file: otherwise the hierarchy shown would have a hole.
  const kept = units.filter((u) => {
    if (u.parentCode === null || rowOf.has(u.parentCode)) return true;
    bad(rowOf.get(u.code)!, 'parent');
    return false;
  });
  issues.sort((a, b) => a.row - b.row);
  return { units: kept, issues, badRows };
}
