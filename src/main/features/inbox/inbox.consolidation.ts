import { createHash } from 'node:crypto';
import { consolidate, ConsolidationError } from '../../../shared/reports/consolidate';
import { applyProfile, type ProfiledReport } from '../../../shared/reports/profile';
import type { RelatedRelease } from '../../../shared/reports/suppression';
import { DEFAULT_THRESHOLD, reportSchema, type Report, type ReportProfile } from '../../../shared/reports/report';

/** The whole country, when the recipient is the Ministry rather than an oblast. */
export const NATIONAL = { code: 'UA00000000000000000', name: 'Україна' };

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * The consolidated report of the accepted reports (canonical JSON as signed), in the profile asked: the exact sum for
 * the Ministry, or the sum suppressed as a publication with the office's k and its earlier publications (`related`,
 * from the release log). Throws ConsolidationError when the senders' reports cannot be summed, or when a publication
 * would hold a small count no hiding protects (security.md §7).
 */
export function consolidatedProfiled(
  reportsJson: readonly string[],
  recipient: { code: string; name: string },
  options: { profile: ReportProfile; computedAt: string; softwareVersion: string; k?: number; related?: RelatedRelease[] },
): ProfiledReport {
  const reports = reportsJson.map((json) => reportSchema.parse(JSON.parse(json)));
  const exact = consolidate(reports, recipient, { computedAt: options.computedAt, softwareVersion: options.softwareVersion, digest: sha256Hex });
  const profiled = applyProfile(exact, { profile: options.profile, k: options.k ?? DEFAULT_THRESHOLD, related: options.related });
  if (profiled.unprotected.length > 0) throw new ConsolidationError(`${profiled.unprotected.length} small counts cannot be protected`);
  return profiled;
}

export function consolidatedReport(
  reportsJson: readonly string[],
  recipient: { code: string; name: string },
  options: { profile: ReportProfile; computedAt: string; softwareVersion: string; k?: number; related?: RelatedRelease[] },
): Report {
  return consolidatedProfiled(reportsJson, recipient, options).report;
}
