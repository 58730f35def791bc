import canonicalize from 'canonicalize';
import type { ReportOutput } from '../../../shared/domain/reports';
import type { Report } from '../../../shared/reports/report';
import { renderReportCsv } from './report-csv';
import { renderReportDocx } from './report-docx';
import { renderReportWorkbook } from './report-workbook';
import { DOCX_MIME, XLSX_MIME } from '../table/xlsx';

/**
 * The outputs of a report as files: their names inside a bundle (`data/...`) and alone. Every output is made from the
 * report only (the case-level export from its rows, made beside it), so the same report gives the same bytes;
 * report.json is RFC 8785 canonical JSON, the form signed.
 */

export interface OutputFile {
  name: string;
  mimeType: string;
  bytes: Uint8Array;
}

/** The pseudonymised case-level export, once it passed the k gate. */
export interface CaseFiles {
  csv: string;
  codebook: string;
}

const CSV_MIME = 'text/csv';
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

export const reportJson = (report: Report): Uint8Array => utf8(canonicalize(report) ?? '');

export async function outputFiles(report: Report, output: ReportOutput, cases?: CaseFiles): Promise<OutputFile[]> {
  switch (output) {
    case 'json':
      return [{ name: 'report.json', mimeType: 'application/json', bytes: reportJson(report) }];
    case 'csv': {
      const csv = renderReportCsv(report);
      return [
        { name: 'report.csv', mimeType: CSV_MIME, bytes: utf8(csv.report) },
        { name: 'codebook.csv', mimeType: CSV_MIME, bytes: utf8(csv.codebook) },
      ];
    }
    case 'xlsx':
      return [{ name: 'report.xlsx', mimeType: XLSX_MIME, bytes: new Uint8Array(await renderReportWorkbook(report)) }];
    case 'docx':
      return [{ name: 'report.docx', mimeType: DOCX_MIME, bytes: new Uint8Array(await renderReportDocx(report)) }];
    case 'cases':
      if (!cases) throw new Error('the case-level export was not made');
      return [
        { name: 'cases.csv', mimeType: CSV_MIME, bytes: utf8(cases.csv) },
        { name: 'cases-codebook.csv', mimeType: CSV_MIME, bytes: utf8(cases.codebook) },
      ];
  }
}

/** A file name's stem for a report: the oblast, the period and the profile, in ASCII. */
export const reportStem = (report: Report): string => `zvit-${report.oblast.code}-${report.period.id.replace('..', '_')}-${report.profile}`;
