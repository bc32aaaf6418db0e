import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { BrowserContext, Route } from '@playwright/test';
import { CONTENT_SECURITY_POLICY, contentTypeFor, isAllowedExternalUrl, isAppUrl, resolveAppPath } from '../electron/common/security';
import { createBriefingServices, type BriefingServices } from '../electron/services/app/briefing-services';
import { dispatch } from '../electron/services/app/dispatch';
import { abortable } from '../electron/services/app/abortable';
import type { AppPaths, HostPorts, PdfOptions } from '../electron/services/app/host-ports';
import type { BriefingEvent } from '../electron/common/events';

/** Where the web target serves the renderer. `.localhost` never leaves the machine. */
export const WEB_ORIGIN = 'http://briefing.localhost';
export const WEB_ENTRY = `${WEB_ORIGIN}/index.html`;

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
export const RENDERER_DIR = join(repoRoot, 'dist', 'renderer');
export const SEARCH_WORKER = join(repoRoot, 'dist', 'main', 'search-worker.cjs');
export const PARSE_WORKER = join(repoRoot, 'dist', 'main', 'parse-worker.cjs');
export const PRINT_FONTS = join(repoRoot, 'dist', 'main', 'print-fonts.css');

/** Scripted answers for what would be native dialogs in Electron, and a record of what was asked. */
export class ScriptedPorts implements HostPorts {
  nextFolder: string | null = null;
  confirmLinks = false;
  /** The save dialog's answer: a path, or null for Cancel. */
  nextExportPath: string | null = null;
  /** The import dialog's answer: the chosen files ([] for Cancel). */
  nextImportFiles: string[] = [];
  readonly confirmations: string[] = [];
  readonly opened: string[] = [];
  /** The default path each save dialog offered. */
  readonly savePrompts: string[] = [];
  /** Files shown in the file manager. */
  readonly shownInFolder: string[] = [];

  /**
   * While set, a print waits for it (or for the export to be stopped) before it starts: lets a
   * test press Stop while an export is surely printing.
   */
  printGate: Promise<void> | null = null;

  /** `print` is Chromium's page.pdf behind the same options Electron uses (see chromium-print.ts). */
  constructor(private readonly print: HostPorts['printToPdf']) {}

  async printToPdf(html: string, options: PdfOptions) {
    if (this.printGate) await abortable(this.printGate, options.signal);
    return this.print(html, options);
  }

  async chooseExportPath(defaultPath: string) {
    this.savePrompts.push(defaultPath);
    return this.nextExportPath;
  }

  async showInFolder(path: string) {
    this.shownInFolder.push(path);
  }

  async chooseImportFiles() {
    const files = this.nextImportFiles;
    this.nextImportFiles = [];
    return files;
  }

  async chooseFolder() {
    const folder = this.nextFolder;
    this.nextFolder = null;
    return folder;
  }

  async confirmExternalLink(url: string) {
    this.confirmations.push(url);
    return this.confirmLinks;
  }

  async openInBrowser(url: string) {
    // The same last check as Electron's port: a URL the rule refuses never counts as opened.
    if (!isAllowedExternalUrl(url)) throw new Error('Only web links (http or https) can be opened in the browser.');
    this.opened.push(url);
  }
}

export interface WebHost<P extends HostPorts = HostPorts> {
  ports: P;
  /** Every request that tried to leave the app, in order. Tests expect it to stay empty. */
  blockedRequests: string[];
  /** Every Content-Security-Policy violation the page reported. */
  cspViolations: string[];
  /** The services behind the page, for waiting on search indexing and for shutting down. */
  services: BriefingServices;
}

let preloadBundle: Promise<string> | undefined;

function bundlePreload(): Promise<string> {
  preloadBundle ??= build({
    entryPoints: [fileURLToPath(new URL('./web-preload.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'chrome120',
  }).then((result) => result.outputFiles[0].text);
  return preloadBundle;
}

/**
 * Turns a Playwright browser context into the app's host: serves the built renderer at
 * WEB_ORIGIN with the same path resolver and CSP as Electron's `app://` handler, exposes the API
 * through `dispatch` to the top frame of the app only, and aborts every other request.
 */
export async function attachWebHost<P extends HostPorts>(
  context: BrowserContext,
  paths: Omit<AppPaths, 'searchWorker' | 'parseWorker' | 'printFonts'>,
  ports: P,
  log: (message: string) => void = () => undefined,
): Promise<WebHost<P>> {
  const services = createBriefingServices({ ...paths, searchWorker: SEARCH_WORKER, parseWorker: PARSE_WORKER, printFonts: PRINT_FONTS }, ports, log, (event) =>
    broadcast(context, event),
  );
  const host: WebHost<P> = { ports, blockedRequests: [], cspViolations: [], services };
  context.on('close', () => void services.dispose());

  await context.route('**/*', (route) => serve(route, host, log));
  await context.exposeBinding('__briefingInvoke', async (source, method: unknown, args: unknown) => {
    if (source.frame !== source.page.mainFrame() || !isAppUrl(source.frame.url(), WEB_ORIGIN)) {
      return { ok: false, error: { code: 'refused', message: 'Only the app itself may call the briefing API.' } };
    }
    return dispatch(services, method, args, (message, error) => log(`${message}: ${String(error)}`));
  });
  await context.exposeBinding('__briefingReportViolation', (_source, report: string) => {
    host.cspViolations.push(report);
  });
  await context.addInitScript({ content: await bundlePreload() });
  return host;
}

/** Hands a host event to every app page of the context, as Electron's `webContents.send` would. */
function broadcast(context: BrowserContext, event: BriefingEvent): void {
  for (const page of context.pages()) {
    if (!isAppUrl(page.url(), WEB_ORIGIN)) continue;
    page.evaluate((payload) => window.__briefingEvent?.(payload), event).catch(() => undefined);
  }
}

async function serve(route: Route, host: WebHost, log: (message: string) => void): Promise<void> {
  const url = route.request().url();
  if (!isAppUrl(url, WEB_ORIGIN)) {
    host.blockedRequests.push(url);
    log(`blocked request off the app: ${url}`);
    await route.abort('blockedbyclient');
    return;
  }
  const relative = resolveAppPath(url, WEB_ORIGIN);
  const headers = { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' };
  if (!relative) {
    await route.fulfill({ status: 404, headers, body: 'Not found' });
    return;
  }
  try {
    const body = await readFile(join(RENDERER_DIR, relative));
    await route.fulfill({ status: 200, headers: { ...headers, 'Content-Type': contentTypeFor(relative) }, body });
  } catch {
    await route.fulfill({ status: 404, headers, body: 'Not found' });
  }
}
