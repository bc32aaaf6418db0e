import { describe, expect, it, vi } from 'vitest';
import { channelFor, METHOD_NAMES, type BriefingApi } from '../common/contract';
import { fakeElectron } from './testing/fake-electron';
import { guardedHandler, refusalReason, registerIpc, type SenderEvent } from './ipc';

vi.mock('electron', async () => (await import('./testing/fake-electron')).fakeElectron);

const ourContents = { id: 1 };
const isAppWindow = (contents: unknown) => contents === ourContents;

function event(overrides: Partial<SenderEvent> = {}): SenderEvent {
  return { sender: ourContents, senderFrame: { url: 'app://briefing/index.html', parent: null }, ...overrides };
}

function fakeApi(): BriefingApi {
  return {
    openCurrentLibrary: vi.fn(),
    chooseLibrary: vi.fn(),
    refreshLibrary: vi.fn(),
    readBriefing: vi.fn(async (id: string) => ({ id }) as never),
    getPreferences: vi.fn(),
    setPreferences: vi.fn(),
    getReadingPosition: vi.fn(async () => 0.25 as never),
    setReadingPosition: vi.fn(async () => undefined),
    openExternal: vi.fn(async () => true),
  } as unknown as BriefingApi;
}

describe('refusalReason', () => {
  it('accepts the top frame of our window showing the app', () => {
    expect(refusalReason(event(), isAppWindow)).toBeNull();
  });

  it('refuses a sender frame that is gone', () => {
    expect(refusalReason(event({ senderFrame: null }), isAppWindow)).toMatch(/gone/);
  });

  it('refuses a subframe, even one on the app origin', () => {
    expect(refusalReason(event({ senderFrame: { url: 'app://briefing/index.html', parent: {} } }), isAppWindow)).toMatch(/subframe/);
  });

  it('refuses a window we did not create', () => {
    expect(refusalReason(event({ sender: { id: 2 } }), isAppWindow)).toMatch(/did not create/);
  });

  it.each(['https://example.com/', 'file:///tmp/x.html', 'app://other/index.html', 'about:blank', 'devtools://devtools/x.html'])(
    'refuses a frame showing %s',
    (url) => {
      expect(refusalReason(event({ senderFrame: { url, parent: null } }), isAppWindow)).toMatch(/not the app/);
    },
  );
});

describe('guardedHandler', () => {
  it('passes a good call through dispatch to the service', async () => {
    const api = fakeApi();
    const result = await guardedHandler(api, 'getReadingPosition', isAppWindow)(event(), ['un/2024-09-24.md']);
    expect(result).toEqual({ ok: true, value: 0.25 });
    expect(api.getReadingPosition).toHaveBeenCalledWith('un/2024-09-24.md');
  });

  it('still validates arguments after the sender check', async () => {
    const api = fakeApi();
    const result = await guardedHandler(api, 'setReadingPosition', isAppWindow)(event(), ['a.md', 7]);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect(api.setReadingPosition).not.toHaveBeenCalled();
  });

  it.each([
    ['a foreign frame', event({ senderFrame: { url: 'https://evil.example/', parent: null } })],
    ['a subframe', event({ senderFrame: { url: 'app://briefing/index.html', parent: {} } })],
    ['an unknown window', event({ sender: {} })],
    ['a destroyed frame', event({ senderFrame: null })],
  ])('refuses %s without calling the service', async (_label, bad) => {
    const api = fakeApi();
    const log = vi.fn();
    const result = await guardedHandler(api, 'openExternal', isAppWindow, log)(bad, ['https://example.com/']);
    expect(result).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(api.openExternal).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('refused openExternal'));
  });
});

describe('registerIpc', () => {
  it('registers one guarded handler per contract method, on its channel', async () => {
    const api = fakeApi();
    registerIpc(api, isAppWindow);
    const calls = fakeElectron.ipcMain.handle.mock.calls as unknown as Array<[string, (e: SenderEvent, args: unknown) => Promise<unknown>]>;
    expect(calls.map(([channel]) => channel)).toEqual(METHOD_NAMES.map(channelFor));
    const readBriefing = calls.find(([channel]) => channel === channelFor('readBriefing'))![1];
    expect(await readBriefing(event(), ['x.md'])).toEqual({ ok: true, value: { id: 'x.md' } });
    expect(await readBriefing(event({ sender: {} }), ['x.md'])).toMatchObject({ ok: false, error: { code: 'refused' } });
  });
});
