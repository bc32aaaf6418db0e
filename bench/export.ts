/**
 * Export figures (issue 5): 2,000 notes across 200 real briefings (UN General Debate passages),
 * each note a real sentence of its briefing with its real position, exported to PDF through the
 * services exactly as the app does it, printed by Chromium with the app's options.
 * `document_ms`: from the request to the finished print HTML (gathering notes, reading 200
 * briefings for paragraph numbers and links, building and rendering the document).
 * `pdf_ms`: Chromium printing it. `total_ms`: the whole call, including the atomic write.
 * A Markdown export of the same scope is timed too. Medians of 3.
 */
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { parseDocument } from 'htmlparser2';
import { textContent } from 'domutils';
import { buildAnnotation } from '../electron/common/annotation-model';
import { DEFAULT_EXPORT_CHOICES, type ExportRequest } from '../electron/common/export-model';
import { createBriefingServices } from '../electron/services/app/briefing-services';
import { searchWorkerBundle } from '../electron/services/test-support/worker-bundle';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium';
import { chromiumPrinter } from '../web-host/chromium-print';
import { ScriptedPorts } from '../web-host/web-host';
import { printFontCss } from '../scripts/print-fonts.mjs';
import { median, readPassages, round, writeLibrary } from './corpus';

const BRIEFINGS = 200;
const NOTES_PER_BRIEFING = 10;
const RUNS = 3;

export async function benchExport(): Promise<Record<string, number>> {
  const sandbox = await mkdtemp(join(tmpdir(), 'briefing-bench-export-'));
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const print = chromiumPrinter(async () => browser);
  const timing = { printStarted: 0, printMs: 0 };
  const ports = new ScriptedPorts(async (html, options) => {
    timing.printStarted = performance.now();
    const pdf = await print(html, options);
    timing.printMs = performance.now() - timing.printStarted;
    return pdf;
  });
  const library = join(sandbox, 'library');
  const printFonts = join(sandbox, 'print-fonts.css');
  await writeFile(printFonts, await printFontCss());
  await writeLibrary(library, await readPassages(BRIEFINGS));
  const services = createBriefingServices(
    { userData: join(sandbox, 'user-data'), sampleLibrary: library, defaultLibrary: library, searchWorker: await searchWorkerBundle(), printFonts },
    ports,
    () => undefined,
  );
  try {
    ports.nextFolder = library;
    const snapshot = (await services.chooseLibrary())!;
    let notes = 0;
    for (const [index, briefing] of snapshot.briefings.entries()) {
      const article = await services.readBriefing(briefing.id);
      const text = textContent(parseDocument(article.html));
      const sentences = [...text.matchAll(/[A-Z][^.!?]{30,200}[.!?]/g)];
      for (let n = 0; n < NOTES_PER_BRIEFING && sentences.length > 0; n++) {
        const match = sentences[Math.floor((n * sentences.length) / NOTES_PER_BRIEFING)];
        const start = match.index!;
        const annotation = buildAnnotation(
          {
            briefingId: briefing.id,
            fingerprint: briefing.fingerprint,
            quote: {
              type: 'TextQuoteSelector',
              exact: match[0],
              prefix: text.slice(Math.max(0, start - 32), start),
              suffix: text.slice(start + match[0].length, start + match[0].length + 32),
            },
            position: { type: 'TextPositionSelector', start, end: start + match[0].length },
            colour: (['c1', 'c2', 'c3', 'c4', 'c5'] as const)[n % 5],
            comment: n % 2 === 0 ? `Follow up with the desk: **${briefing.title.slice(0, 40)}**, point ${n + 1}.` : undefined,
            tags: n % 3 === 0 ? ['follow-up'] : [],
          },
          `urn:uuid:00000000-0000-4000-8000-${(index * NOTES_PER_BRIEFING + n).toString(16).padStart(12, '0')}`,
          new Date(Date.UTC(2024, 0, 1, 0, index, n)).toISOString(),
        );
        await services.saveAnnotation(briefing.id, annotation);
        notes++;
      }
    }

    const request = (format: ExportRequest['format']): ExportRequest => ({
      scope: { label: '' },
      format,
      paper: 'A4',
      options: DEFAULT_EXPORT_CHOICES.options,
    });
    const documents: number[] = [];
    const pdfs: number[] = [];
    const totals: number[] = [];
    const markdowns: number[] = [];
    let outcome = null;
    for (let run = 0; run < RUNS; run++) {
      ports.nextExportPath = join(sandbox, `notes-${run}.pdf`);
      const start = performance.now();
      outcome = await services.exportNotes(request('pdf'));
      totals.push(performance.now() - start);
      documents.push(timing.printStarted - start);
      pdfs.push(timing.printMs);

      ports.nextExportPath = join(sandbox, `notes-${run}.md`);
      const markdownStart = performance.now();
      await services.exportNotes(request('markdown'));
      markdowns.push(performance.now() - markdownStart);
    }
    if (outcome?.status !== 'written' || outcome.noteCount !== notes) throw new Error(`export wrote ${JSON.stringify(outcome)}, expected ${notes} notes`);
    const pdfPath = join(sandbox, 'notes-0.pdf');
    const pdf = await getDocument({ data: new Uint8Array(await readFile(pdfPath)), isEvalSupported: false }).promise;
    const pages = pdf.numPages;
    await pdf.destroy();
    return {
      notes,
      briefings: outcome.briefingCount,
      document_ms: round(median(documents)),
      pdf_ms: round(median(pdfs)),
      total_ms: round(median(totals)),
      pdf_pages: pages,
      pdf_kb: round((await stat(pdfPath)).size / 1024),
      markdown_total_ms: round(median(markdowns)),
    };
  } finally {
    await services.dispose();
    await browser.close();
    await rm(sandbox, { recursive: true, force: true });
  }
}
