import type { Browser } from '@playwright/test';
import { abortable } from '../electron/services/app/abortable';
import type { PdfOptions } from '../electron/services/app/host-ports';

/**
 * The test host's `printToPdf`: the notes HTML printed by Chromium's `page.pdf`, with the options
 * Electron's `printToPDF` gets (tagged PDF, outline, backgrounds, the document's own page size).
 * Each print gets a fresh context that can make no request, so the document prints as it would
 * offline; closing it when `options.signal` aborts ends the print. `page.pdf` needs a headless
 * browser; `browser` must be one.
 */
export function chromiumPrinter(browser: () => Promise<Browser>): (html: string, options: PdfOptions) => Promise<Uint8Array> {
  return async (html, options) => {
    options.signal?.throwIfAborted();
    const context = await (await browser()).newContext({ javaScriptEnabled: true, offline: true });
    try {
      const print = async () => {
        await context.route('**/*', (route) => route.abort('blockedbyclient'));
        const page = await context.newPage();
        await page.setContent(html, { waitUntil: 'load' });
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        return page.pdf({
          format: options.paper,
          preferCSSPageSize: true,
          printBackground: true,
          tagged: true,
          outline: true,
        });
      };
      return await abortable(print(), options.signal);
    } finally {
      await context.close();
    }
  };
}
