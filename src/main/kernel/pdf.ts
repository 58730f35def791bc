/**
 * Turns a document's print HTML into PDF, so the PDF is the very page the app prints. Electron supplies one
 * (webContents.printToPDF); the test harness supplies one over Chromium; the CLI has none.
 */
export interface PdfPrinter {
  print(html: string): Promise<Buffer>;
}
