/**
 * Whether the PDF reader has painted, judged from pixels rather than the viewer's markup: a canvas
 * in view, shrunk onto a 64 x 64 probe, showing more than one shade. Shared by the PDF e2e specs
 * and `npm run bench -- pdf`, so both mean the same by "a page is painted".
 */
import type { Page } from '@playwright/test';

/** Installed in the page by `installPaintProbe`: is a painted canvas in view (covering the line y, when y >= 0)? */
export type PaintedCovering = (y: number) => boolean;

/** Defines `window.__paintedCovering` in the page (idempotent). */
export async function installPaintProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const probe = document.createElement('canvas');
    probe.width = probe.height = 64;
    const context = probe.getContext('2d', { willReadFrequently: true })!;
    (window as unknown as { __paintedCovering: PaintedCovering }).__paintedCovering = (y: number) => {
      for (const canvas of document.querySelectorAll('canvas')) {
        const box = canvas.getBoundingClientRect();
        if (canvas.width === 0 || box.width === 0 || box.bottom <= 0 || box.top >= innerHeight) continue;
        if (y >= 0 && (box.top > y || box.bottom < y)) continue;
        context.clearRect(0, 0, 64, 64);
        context.drawImage(canvas, 0, 0, 64, 64);
        const data = context.getImageData(0, 0, 64, 64).data;
        let low = 255;
        let high = 0;
        for (let i = 0; i < data.length; i += 4) {
          const grey = (data[i] + data[i + 1] + data[i + 2]) / 3;
          low = Math.min(low, grey);
          high = Math.max(high, grey);
        }
        if (high - low > 24) return true;
      }
      return false;
    };
  });
}

/** Whether a painted page canvas is in view now. */
export async function pagePainted(page: Page): Promise<boolean> {
  await installPaintProbe(page);
  return page.evaluate(() => (window as unknown as { __paintedCovering: PaintedCovering }).__paintedCovering(-1));
}
