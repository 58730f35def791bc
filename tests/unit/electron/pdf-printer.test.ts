import { describe, expect, it } from 'vitest';
import type { BrowserWindowConstructorOptions } from 'electron';
import { createElectronPdfPrinter } from '../../../src/main/app/pdf-printer';

class FakeWindow {
  static made: FakeWindow[] = [];
  loaded = '';
  destroyed = false;
  printOptions: unknown = null;
  constructor(readonly options: BrowserWindowConstructorOptions) {
    FakeWindow.made.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.loaded = url;
    return Promise.resolve();
  }
  webContents = {
    printToPDF: (options: unknown): Promise<Buffer> => {
      this.printOptions = options;
      if (this.loaded.includes('ZmFpbA')) return Promise.reject(new Error('printing failed'));
      return Promise.resolve(Buffer.from('%PDF-1.7', 'latin1'));
    },
  };
  destroy(): void {
    this.destroyed = true;
  }
}

describe('Electron PDF printer', () => {
  it('prints the HTML in a hidden, sandboxed window without scripts, A4 from the page CSS, then destroys it', async () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a stand-in for Electron's BrowserWindow class
    const printer = createElectronPdfPrinter(FakeWindow as any);
    const pdf = await printer.print('<p>Протокол № 1</p>');
    expect(pdf.toString('latin1')).toBe('%PDF-1.7');
    const window = FakeWindow.made.at(-1)!;
    expect(window.options.show).toBe(false);
    expect(window.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, disableBlinkFeatures: 'Auxclick' });
    expect(window.loaded.startsWith('data:text/html;charset=utf-8;base64,')).toBe(true);
    expect(Buffer.from(window.loaded.split(',')[1]!, 'base64').toString('utf8')).toBe('<p>Протокол № 1</p>');
    expect(window.printOptions).toMatchObject({ pageSize: 'A4', preferCSSPageSize: true });
    expect(window.destroyed).toBe(true);
  });

  it('destroys the window when printing fails', async () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a stand-in for Electron's BrowserWindow class
    const printer = createElectronPdfPrinter(FakeWindow as any);
    await expect(printer.print('fail')).rejects.toThrow('printing failed');
    expect(FakeWindow.made.at(-1)!.destroyed).toBe(true);
  });
});
