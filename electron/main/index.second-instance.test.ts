import { describe, expect, it, vi } from 'vitest';
import { fakeElectron, FakeBrowserWindow } from './testing/fake-electron';

vi.mock('electron', async () => (await import('./testing/fake-electron')).fakeElectron);

describe('lifecycle when another instance already runs', () => {
  it('quits at once without registering anything or opening a window', async () => {
    fakeElectron.app.requestSingleInstanceLock.mockReturnValue(false);
    await import('./index');
    expect(fakeElectron.app.quit).toHaveBeenCalledTimes(1);
    expect(fakeElectron.app.whenReady).not.toHaveBeenCalled();
    expect(fakeElectron.protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled();
    expect(fakeElectron.app.listenerCount('second-instance')).toBe(0);
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });
});
