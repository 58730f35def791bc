import { existsSync } from 'node:fs';
import type { PdfPrinter } from '../kernel/pdf';

const CHROMIUM = '/usr/bin/chromium';

/**
 * The harness's stand-in for Electron's printToPDF: the same HTML printed by Debian's Chromium, started on
 * first use and kept for the harness's life. Null where that Chromium is not installed.
 */
export function createChromiumPdfPrinter(): (PdfPrinter & { close(): Promise<void> }) | null {
  if (!existsSync(CHROMIUM)) return null;
  type Browser = Awaited<ReturnType<typeof import('@playwright/test').chromium.launch>>;
  let browser: Promise<Browser> | null = null;
  const launch = async (): Promise<Browser> => {
    const { chromium } = await import('@playwright/test');
    return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
  };
  return {
    async print(html) {
      browser ??= launch();
      const page = await (await browser).newPage({ javaScriptEnabled: false });
      try {
        await page.setContent(html, { waitUntil: 'load' });
        return await page.pdf({ preferCSSPageSize: true, printBackground: true });
      } finally {
        await page.close();
      }
    },
    async close() {
      if (browser) await (await browser).close();
    },
  };
}
