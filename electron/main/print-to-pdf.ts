import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, session, type Session } from 'electron';
import { abortable } from '../services/app/abortable';
import type { PdfOptions } from '../services/app/host-ports';
import { lockedWebPreferences } from './window';

/** An in-memory session only print windows use, with its own request rule. */
const PRINT_PARTITION = 'briefing-print';
const PRINT_FOLDER_PREFIX = 'briefing-print-';

/**
 * The print window may load its own document, written to a fresh temp folder, and the fonts
 * inlined in it as `data:`; nothing else (the document is too large for a data: URL, which
 * Chromium caps at 2 MB, so it goes through a file).
 */
export function decidePrintRequest(url: string, tempRoot: string = tmpdir()): 'allow' | 'cancel' {
  if (url.startsWith('data:')) return 'allow';
  const folder = `${pathToFileURL(tempRoot).href.replace(/\/$/, '')}/${PRINT_FOLDER_PREFIX}`;
  return url.startsWith(folder) && /^[^/]+\/notes\.html$/.test(url.slice(folder.length)) ? 'allow' : 'cancel';
}

let printSession: Session | null = null;

function securePrintSession(): Session {
  if (printSession) return printSession;
  const ses = session.fromPartition(PRINT_PARTITION);
  // Replaces the app-wide rule `session-created` installed, which would refuse the file.
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: decidePrintRequest(details.url) === 'cancel' }));
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  printSession = ses;
  return ses;
}

/**
 * Prints the notes HTML in a hidden offscreen window: load, wait for the inlined fonts, then
 * `printToPDF` with a tagged PDF and an outline from the headings. The document's `@page` rule
 * sets paper and margins; the temp folder and the window are gone afterwards, whatever happens,
 * and as soon as `options.signal` aborts (destroying the window ends the print).
 */
export async function printHtmlToPdf(html: string, options: PdfOptions): Promise<Uint8Array> {
  options.signal?.throwIfAborted();
  const folder = await mkdtemp(join(tmpdir(), PRINT_FOLDER_PREFIX));
  const window = new BrowserWindow({
    show: false,
    webPreferences: { ...lockedWebPreferences(), session: securePrintSession(), offscreen: true },
  });
  try {
    const file = join(folder, 'notes.html');
    await writeFile(file, html);
    await abortable(window.loadFile(file), options.signal);
    await abortable(window.webContents.executeJavaScript('document.fonts.ready.then(() => true)'), options.signal);
    const pdf = await abortable(
      window.webContents.printToPDF({
        pageSize: options.paper,
        preferCSSPageSize: true,
        printBackground: true,
        generateTaggedPDF: true,
        generateDocumentOutline: true,
      }),
      options.signal,
    );
    return new Uint8Array(pdf);
  } finally {
    window.destroy();
    await rm(folder, { recursive: true, force: true });
  }
}
