import type { BrowserWindow as ElectronBrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import type { PdfPrinter } from '../kernel/pdf';

type WindowFactory = new (options: BrowserWindowConstructorOptions) => Pick<ElectronBrowserWindow, 'loadURL' | 'webContents' | 'destroy'>;

/**
 * Prints a document's HTML to PDF in a hidden window of its own: sandboxed, isolated, without scripts (the
 * document has none), A4 from the page's own CSS. The window lives only for the one document.
 */
export function createElectronPdfPrinter(BrowserWindow: WindowFactory): PdfPrinter {
  return {
    async print(html) {
      const window = new BrowserWindow({
        show: false,
        webPreferences: {
          sandbox: true,
          contextIsolation: true,
          nodeIntegration: false,
          nodeIntegrationInWorker: false,
          webSecurity: true,
          allowRunningInsecureContent: false,
          experimentalFeatures: false,
          webviewTag: false,
          javascript: false,
          // A middle click can open a link in a new window; a document being printed has no business doing that.
          disableBlinkFeatures: 'Auxclick',
        },
      });
      try {
        await window.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
        return await window.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
      } finally {
        window.destroy();
      }
    },
  };
}
