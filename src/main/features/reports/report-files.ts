import canonicalize from 'canonicalize';
import type { ReportOutput } from '../../../shared/domain/reports';
import type { Report } from '../../../shared/reports/report';

/**
 * The outputs of a report as files: their names inside a bundle (`data/...`) and alone. Every output is made from the
 * report only, so the same report gives the same bytes; report.json is RFC 8785 canonical JSON, the form signed.
 */

export interface OutputFile {
  name: string;
  mimeType: string;
  bytes: Uint8Array;
}

export const reportJson = (report: Report): Uint8Array => new TextEncoder().encode(canonicalize(report) ?? '');

export async function outputFiles(report: Report, output: ReportOutput): Promise<OutputFile[]> {
  switch (output) {
    case 'json':
      return [{ name: 'report.json', mimeType: 'application/json', bytes: reportJson(report) }];
    default:
      throw new Error(`output ${output} is not made yet`);
  }
}

/** A file name's stem for a report: the oblast, the period and the profile, in ASCII. */
export const reportStem = (report: Report): string => `zvit-${report.oblast.code}-${report.period.id.replace('..', '_')}-${report.profile}`;
