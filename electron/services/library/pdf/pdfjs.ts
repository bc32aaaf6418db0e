import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
export type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

declare const __filename: string | undefined;

/**
 * This module's file: a CommonJS bundle's own (`dist/main/*.cjs`; the bundlers leave import.meta
 * empty there, see scripts/build-electron.mjs), or the source file when run as ESM (tests, tsx).
 */
const here = typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url);

/**
 * Where pdf.js (its legacy build, CMaps and standard fonts) is: `dist/main/pdfjs/`, copied there by
 * the build beside the worker bundles (and unpacked from the asar in a package), or the installed
 * package when running from source. Both have the package's own layout.
 */
export function pdfjsFolder(): string {
  const beside = join(dirname(here), 'pdfjs');
  if (existsSync(join(beside, 'legacy', 'build', 'pdf.mjs'))) return beside;
  return dirname(createRequire(here).resolve('pdfjs-dist/package.json'));
}

let loaded: Promise<PdfJs> | null = null;

/**
 * pdf.js, loaded once per thread. Its worker code runs in this thread ("fake worker"): the thread
 * is already a worker, and pdf.js must never fetch a worker script or anything else.
 */
function pdfjs(): Promise<PdfJs> {
  return (loaded ??= (async () => {
    const build = join(pdfjsFolder(), 'legacy', 'build');
    const worker = (await import(pathToFileURL(join(build, 'pdf.worker.mjs')).href)) as unknown;
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return (await import(pathToFileURL(join(build, 'pdf.mjs')).href)) as PdfJs;
  })());
}

/**
 * Opens a PDF's bytes (a plain Uint8Array copy is handed over: pdf.js refuses a Buffer and detaches what it is given). Nothing in the
 * file is run: no eval, no XFA, no scripting; fonts are parsed but never installed; CMaps and
 * standard fonts come from the app's own copy, never the system or the network. Errors that
 * pdf.js can work around (a broken xref, a bad object) do not stop it.
 */
export async function openPdf(bytes: Uint8Array, password?: string): Promise<PdfDocument> {
  const { getDocument, VerbosityLevel } = await pdfjs();
  const folder = pdfjsFolder();
  const task = getDocument({
    data: new Uint8Array(bytes),
    password,
    isEvalSupported: false,
    enableXfa: false,
    stopAtErrors: false,
    useSystemFonts: false,
    disableFontFace: true,
    useWorkerFetch: false,
    isOffscreenCanvasSupported: false,
    cMapUrl: join(folder, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: join(folder, 'standard_fonts') + '/',
    verbosity: VerbosityLevel.ERRORS,
  });
  try {
    return await task.promise;
  } catch (error) {
    await task.destroy();
    throw error;
  }
}
