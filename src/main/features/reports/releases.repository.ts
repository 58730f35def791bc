import { randomUUID } from 'node:crypto';
import type { Release } from '../../../shared/domain/reports';
import type { ReportProfile } from '../../../shared/reports/report';
import type { RelatedRelease } from '../../../shared/reports/suppression';
import type { CellRef, CountTable, Period } from '../../../shared/reports/tables';
import type { Db } from '../../store/connection';

/**
 * The release log (security.md §7): what left the office and, for a publication, the exact counts it protected and
 * what it hid. A later publication suppresses consistently with every earlier one whose periods its tables could be
 * differenced against: those ending from the first of January of the year before its own earliest period on.
 */

export interface NewRelease {
  period: Period;
  profile: ReportProfile;
  threshold: number | null;
  form: 'files' | 'bundle';
  reportHash: string;
  auditCount: number;
  tables: CountTable[];
  suppressed: CellRef[];
  at: string;
  by: string;
}

export function recordRelease(db: Db, r: NewRelease): string {
  const id = randomUUID();
  db.prepare(
    `INSERT INTO report_releases (id, period_id, period_from, period_to, profile, threshold, form, report_hash, audit_count, tables, suppressed, released_at, released_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, r.period.id, r.period.from, r.period.to, r.profile, r.threshold, r.form, r.reportHash, r.auditCount, JSON.stringify(r.tables), JSON.stringify(r.suppressed), r.at, r.by);
  return id;
}

/** Earlier publications whose tables the release from `earliest` on can be differenced against, oldest first. */
export function relatedReleases(db: Db, earliest: string): RelatedRelease[] {
  const since = `${Number(earliest.slice(0, 4)) - 1}-01-01`;
  const rows = db
    .prepare("SELECT tables, suppressed FROM report_releases WHERE profile = 'publication' AND period_to >= ? ORDER BY released_at, id")
    .all(since) as { tables: string; suppressed: string }[];
  return rows.map((r) => ({ tables: JSON.parse(r.tables) as CountTable[], suppressed: JSON.parse(r.suppressed) as CellRef[] }));
}

const RELEASE_COLUMNS = `r.id, r.period_id AS periodId, r.profile, r.threshold, r.form, r.report_hash AS reportHash, r.released_at AS releasedAt,
  COALESCE(u.display_name, '') AS releasedBy`;

export function releases(db: Db, periodId?: string): Release[] {
  const where = periodId === undefined ? '' : 'WHERE r.period_id = @periodId';
  return db
    .prepare(`SELECT ${RELEASE_COLUMNS} FROM report_releases r LEFT JOIN users u ON u.id = r.released_by ${where} ORDER BY r.released_at DESC, r.id LIMIT 200`)
    .all(periodId === undefined ? {} : { periodId }) as Release[];
}
