import { BrowserWindow, nativeTheme, type WebPreferences } from 'electron';
import { APP_ORIGIN } from '../common/security';
import { trackAppWindow } from './app-windows';
import type { WindowPlacement } from './window-state';

/** Smallest size at which the library list and the reader still fit side by side. */
export const MIN_WINDOW_SIZE = Object.freeze({ width: 720, height: 480 });

/** Page colours of the renderer's light and dark themes, so the first frame does not flash. */
const BACKGROUND = Object.freeze({ light: '#f7f5f0', dark: '#15181c' });

/**
 * The only web preferences any app window gets (the print window: the same, without a preload). Each flag is the safe value spelled out, not
 * left to a default, so an Electron upgrade that changes a default cannot loosen the app.
 */
export function lockedWebPreferences(preloadPath?: string): WebPreferences {
  return {
    ...(preloadPath ? { preload: preloadPath } : {}),
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    webviewTag: false,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    spellcheck: false,
    // The app has no use for these, and each is one more way for a page to reach outside.
    navigateOnDragDrop: false,
    safeDialogs: true,
  };
}

/** The URL every app window shows; navigation anywhere else is refused. */
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/**
 * The one BrowserWindow factory. The window stays hidden until the renderer has painted, and is
 * registered as ours before it loads anything, so its first IPC call is already trusted.
 */
export function createAppWindow(preloadPath: string, placement: WindowPlacement): BrowserWindow {
  const window = new BrowserWindow({
    ...placement.bounds,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    show: false,
    title: 'Briefing Reader',
    backgroundColor: nativeTheme.shouldUseDarkColors ? BACKGROUND.dark : BACKGROUND.light,
    webPreferences: lockedWebPreferences(preloadPath),
  });
  trackAppWindow(window.webContents);
  window.once('ready-to-show', () => {
    if (placement.maximized) window.maximize();
    window.show();
  });
  window.loadURL(APP_INDEX_URL).catch((error: unknown) => {
    console.error('briefing: the app window failed to load', error);
  });
  return window;
}
