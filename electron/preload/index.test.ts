import { beforeAll, describe, expect, it, vi } from 'vitest';
import { channelFor, METHOD_NAMES } from '../common/contract';

const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoke: vi.fn(async (channel: string, args: unknown) => ({ ok: true, value: { channel, args } })),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api) },
  ipcRenderer: { invoke: electron.invoke },
}));

type Exposed = Record<string, (...args: unknown[]) => Promise<unknown>>;

describe('preload', () => {
  let api: Exposed;
  beforeAll(async () => {
    await import('./index');
    api = electron.exposed.get('briefing') as Exposed;
  });

  it('exposes only window.briefing', () => {
    expect([...electron.exposed.keys()]).toEqual(['briefing']);
  });

  it('exposes exactly the contract methods, frozen', () => {
    expect(Object.keys(api).sort()).toEqual([...METHOD_NAMES].sort());
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('sends each method on its own channel with its arguments as one array', async () => {
    for (const method of METHOD_NAMES) {
      electron.invoke.mockClear();
      const result = await api[method]('a', 1);
      expect(electron.invoke).toHaveBeenCalledExactlyOnceWith(channelFor(method), ['a', 1]);
      expect(result).toEqual({ ok: true, value: { channel: channelFor(method), args: ['a', 1] } });
    }
  });
});
