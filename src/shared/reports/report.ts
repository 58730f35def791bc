import { z } from 'zod';
import { periodSchema, type CountTable } from './tables';

/**
 * The report for a period as it leaves the app (data/report.json of a bundle, the source of every output) and as a
 * recipient reads it back: figures only, never a person. Each table is given for the period, the period before and
 * the same period a year earlier; its rows and columns are codes of the code lists the report carries, so a reader
 * in either language (and a program) knows what each code meant in the version it was counted with.
 */

export const REPORT_FORMAT = 'zlagoda-report/1';

export const REPORT_PROFILES = ['ministry', 'publication'] as const;
export type ReportProfile = (typeof REPORT_PROFILES)[number];

export const REPORT_SECTIONS = ['status', 'aid', 'referrals', 'meetings', 'assignments', 'trainings', 'prevention', 'coverage'] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

export const COMPARISONS = ['current', 'previous', 'yearEarlier'] as const;
export type Comparison = (typeof COMPARISONS)[number];

/** The k of the publication profile when the office has set none (security.md §7). */
export const DEFAULT_THRESHOLD = 5;

const words = z.object({ uk: z.string(), en: z.string() }).strict();

const publishedCellSchema = z.union([z.number().int().nonnegative(), z.object({ suppressed: z.literal(true), label: z.string().min(1).max(8) }).strict()]);

export const publishedTableSchema = z
  .object({
    name: z.string().min(1).max(80),
    period: periodSchema,
    additive: z.boolean(),
    /** 0 in the ministry profile (exact counts), k in the publication profile. */
    threshold: z.number().int().nonnegative(),
    rows: z.array(z.string().min(1).max(80)).max(400),
    columns: z.array(z.string().min(1).max(80)).max(400).nullable(),
    cells: z.array(z.array(publishedCellSchema)),
    rowTotals: z.array(publishedCellSchema),
    columnTotals: z.array(publishedCellSchema),
    total: publishedCellSchema,
  })
  .strict();

/** A code list as the code book prints it: its id, the version counted with, and every code with its words. */
export const codeListSchema = z
  .object({
    id: z.string().min(1).max(80),
    version: z.string().min(1).max(40),
    title: words,
    codes: z.array(z.object({ code: z.string().min(1).max(80), uk: z.string(), en: z.string() }).strict()).max(400),
  })
  .strict();
export type CodeList = z.infer<typeof codeListSchema>;

/**
 * Which totals a reader is shown. `all`: row and column totals and the grand total; `columns`: the row of column
 * totals only (rows are measures that do not add up, each column does); `none`: a list of measures. Every total is
 * still computed and protected: a hidden total is as much a figure as any other.
 */
export const TOTALS = ['all', 'columns', 'none'] as const;
export type Totals = (typeof TOTALS)[number];

/** What a table counts; the unit prints beside it. `kop`: an amount in kopecks, not a count. */
export const UNITS = ['persons', 'applications', 'decisions', 'payments', 'kop', 'referrals', 'mentions', 'meetings', 'assignments', 'events', 'hromadas'] as const;
export type Unit = (typeof UNITS)[number];

export const reportTableSchema = z
  .object({
    name: z.string().min(1).max(80),
    section: z.enum(REPORT_SECTIONS),
    title: words,
    unit: z.enum(UNITS),
    /** Counts about victims and presumed victims: the publication profile suppresses them; activity tables go exact. */
    protected: z.boolean(),
    totals: z.enum(TOTALS),
    /** Code list ids of the rows and the columns (null for a list). */
    rowList: z.string(),
    columnList: z.string().nullable(),
    current: publishedTableSchema,
    previous: publishedTableSchema,
    yearEarlier: publishedTableSchema,
  })
  .strict();
export type ReportTable = z.infer<typeof reportTableSchema>;

const reportPeriodSchema = z.object({ id: z.string(), kind: z.enum(['quarter', 'half', 'year', 'range']), from: z.string(), to: z.string() }).strict();

export const reportSchema = z
  .object({
    format: z.literal(REPORT_FORMAT),
    /** The sender: an oblast's КАТОТТГ code and name; for a consolidated report, the recipient's. */
    oblast: z.object({ code: z.string().regex(/^UA\d{17}$/), name: z.string() }).strict(),
    period: reportPeriodSchema,
    previous: reportPeriodSchema,
    yearEarlier: reportPeriodSchema,
    profile: z.enum(REPORT_PROFILES),
    /** k of the publication profile; null for the ministry's exact counts. */
    threshold: z.number().int().min(3).nullable(),
    computedAt: z.string(),
    softwareVersion: z.string(),
    /** The data it was computed from: the audit chain's head (events, hash of the last). */
    data: z.object({ auditCount: z.number().int().nonnegative(), auditHash: z.string() }).strict(),
    /** For a consolidated report: the senders whose valid bundles were summed (КАТОТТГ codes). */
    senders: z.array(z.string()).optional(),
    codeLists: z.array(codeListSchema),
    tables: z.array(reportTableSchema),
  })
  .strict();
export type Report = z.infer<typeof reportSchema>;

/** A table of the report with its exact counts, before a profile is applied: never leaves the main process as it is. */
export interface ExactTable {
  name: string;
  current: CountTable;
  previous: CountTable;
  yearEarlier: CountTable;
}

/** The report before its profile: exact counts of every table. */
export type ExactReport = Omit<Report, 'profile' | 'threshold' | 'tables'> & { tables: ExactTable[] };
