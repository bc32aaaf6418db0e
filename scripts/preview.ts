/**
 * `npm run preview`: the same renderer and services as the desktop app, in a local Chromium
 * window through the test host, for machines where the Electron binary cannot be downloaded.
 * Folder choice and link confirmation, native dialogs in Electron, are asked in this terminal.
 */
import { spawn } from 'node:child_process';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium';
import { attachWebHost, WEB_ENTRY } from '../e2e/host/web-host';
import type { HostPorts } from '../electron/services/app/host-ports';

const ask = async (question: string) => {
  const terminal = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return (await terminal.question(question)).trim();
  } finally {
    terminal.close();
  }
};

const terminalPorts: HostPorts = {
  async chooseFolder() {
    const answer = await ask('\nOpen library: type a folder path and press Enter (empty to cancel): ');
    return answer ? resolve(answer.replace(/^~(?=\/|$)/, homedir())) : null;
  },
  async confirmExternalLink(url) {
    return /^y(es)?$/i.test(await ask(`\nOpen ${url} in your browser? [y/N] `));
  },
  async openInBrowser(url) {
    spawn(process.platform === 'darwin' ? 'open' : 'xdg-open', [url], { detached: true, stdio: 'ignore' }).on('error', () => {
      console.log(`Could not start a browser; the address is ${url}`);
    });
  },
};

const userData = process.env.BRIEFING_READER_USER_DATA ?? join(homedir(), '.config', 'Briefing Reader');
const documents = process.env.BRIEFING_READER_DOCUMENTS ?? join(homedir(), 'Documents');
const paths = {
  userData,
  sampleLibrary: fileURLToPath(new URL('../content', import.meta.url)),
  defaultLibrary: join(documents, 'Briefing Reader Library'),
};

if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error('npm run preview opens a browser window, and this session has no display (DISPLAY is not set). Run it from a desktop session.');
  process.exit(1);
}

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: false });
const context = await browser.newContext({ viewport: null });
await attachWebHost(context, paths, terminalPorts, (line) => console.log(line));
const page = await context.newPage();
await page.goto(WEB_ENTRY);
console.log(`Briefing Reader preview is open. Library: ${paths.defaultLibrary} (on first run). Settings: ${userData}. Close the window to stop.`);
await new Promise<void>((done) => browser.on('disconnected', () => done()));
