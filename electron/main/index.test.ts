import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { METHOD_NAMES, channelFor } from '../common/contract';
import { fakeElectron, FakeBrowserWindow, settle } from './testing/fake-electron';

vi.mock('electron', async () => (await import('./testing/fake-electron')).fakeElectron);

describe('lifecycle when this is the first instance', () => {
  let home: string;

  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'briefing-index-'));
    fakeElectron.app.getPath.mockImplementation((name: string) => join(home, name));
    await import('./index');
  });
  afterAll(() => rm(home, { recursive: true, force: true }));

  it('registers app:// as a standard secure scheme before ready, not readable cross-origin', () => {
    expect(fakeElectron.app.requestSingleInstanceLock).toHaveBeenCalledTimes(1);
    expect(fakeElectron.app.enableSandbox).toHaveBeenCalled();
    expect(fakeElectron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    const [[schemes]] = fakeElectron.protocol.registerSchemesAsPrivileged.mock.calls as unknown as [
      [Array<{ scheme: string; privileges: Record<string, boolean> }>],
    ];
    expect(schemes).toHaveLength(1);
    expect(schemes[0].scheme).toBe('app');
    expect(schemes[0].privileges).toMatchObject({ standard: true, secure: true, supportFetchAPI: true });
    expect(schemes[0].privileges.corsEnabled).toBeFalsy();
    expect(schemes[0].privileges.bypassCSP).toBeFalsy();
    // Nothing that needs a ready app happens early.
    expect(fakeElectron.protocol.handle).not.toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('on ready secures the session, serves app://, answers every contract channel and opens one window', async () => {
    fakeElectron.becomeReady();
    // Startup reads the saved window state from disk; wait for the window rather than a fixed number of ticks.
    await vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(1), { timeout: 5000 });
    const ses = fakeElectron.session.defaultSession;
    expect(ses.setPermissionRequestHandler).toHaveBeenCalled();
    expect(ses.setPermissionCheckHandler).toHaveBeenCalled();
    expect(ses.webRequest.onBeforeRequest).toHaveBeenCalled();
    expect(fakeElectron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    const channels = fakeElectron.ipcMain.handle.mock.calls.map(([channel]) => channel);
    expect(channels).toEqual(METHOD_NAMES.map(channelFor));
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    const [window] = FakeBrowserWindow.instances;
    expect(window.loadURL).toHaveBeenCalledWith('app://briefing/index.html');
    const prefs = window.options.webPreferences as Record<string, unknown>;
    expect(String(prefs.preload).replaceAll('\\', '/')).toMatch(/\/preload\/index\.cjs$/);
  });

  it('a second launch brings the existing window forward instead of opening another', () => {
    const [window] = FakeBrowserWindow.instances;
    window.minimized = true;
    fakeElectron.app.emit('second-instance', {}, [], '/');
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(1);
  });

  it('quits when the last window closes (outside macOS), after saving the window state', async () => {
    const [window] = FakeBrowserWindow.instances;
    window.emit('close');
    window.destroyed = true;
    window.emit('closed');
    fakeElectron.app.emit('window-all-closed');
    if (process.platform === 'darwin') {
      await settle();
      expect(fakeElectron.app.quit).not.toHaveBeenCalled();
    } else {
      // Quitting waits for the window state to reach the disk.
      await vi.waitFor(() => expect(fakeElectron.app.quit).toHaveBeenCalledTimes(1));
    }
    const { readFile } = await import('node:fs/promises');
    const saved = await vi.waitFor(async () => JSON.parse(await readFile(join(home, 'userData', 'window-state.json'), 'utf8')));
    expect(saved).toEqual({ x: 40, y: 30, width: 1100, height: 760, maximized: false });
  });
});
