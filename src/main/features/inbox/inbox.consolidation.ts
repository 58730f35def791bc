import { createHash } from 'node:crypto';
import { consolidate, ConsolidationError } from '../../../shared/reports/consolidate';
import { applyProfile } from '../../../shared/reports/profile';
import { DEFAULT_THRESHOLD, reportSchema, type Report, type ReportProfile } from '../../../shared/reports/report';

/** The whole country, when the recipient is the Ministry rather than an oblast. */
export const NATIONAL = { code: 'UA00000000000000000', name: 'Україна' };

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * The consolidated report of the accepted reports (canonical JSON as signed), in the profile asked: the exact sum for
 * the Ministry, or the sum suppressed as a publication (k, and no earlier release yet: the release log is the
 * reports feature's). Throws ConsolidationError when the senders' reports cannot be summed.
 */
export function consolidatedReport(
  reportsJson: readonly string[],
  recipient: { code: string; name: string },
  options: { profile: ReportProfile; computedAt: string; softwareVersion: string; k?: number },
): Report {
  const reports = reportsJson.map((json) => reportSchema.parse(JSON.parse(json)));
  const exact = consolidate(reports, recipient, { computedAt: options.computedAt, softwareVersion: options.softwareVersion, digest: sha256Hex });
  const profiled = applyProfile(exact, { profile: options.profile, k: options.k ?? DEFAULT_THRESHOLD });
  // A small count no hiding protects must not leave as a publication (security.md §7).
  if (profiled.unprotected.length > 0) throw new ConsolidationError(`${profiled.unprotected.length} small counts cannot be protected`);
  return profiled.report;
}
