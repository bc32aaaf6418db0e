import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { EventEmitter } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { App, Session } from 'electron';
import { createBriefingServices } from '../services/app/briefing-services';
import { createFakeSession, fakeElectron, FakeWebContents, settle } from './testing/fake-electron';
import { createElectronHostPorts } from './host-ports';
import { decideNavigation, decideRequest, decideWindowOpen, secureSession, secureWebContents } from './security-handlers';

vi.mock('electron', async () => (await import('./testing/fake-electron')).fakeElectron);

describe('decideRequest', () => {
  it.each([
    ['app://briefing/index.html', 'mainFrame'],
    ['app://briefing/assets/index-4f2a.js', 'script'],
    ['app://briefing/fonts/literata.woff2', 'font'],
    ['devtools://devtools/bundled/devtools_app.html', 'mainFrame'],
    ['data:image/png;base64,iVBORw0KGgo=', 'image'],
  ])('allows %s (%s)', (url, type) => {
    expect(decideRequest(url, type)).toBe('allow');
  });

  it.each([
    ['https://tracker.example/pixel.gif', 'image'],
    ['http://example.com/', 'mainFrame'],
    ['https://cdn.example/font.woff2', 'font'],
    ['file:///etc/passwd', 'subFrame'],
    ['ws://localhost:8080/socket', 'webSocket'],
    ['wss://example.com/socket', 'webSocket'],
    ['ftp://example.com/file', 'other'],
    ['data:text/html,<script>alert(1)</script>', 'subFrame'],
    ['data:text/html,hello', 'mainFrame'],
    ['data:application/javascript,alert(1)', 'script'],
    ['blob:app://briefing/1234', 'subFrame'],
    ['app://other/index.html', 'mainFrame'],
    ['app://briefing.evil.example/x.js', 'script'],
    ['chrome://settings', 'mainFrame'],
    ['javascript:alert(1)', 'other'],
    ['https://briefing/index.html', 'mainFrame'],
  ])('cancels %s (%s)', (url, type) => {
    expect(decideRequest(url, type)).toBe('cancel');
  });
});

describe('decideNavigation', () => {
  it('allows only the app index', () => {
    expect(decideNavigation('app://briefing/index.html')).toBe('allow');
    expect(decideNavigation('app://briefing/')).toBe('allow');
    expect(decideNavigation('app://briefing/index.html#/reader')).toBe('allow');
  });

  it.each([
    'https://example.com/',
    'http://example.com/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,hi',
    'app://briefing/assets/app.js',
    'app://briefing/index.html?next=https://example.com',
    'app://elsewhere/index.html',
    'about:blank',
  ])('denies %s', (url) => {
    expect(decideNavigation(url)).toBe('deny');
  });
});

describe('decideWindowOpen', () => {
  it('never opens a window, and offers only web links to the browser', () => {
    expect(decideWindowOpen('https://www.un.org/en/')).toEqual({ action: 'deny', offerExternal: true });
    expect(decideWindowOpen('http://kremlin.ru/')).toEqual({ action: 'deny', offerExternal: true });
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'app://briefing/index.html', 'https://user:pw@example.com/', 'data:text/html,x']) {
      expect(decideWindowOpen(url)).toEqual({ action: 'deny', offerExternal: false });
    }
  });
});

describe('secureSession', () => {
  const ses = createFakeSession();
  const log = vi.fn();
  secureSession(ses as unknown as Session, log);

  it('denies every permission request and check but the app writing to the clipboard', () => {
    const requestHandler = ses.setPermissionRequestHandler.mock.calls[0][0] as (
      c: unknown,
      p: string,
      cb: (granted: boolean) => void,
      d: { requestingUrl: string },
    ) => void;
    const fromApp = { requestingUrl: 'app://briefing/index.html' };
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      const callback = vi.fn();
      requestHandler({}, permission, callback, fromApp);
      expect(callback).toHaveBeenCalledWith(false);
    }
    const copy = vi.fn();
    requestHandler({}, 'clipboard-sanitized-write', copy, fromApp);
    expect(copy).toHaveBeenCalledWith(true);
    const elsewhere = vi.fn();
    requestHandler({}, 'clipboard-sanitized-write', elsewhere, { requestingUrl: 'https://example.com/' });
    expect(elsewhere).toHaveBeenCalledWith(false);
    const checkHandler = ses.setPermissionCheckHandler.mock.calls[0][0] as (...args: unknown[]) => boolean;
    expect(checkHandler(null, 'media', 'app://briefing', {})).toBe(false);
    expect(checkHandler(null, 'clipboard-read', 'app://briefing', {})).toBe(false);
    expect(checkHandler(null, 'clipboard-sanitized-write', 'app://briefing', {})).toBe(true);
    expect(checkHandler(null, 'clipboard-sanitized-write', 'https://example.com', {})).toBe(false);
  });

  it('cancels off-app requests and logs what it blocked', () => {
    const listener = ses.webRequest.onBeforeRequest.mock.calls[0][0] as (
      d: { url: string; resourceType: string },
      cb: (r: { cancel: boolean }) => void,
    ) => void;
    const callback = vi.fn();
    listener({ url: 'https://tracker.example/p.gif', resourceType: 'image' }, callback);
    expect(callback).toHaveBeenLastCalledWith({ cancel: true });
    expect(log).toHaveBeenLastCalledWith(expect.stringContaining('https://tracker.example/p.gif'));
    listener({ url: 'app://briefing/index.html', resourceType: 'mainFrame' }, callback);
    expect(callback).toHaveBeenLastCalledWith({ cancel: false });
  });
});

