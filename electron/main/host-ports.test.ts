import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BaseWindow } from 'electron';
import { fakeElectron } from './testing/fake-electron';
import { createElectronHostPorts } from './host-ports';
import { UNENCRYPTED_LINK_WARNING } from '../common/security';

vi.mock('electron', async () => (await import('./testing/fake-electron')).fakeElectron);

const { showOpenDialog, showMessageBox } = fakeElectron.dialog;
const { openExternal } = fakeElectron.shell;

beforeEach(() => {
  showOpenDialog.mockReset();
  showMessageBox.mockReset();
  openExternal.mockClear();
});

describe('createElectronHostPorts', () => {
  const parent = { id: 'window' } as unknown as BaseWindow;
  const ports = createElectronHostPorts(() => parent);

  it('asks for a folder that may be created, attached to the app window', async () => {
    showOpenDialog.mockResolvedValue({ canceled: false, filePaths: ['/home/me/Briefings'] });
    expect(await ports.chooseFolder()).toBe('/home/me/Briefings');
    const [window, options] = showOpenDialog.mock.calls[0] as [unknown, { properties: string[] }];
    expect(window).toBe(parent);
    expect(options.properties).toEqual(['openDirectory', 'createDirectory']);
  });

  it('resolves null when the folder dialog is cancelled', async () => {
    showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
    expect(await ports.chooseFolder()).toBeNull();
  });

  it('works without a window to attach to', async () => {
    showOpenDialog.mockResolvedValue({ canceled: false, filePaths: ['/x'] });
    expect(await createElectronHostPorts(() => null).chooseFolder()).toBe('/x');
    expect(showOpenDialog.mock.calls[0]).toHaveLength(1);
  });

  it('shows the URL and makes Cancel the default answer', async () => {
    showMessageBox.mockResolvedValue({ response: 1, checkboxChecked: false });
    expect(await ports.confirmExternalLink('https://example.com/a')).toBe(false);
    const [window, options] = showMessageBox.mock.calls[0] as [unknown, Record<string, unknown>];
    expect(window).toBe(parent);
    expect(options).toMatchObject({
      message: 'Open this link in your browser?',
      detail: 'https://example.com/a',
      buttons: ['Open', 'Cancel'],
      defaultId: 1,
      cancelId: 1,
    });
    showMessageBox.mockResolvedValue({ response: 0, checkboxChecked: false });
    expect(await ports.confirmExternalLink('https://example.com/a')).toBe(true);
  });

  it('says plainly in the confirmation when a link is not encrypted', async () => {
    showMessageBox.mockResolvedValue({ response: 1, checkboxChecked: false });
    await ports.confirmExternalLink('http://kremlin.ru/events/president/news/67828');
    const [, options] = showMessageBox.mock.calls[0] as [unknown, Record<string, unknown>];
    expect(options.detail).toBe(`http://kremlin.ru/events/president/news/67828\n\n${UNENCRYPTED_LINK_WARNING}`);
  });

  it('opens only web links in the browser', async () => {
    await ports.openInBrowser('https://example.com/');
    await ports.openInBrowser('http://kremlin.ru/');
    expect(openExternal.mock.calls).toEqual([['https://example.com/'], ['http://kremlin.ru/']]);
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'smb://server/share', 'http://user:pw@example.com/']) {
      await expect(ports.openInBrowser(url)).rejects.toThrow(/http or https/);
    }
    expect(openExternal).toHaveBeenCalledTimes(2);
  });

  it('asks where to save an export, starting at the offered name, filtered to its format', async () => {
    const { showSaveDialog } = fakeElectron.dialog;
    showSaveDialog.mockResolvedValue({ canceled: false, filePath: '/home/me/Notes — Everything.pdf' });
    expect(await ports.chooseExportPath('/home/me/Documents/Notes — Everything.pdf', 'pdf')).toBe('/home/me/Notes — Everything.pdf');
    const [window, options] = showSaveDialog.mock.calls[0] as [unknown, Record<string, unknown>];
    expect(window).toBe(parent);
    expect(options).toMatchObject({
      defaultPath: '/home/me/Documents/Notes — Everything.pdf',
      filters: [{ name: 'PDF document', extensions: ['pdf'] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' });
    expect(await ports.chooseExportPath('/x/notes.md', 'markdown')).toBeNull();
  });

  it('shows an exported file in the file manager', async () => {
    await ports.showInFolder('/home/me/Notes.pdf');
    expect(fakeElectron.shell.showItemInFolder).toHaveBeenCalledWith('/home/me/Notes.pdf');
  });
});
