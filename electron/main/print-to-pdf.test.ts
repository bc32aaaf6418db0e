import { readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, fakeElectron } from './testing/fake-electron';
import { decidePrintRequest, printHtmlToPdf } from './print-to-pdf';

vi.mock('electron', async () => (await import('./testing/fake-electron')).fakeElectron);

console.log(
  '[electron] print-to-pdf: Electron cannot run here; the print window is checked against a stand-in, and the same document is printed by real Chromium in the e2e suite (export.spec.ts).',
);

describe('decidePrintRequest', () => {
  const root = '/tmp';
  it('lets the print window load its own document and inlined fonts only', () => {
    expect(decidePrintRequest(`${pathToFileURL('/tmp/briefing-print-a1B2c3/notes.html').href}`, root)).toBe('allow');
    expect(decidePrintRequest('data:font/woff2;base64,AAAA', root)).toBe('allow');
  });

  it('refuses every other file and every network request', () => {
    for (const url of [
      pathToFileURL('/tmp/briefing-print-a1B2c3/other.html').href,
      pathToFileURL('/tmp/briefing-print-a1B2c3/sub/notes.html').href,
      pathToFileURL('/home/me/.ssh/id_rsa').href,
      pathToFileURL('/tmp/elsewhere/notes.html').href,
      'https://tracker.example/pixel.gif',
      'app://briefing/index.html',
    ]) {
      expect(decidePrintRequest(url, root), url).toBe('cancel');
    }
  });
});

describe('printHtmlToPdf', () => {
  let loaded: { path: string; html: string }[];

  beforeEach(() => {
    FakeBrowserWindow.instances.length = 0;
    loaded = [];
    FakeBrowserWindow.configure = (window) => {
      window.loadFile.mockImplementation(async (path: string) => void loaded.push({ path, html: await readFile(path, 'utf8') }));
    };
  });

  const leftInTemp = async (path: string) => (await readdir(tmpdir())).includes(basename(dirname(path)));

  it('prints its own document from a hidden offscreen window, tagged and with an outline, after the fonts load', async () => {
    const pdf = await printHtmlToPdf('<title>Notes</title><h1>Notes</h1>', { paper: 'Letter' });
    const window = FakeBrowserWindow.instances[0];
    expect(new TextDecoder().decode(pdf)).toBe('%PDF-fake');
    expect(loaded).toHaveLength(1);
    expect(loaded[0].html).toBe('<title>Notes</title><h1>Notes</h1>');
    expect(decidePrintRequest(pathToFileURL(loaded[0].path).href)).toBe('allow');
    expect(window.options).toMatchObject({ show: false, webPreferences: { offscreen: true, sandbox: true, contextIsolation: true, nodeIntegration: false } });
    expect(window.options.webPreferences).not.toHaveProperty('preload');
    expect(fakeElectron.session.fromPartition).toHaveBeenCalledWith('briefing-print');
    expect(window.webContents.executeJavaScript).toHaveBeenCalledWith('document.fonts.ready.then(() => true)');
    expect(window.webContents.printToPDF).toHaveBeenCalledWith({
      pageSize: 'Letter',
      preferCSSPageSize: true,
      printBackground: true,
      generateTaggedPDF: true,
      generateDocumentOutline: true,
    });
    expect(window.destroy).toHaveBeenCalled();
    expect(await leftInTemp(loaded[0].path)).toBe(false);
  });

  it('closes the window and removes the temp file when printing fails', async () => {
    FakeBrowserWindow.configure = (window) => {
      window.loadFile.mockImplementation(async (path: string) => void loaded.push({ path, html: '' }));
      window.webContents.printToPDF.mockRejectedValueOnce(new Error('printing failed'));
    };
    await expect(printHtmlToPdf('<h1>x</h1>', { paper: 'A4' })).rejects.toThrow('printing failed');
    expect(FakeBrowserWindow.instances[0].destroy).toHaveBeenCalled();
    expect(await leftInTemp(loaded[0].path)).toBe(false);
  });

  it('stops when the export is stopped mid-print: the window goes at once, without waiting for the print', async () => {
    const stop = new AbortController();
    FakeBrowserWindow.configure = (window) => {
      window.loadFile.mockImplementation(async (path: string) => void loaded.push({ path, html: '' }));
      window.webContents.printToPDF.mockImplementationOnce(() => {
        setTimeout(() => stop.abort(new Error('The export was stopped.')), 5);
        return new Promise(() => undefined);
      });
    };
    await expect(printHtmlToPdf('<h1>x</h1>', { paper: 'A4', signal: stop.signal })).rejects.toThrow('The export was stopped.');
    expect(FakeBrowserWindow.instances[0].destroy).toHaveBeenCalled();
    expect(await leftInTemp(loaded[0].path)).toBe(false);
  });

  it('opens no window for an export already stopped', async () => {
    const stop = new AbortController();
    stop.abort(new Error('The export was stopped.'));
    await expect(printHtmlToPdf('<h1>x</h1>', { paper: 'A4', signal: stop.signal })).rejects.toThrow('The export was stopped.');
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });
});