describe('secureWebContents', () => {
  let home: string;
  let contents: FakeWebContents;
  const { showMessageBox } = fakeElectron.dialog;
  const { openExternal } = fakeElectron.shell;

  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'briefing-security-'));
    // The real confirm-then-open path: the API's openExternal on the Electron host ports.
    const api = createBriefingServices(
      {
        userData: home,
        sampleLibrary: join(home, 's'),
        defaultLibrary: join(home, 'd'),
        searchWorker: join(home, 'unused-search-worker.cjs'),
        printFonts: join(home, 'unused-print-fonts.css'),
      },
      createElectronHostPorts(() => null),
    );
    const app = new EventEmitter();
    secureWebContents(
      app as unknown as App,
      (url) => api.openExternal(url),
      () => undefined,
    );
    contents = new FakeWebContents();
    app.emit('web-contents-created', {}, contents);
  });
  afterAll(() => rm(home, { recursive: true, force: true }));
  beforeEach(() => {
    showMessageBox.mockReset();
    openExternal.mockClear();
  });

  const navigate = (event: string, url: string) => {
    const preventDefault = vi.fn();
    contents.emit(event, { url, preventDefault });
    return preventDefault;
  };

  it('prevents navigation and redirects away from the app index', () => {
    expect(navigate('will-navigate', 'https://example.com/')).toHaveBeenCalled();
    expect(navigate('will-navigate', 'file:///etc/passwd')).toHaveBeenCalled();
    expect(navigate('will-redirect', 'https://example.com/')).toHaveBeenCalled();
    expect(navigate('will-navigate', 'app://briefing/index.html')).not.toHaveBeenCalled();
  });

  it('prevents attaching a webview', () => {
    const preventDefault = vi.fn();
    contents.emit('will-attach-webview', { preventDefault }, {}, {});
    expect(preventDefault).toHaveBeenCalled();
  });

  it('denies the window and opens an https link only after the user confirms', async () => {
    showMessageBox.mockResolvedValue({ response: 0, checkboxChecked: false });
    expect(contents.windowOpenHandler!({ url: 'https://www.un.org/en/ga/' })).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(openExternal).toHaveBeenCalledWith('https://www.un.org/en/ga/'));
    const [options] = showMessageBox.mock.calls[0] as [Record<string, unknown>];
    expect(options).toMatchObject({
      message: 'Open this link in your browser?',
      detail: 'https://www.un.org/en/ga/',
      buttons: ['Open', 'Cancel'],
      defaultId: 1,
      cancelId: 1,
    });
  });

  it('opens an http link after the same confirmation, which says it is not encrypted', async () => {
    showMessageBox.mockResolvedValue({ response: 0, checkboxChecked: false });
    expect(contents.windowOpenHandler!({ url: 'http://kremlin.ru/events/president/news/67828' })).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(openExternal).toHaveBeenCalledWith('http://kremlin.ru/events/president/news/67828'));
    const [options] = showMessageBox.mock.calls[0] as [Record<string, unknown>];
    expect(options).toMatchObject({ buttons: ['Open', 'Cancel'], defaultId: 1, detail: expect.stringContaining('This link is not encrypted (http)') });
  });

  it('denies the window and opens nothing when the user cancels', async () => {
    showMessageBox.mockResolvedValue({ response: 1, checkboxChecked: false });
    expect(contents.windowOpenHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(showMessageBox).toHaveBeenCalled());
    await settle();
    expect(openExternal).not.toHaveBeenCalled();
  });

  it.each(['javascript:alert(1)', 'http://user@example.com/', 'file:///etc/passwd', 'data:text/html,x', 'app://briefing/index.html'])(
    'never asks about or opens %s',
    async (url) => {
      showMessageBox.mockResolvedValue({ response: 0, checkboxChecked: false });
      expect(contents.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
      await settle();
      expect(showMessageBox).not.toHaveBeenCalled();
      expect(openExternal).not.toHaveBeenCalled();
    },
  );
});
