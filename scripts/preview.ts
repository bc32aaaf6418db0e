/**
 * `npm run preview`: the same renderer and services as the desktop app, in a local Chromium
 * window through the test host, for machines where the Electron binary cannot be downloaded.
 * Folder choice, link confirmation and where to save an export, native dialogs in Electron, are
 * asked in this terminal. PDFs are printed by a second, headless Chromium (page.pdf needs one).
 */
import { spawn } from 'node:child_process';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium';
import { attachWebHost, WEB_ENTRY } from '../web-host/web-host';
import { chromiumPrinter } from '../web-host/chromium-print';
import { showTerminalNotice } from '../web-host/terminal-notice';
import type { HostPorts } from '../electron/services/app/host-ports';
import { externalLinkWarning, isAllowedExternalUrl } from '../electron/common/security';

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: false });
const context = await browser.newContext({ viewport: null });

/** Questions waiting for an answer in the terminal; the window shows the latest. */
const waiting: string[] = [];

const ask = async (question: string) => {
  const shown = question.trim();
  waiting.push(shown);
  await showTerminalNotice(context, shown);
  const terminal = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return (await terminal.question(question)).trim();
  } finally {
    terminal.close();
    waiting.splice(waiting.indexOf(shown), 1);
    await showTerminalNotice(context, waiting.at(-1) ?? null);
  }
};

const expandHome = (path: string) => resolve(path.replace(/^~(?=\/|$)/, homedir()));

const openWithSystem = (target: string) =>
  spawn(process.platform === 'darwin' ? 'open' : 'xdg-open', [target], { detached: true, stdio: 'ignore' }).on('error', () => {
    console.log(`Could not open it with the system; it is ${target}`);
  });

let printBrowser: Promise<Browser> | undefined;

const terminalPorts: HostPorts = {
  async chooseFolder() {
    const answer = await ask('\nOpen library: type a folder path and press Enter (empty to cancel): ');
    return answer ? expandHome(answer) : null;
  },
  async confirmExternalLink(url) {
    const warning = externalLinkWarning(url);
    return /^y(es)?$/i.test(await ask(`\n${warning ? `${warning}\n` : ''}Open ${url} in your browser? [y/N] `));
  },
  async openInBrowser(url) {
    // The last step before the URL reaches the system: checked again, as Electron's port does.
    if (!isAllowedExternalUrl(url)) throw new Error('Only web links (http or https) can be opened in the browser.');
    openWithSystem(url);
  },
  async chooseExportPath(defaultPath) {
    const answer = await ask(`\nExport notes to (Enter for ${defaultPath}, "-" to cancel): `);
    return answer === '-' ? null : answer ? expandHome(answer) : defaultPath;
  },
  printToPdf: chromiumPrinter(() => (printBrowser ??= chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true }))),
  async showInFolder(path) {
    openWithSystem(dirname(path));
  },
  async chooseImportFiles() {
    const answer = await ask('\nImport: type file paths separated by ";" and press Enter (empty to cancel): ');
    return answer
      .split(';')
      .map((path) => path.trim())
      .filter(Boolean)
      .map(expandHome);
  },
};

const userData = process.env.BRIEFING_READER_USER_DATA ?? join(homedir(), '.config', 'Briefing Reader');
const documents = process.env.BRIEFING_READER_DOCUMENTS ?? join(homedir(), 'Documents');
const paths = {
  userData,
  sampleLibrary: fileURLToPath(new URL('../content', import.meta.url)),
  defaultLibrary: join(documents, 'Briefing Reader Library'),
};

let closing = false;
// Work cut short by closing reports itself as failed; that is expected, not news.
const host = await attachWebHost(context, paths, terminalPorts, (line) => closing || console.log(line));
const page = await context.newPage();
await page.goto(WEB_ENTRY);
console.log(`Briefing Reader preview is open. Library: ${paths.defaultLibrary} (on first run). Settings: ${userData}. Close the window to stop.`);

// Closing the window closes the page but leaves Playwright's browser running; that, the browser
// going away, or Ctrl+C ends the preview.
await new Promise<void>((done) => {
  page.once('close', () => done());
  browser.once('disconnected', () => done());
  process.once('SIGINT', () => done());
});
// The services finish writing what they hold; Playwright kills its browsers as the process exits,
// and a question still waiting in the terminal would otherwise hold the process open.
closing = true;
await host.services.dispose().catch(() => undefined);
process.exit(0);
