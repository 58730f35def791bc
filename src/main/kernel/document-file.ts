import type { DocumentFile } from '../../shared/contract/meetings';
import { AppError } from '../../shared/errors';
import { DOCX_MIME } from '../../shared/media-types';
import type { PdfPrinter } from './pdf';
import type { AppCore } from './session';

/** The formats every document of the app comes in: its print HTML, PDF printed from it, or the DOCX. */
export type PrintFormat = 'docx' | 'html' | 'pdf';

export { DOCX_MIME };

/** Asked before anything is read or audited, so an export that cannot happen leaves no trace of one. */
export function printerFor(core: AppCore, format: string): PdfPrinter | null {
  if (format !== 'pdf') return null;
  if (!core.deps.pdf) throw new AppError('PDF_UNAVAILABLE', 'no PDF printer in this process');
  return core.deps.pdf;
}

/** The one document in the asked format: the print HTML as it is, PDF printed from it, or the DOCX. */
export async function deliver(format: PrintFormat, printer: PdfPrinter | null, stem: string, html: () => string, docx: () => Promise<Buffer>): Promise<DocumentFile> {
  if (format === 'html') return { fileName: `${stem}.html`, mimeType: 'text/html', base64: Buffer.from(html(), 'utf8').toString('base64') };
  if (printer) return { fileName: `${stem}.pdf`, mimeType: 'application/pdf', base64: (await printer.print(html())).toString('base64') };
  return { fileName: `${stem}.docx`, mimeType: DOCX_MIME, base64: (await docx()).toString('base64') };
}
