import { z } from 'zod';
import { IsoDate, STOP } from './fields';
import { KatottgSchema } from './organisations';

/**
 * КАТОТТГ categories, largest first (the order search results are ranked in): O oblast or the Autonomous Republic,
 * K city with special status, P raion, H hromada, M city, X settlement (селище), C village, B city district.
 */
export const TERRITORY_CATEGORIES = ['O', 'K', 'P', 'H', 'M', 'X', 'C', 'B'] as const;
export const TerritoryCategorySchema = z.enum(TERRITORY_CATEGORIES);
export type TerritoryCategory = z.infer<typeof TerritoryCategorySchema>;

/** A code typed in full or in part: "UA" and up to 17 digits, in either case. */
export const CODE_PREFIX = /^ua\d{0,17}$/i;

/**
 * The form a name is searched in: lower case, every apostrophe-like mark as U+02BC (the codifier writes ’, people
 * type ' or `), ґ left as it is. The same function fills the index and reads what was typed, so they always agree.
 */
export function searchName(text: string): string {
  return text
    .trim()
    .toLocaleLowerCase('uk')
    .replace(/['`’‘ʼ′]/g, 'ʼ')
    .replace(/\s+/g, ' ');
}

export const TerritoryRefSchema = z.object({ code: z.string(), category: TerritoryCategorySchema, name: z.string() });
export type TerritoryRef = z.infer<typeof TerritoryRefSchema>;

export const TerritorySchema = TerritoryRefSchema.extend({
  /** The units it lies in, nearest first (city, hromada, raion, oblast): the words shown after its name. */
  within: z.array(TerritoryRefSchema),
  /** The edition that no longer lists it; null while the current edition has it. */
  droppedIn: z.string().nullable(),
});
export type Territory = z.infer<typeof TerritorySchema>;

export const TerritorySearchSchema = z
  .object({
    text: z.string().trim().min(1).max(100, STOP),
    limit: z.number().int().min(1).max(50).default(20),
    /** An oblast's (or special city's) code; absent: the store's own oblast (when set); '': all of Ukraine. */
    oblast: KatottgSchema.optional(),
  })
  .strict();

export const TerritoryOptionsSchema = z.object({ oblast: KatottgSchema }).strict();
export type TerritoryOptions = z.infer<typeof TerritoryOptionsSchema>;

export const TerritoryEditionSchema = z.object({ edition: z.string(), loadedAt: z.string(), units: z.number().int(), dropped: z.number().int() });
export type TerritoryEdition = z.infer<typeof TerritoryEditionSchema>;

/** The codifier as published is about 3.2 MB; a newer edition has room to grow, a wrong file is refused early. */
export const EDITION_MAX_CHARS = 12_000_000;

export const LoadEditionSchema = z
  .object({
    /** The edition's date, as the ministry names it. */
    edition: IsoDate,
    csv: z.string().min(1).max(EDITION_MAX_CHARS, STOP),
  })
  .strict();

/** Why a row of a codifier file is refused; the row number is the file's line (the header is line 1). */
export const CODIFIER_PROBLEMS = ['columns', 'code', 'category', 'name', 'duplicate', 'parent', 'header'] as const;
export type CodifierProblem = (typeof CODIFIER_PROBLEMS)[number];
export const CodifierIssueSchema = z.object({ row: z.number().int(), problem: z.enum(CODIFIER_PROBLEMS) });
export type CodifierIssue = z.infer<typeof CodifierIssueSchema>;
