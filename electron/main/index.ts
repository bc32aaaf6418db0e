/**
 * The Electron entry point: lifecycle only. Everything it wires up lives in its own module; this
 * file decides the order (privileged scheme before ready, security before the first window).
 */
import { app, BrowserWindow, protocol, screen, session } from 'electron';
import { EVENT_CHANNEL } from '../common/events';
import { APP_SCHEME } from '../common/security';
import { createBriefingServices } from '../services/app/briefing-services';
import { isAppWindow } from './app-windows';
import { registerAppProtocol } from './app-protocol';
import { createElectronHostPorts } from './host-ports';
import { registerIpc } from './ipc';
import { resolveRuntimePaths } from './runtime-paths';
import { secureSession, secureWebContents } from './security-handlers';
import { createAppWindow } from './window';
import { loadWindowPlacement, trackWindowState, type WindowStateTracker } from './window-state';

let mainWindow: BrowserWindow | null = null;
let windowState: WindowStateTracker | null = null;

/** Brings the existing window forward; used when the app is launched a second time. */
function focusMainWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

async function openMainWindow(preloadPath: string, userData: string): Promise<void> {
  const placement = await loadWindowPlacement(userData, screen.getAllDisplays());
  const window = createAppWindow(preloadPath, placement);
  mainWindow = window;
  windowState = trackWindowState(window, userData);
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
}

async function onReady(): Promise<void> {
  const paths = resolveRuntimePaths({
    bundleDir: __dirname,
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    userData: app.getPath('userData'),
    documents: process.env.BRIEFING_READER_DOCUMENTS ?? app.getPath('documents'),
  });
  const api = createBriefingServices(
    paths,
    createElectronHostPorts(() => mainWindow),
    console.error,
    (event) => {
      if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(EVENT_CHANNEL, event);
    },
  );
  app.on('will-quit', () => void api.dispose());

  secureSession(session.defaultSession);
  app.on('session-created', (created) => secureSession(created));
  secureWebContents(app, (url) => api.openExternal(url));
  registerAppProtocol(paths.rendererDir);
  registerIpc(api, isAppWindow);

  await openMainWindow(paths.preloadPath, paths.userData);
  app.on('activate', () => {
    // macOS: clicking the dock icon with no window open reopens one.
    if (BrowserWindow.getAllWindows().length === 0) void openMainWindow(paths.preloadPath, paths.userData);
  });
}

/** Starts the app, or hands over to the instance already running. */
export function main(): void {
  // The e2e suite (and portable installs) give each run its own folders; the single-instance lock,
  // settings and caches all follow userData, so it must be set before anything else.
  if (process.env.BRIEFING_READER_USER_DATA) app.setPath('userData', process.env.BRIEFING_READER_USER_DATA);
  // Two instances would write the same settings and caches; the second one only wakes the first.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', focusMainWindow);

  app.enableSandbox();
  // Must happen before ready: a standard, secure scheme gets a real origin (so CSP 'self' and
  // relative URLs work) and counts as a secure context. Not corsEnabled: no other origin may read it.
  // supportFetchAPI: pdf.js fetches its own data files (CMaps, fonts, wasm) from the app.
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, codeCache: true, supportFetchAPI: true } }]);

  app.on('window-all-closed', () => {
    const pending = windowState?.flush() ?? Promise.resolve();
    // macOS apps stay running with no windows until the user quits them.
    if (process.platform !== 'darwin') void pending.finally(() => app.quit());
  });

  app
    .whenReady()
    .then(onReady)
    .catch((error: unknown) => {
      console.error('briefing: startup failed', error);
      app.exit(1);
    });
}

main();
