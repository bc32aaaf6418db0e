import { describe, expect, it, vi } from 'vitest';
import { fakeElectron, FakeBrowserWindow } from './testing/fake-electron';
import { isAppWindow } from './app-windows';
import { APP_INDEX_URL, createAppWindow, lockedWebPreferences, MIN_WINDOW_SIZE } from './window';

vi.mock('electron', async () => (await import('./testing/fake-electron')).fakeElectron);

const placement = { bounds: { width: 1000, height: 700 }, maximized: false };

describe('lockedWebPreferences', () => {
  it('spells out every security-relevant flag at its safe value', () => {
    expect(lockedWebPreferences('/app/dist/preload/index.cjs')).toMatchObject({
      preload: '/app/dist/preload/index.cjs',
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
    });
  });

  it('sets nothing that would loosen them', () => {
    const prefs = lockedWebPreferences('/p.cjs') as Record<string, unknown>;
    for (const key of ['enableBlinkFeatures', 'additionalArguments', 'partition', 'session', 'disableBlinkFeatures']) {
      expect(prefs).not.toHaveProperty(key);
    }
  });
});

describe('createAppWindow', () => {
  it('makes a hidden window with the locked preferences, registers it and loads the app index', () => {
    const window = createAppWindow('/dist/preload/index.cjs', placement) as unknown as FakeBrowserWindow;
    expect(window.options).toMatchObject({ show: false, width: 1000, height: 700, minWidth: MIN_WINDOW_SIZE.width, minHeight: MIN_WINDOW_SIZE.height });
    expect(window.options.webPreferences).toEqual(lockedWebPreferences('/dist/preload/index.cjs'));
    expect(isAppWindow(window.webContents)).toBe(true);
    expect(window.loadURL).toHaveBeenCalledWith(APP_INDEX_URL);
    expect(APP_INDEX_URL).toBe('app://briefing/index.html');
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledTimes(1);
    expect(window.maximize).not.toHaveBeenCalled();
  });

  it('restores a maximized window once it is ready', () => {
    const window = createAppWindow('/p.cjs', { ...placement, maximized: true }) as unknown as FakeBrowserWindow;
    window.emit('ready-to-show');
    expect(window.maximize).toHaveBeenCalled();
  });

  it('paints the theme background before the renderer does', () => {
    fakeElectron.nativeTheme.shouldUseDarkColors = true;
    const dark = createAppWindow('/p.cjs', placement) as unknown as FakeBrowserWindow;
    fakeElectron.nativeTheme.shouldUseDarkColors = false;
    const light = createAppWindow('/p.cjs', placement) as unknown as FakeBrowserWindow;
    expect(dark.options.backgroundColor).toBe('#15181c');
    expect(light.options.backgroundColor).toBe('#f7f5f0');
  });

  it('does not trust web contents it did not create', () => {
    expect(isAppWindow({})).toBe(false);
    expect(isAppWindow(null)).toBe(false);
  });
});
