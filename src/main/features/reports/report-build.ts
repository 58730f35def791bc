import { parsePeriod } from '../../../shared/reports/periods';
import { applyProfile, type ProfiledReport } from '../../../shared/reports/profile';
import type { ReportProfile } from '../../../shared/reports/report';
import { AppError } from '../../../shared/errors';
import type { Db } from '../../store/connection';
import { getSetting } from '../../store/settings';
import { ensureTerritories } from '../territories/territories.repository';
import { relatedReleases } from './releases.repository';
import { computeReport } from './report-compute';

/** The report of a named period in a profile, with what a publication hides and what it cannot protect. */
export function buildReport(db: Db, request: { period: string; profile: ReportProfile }, now: Date, softwareVersion: string): ProfiledReport {
  const period = parsePeriod(request.period);
  if (!period) throw new AppError('VALIDATION', 'bad period', { field: 'period', reason: 'period', issues: [{ path: 'period', code: 'custom', key: 'period' }] });
  if (!getSetting(db, 'territoryOptions').oblast)
    throw new AppError('VALIDATION', 'oblast not set', { field: 'period', reason: 'oblast_not_set', issues: [{ path: 'period', code: 'custom', key: 'oblastNotSet' }] });
  ensureTerritories(db, now);
  const exact = computeReport(db, { period, now, softwareVersion });
  const k = getSetting(db, 'reportOptions').threshold;
  const earliest = [exact.period.from, exact.previous.from, exact.yearEarlier.from].sort()[0]!;
  const related = request.profile === 'publication' ? relatedReleases(db, earliest) : [];
  return applyProfile(exact, { profile: request.profile, k, related });
}
