/**
 * Opening a PDF with pdf.js in the renderer, with every option that keeps it offline and inert:
 * no eval, no XFA, no scripting (this code never creates pdf.js's scripting sandbox), and its
 * worker, CMaps, standard fonts, ICC profile and wasm decoders all served by the app itself
 * (vite.config.ts copies them into dist/renderer/pdfjs/).
 */
import type { PDFDocumentLoadingTask, PDFWorker } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

/**
 * pdf.js itself (some 700 KB of script), loaded the first time a PDF is opened: the app starts and
 * reads text briefings without it. Everything that needs pdf.js's values comes through here.
 */
export const loadPdfjs = (() => {
  let loading: Promise<typeof import('pdfjs-dist')> | undefined;
  return () => (loading ??= import('pdfjs-dist'));
})();

/** Where the build puts pdf.js's data files, relative to index.html. */
export const PDF_ASSETS = 'pdfjs';

const assetUrl = (folder: string) => new URL(`${PDF_ASSETS}/${folder}/`, document.baseURI).href;

/** Why pdf.js asks for a password: the first time, or after a wrong one. */
export type PasswordReason = 'needed' | 'wrong';

/**
 * Starts loading a PDF from its bytes. `onPassword` is called when the file is encrypted, with a
 * function to try a password; the password goes to pdf.js and nowhere else.
 */
let worker: PDFWorker | undefined;

/**
 * Loads pdf.js and starts its worker, once: the reader calls this as soon as it knows a PDF is
 * being opened, so the script and the worker start while the file is still being read. Every PDF
 * is then opened on the same worker (a document's destroy frees what it held there).
 */
export async function warmPdfjs(): Promise<PDFWorker> {
  const { GlobalWorkerOptions, PDFWorker } = await loadPdfjs();
  GlobalWorkerOptions.workerSrc = workerUrl;
  if (!worker || worker.destroyed) {
    const started = new PDFWorker();
    worker = started;
    // A worker that could not start is not kept: the next PDF starts one afresh, and says why if that fails too.
    started.promise.catch(() => {
      if (worker === started) worker = undefined;
    });
  }
  return worker;
}

export async function openPdf(
  data: Uint8Array,
  onPassword: (reason: PasswordReason, tryPassword: (password: string) => void) => void,
): Promise<PDFDocumentLoadingTask> {
  const { getDocument, PasswordResponses } = await loadPdfjs();
  const task = getDocument({
    data,
    worker: await warmPdfjs(),
    // Never compile the file's PostScript functions or fonts with eval (the CSP forbids it too).
    isEvalSupported: false,
    // XFA forms are HTML the file supplies: never built.
    enableXfa: false,
    cMapUrl: assetUrl('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: assetUrl('standard_fonts'),
    iccUrl: assetUrl('iccs'),
    wasmUrl: assetUrl('wasm'),
    // Draw with the file's fonts or pdf.js's bundled ones, never whatever the machine has, so
    // pages look the same everywhere (and the text layer matches the canvas).
    useSystemFonts: false,
    // A damaged object spoils its page, not the whole file: show what can be shown.
    stopAtErrors: false,
    // The whole file is in memory already; nothing to fetch in ranges.
    disableAutoFetch: true,
    disableRange: true,
    disableStream: true,
  });
  task.onPassword = (tryPassword: (password: string) => void, reason: number) =>
    onPassword(reason === PasswordResponses.INCORRECT_PASSWORD ? 'wrong' : 'needed', tryPassword);
  return task;
}

/** The bytes of a PDF sent as base64 (the API carries JSON only). */
export function bytesOf(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
