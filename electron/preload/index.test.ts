import { beforeAll, describe, expect, it, vi } from 'vitest';
import { channelFor, METHOD_NAMES } from '../common/contract';
import { EVENT_CHANNEL, type BriefingEventSource } from '../common/events';

const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoke: vi.fn(async (channel: string, args: unknown) => ({ ok: true, value: { channel, args } })),
  listeners: new Map<string, Set<(event: unknown, payload: unknown) => void>>(),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api) },
  ipcRenderer: {
    invoke: electron.invoke,
    on: (channel: string, handler: (event: unknown, payload: unknown) => void) => {
      if (!electron.listeners.has(channel)) electron.listeners.set(channel, new Set());
      electron.listeners.get(channel)!.add(handler);
    },
    removeListener: (channel: string, handler: (event: unknown, payload: unknown) => void) => electron.listeners.get(channel)?.delete(handler),
  },
}));

type Exposed = Record<string, (...args: unknown[]) => Promise<unknown>>;

describe('preload', () => {
  let api: Exposed;
  beforeAll(async () => {
    await import('./index');
    api = electron.exposed.get('briefing') as Exposed;
  });

  it('exposes only window.briefing and window.briefingEvents', () => {
    expect([...electron.exposed.keys()]).toEqual(['briefing', 'briefingEvents']);
  });

  it('delivers host events from the event channel until the listener unsubscribes', () => {
    const events = electron.exposed.get('briefingEvents') as BriefingEventSource;
    expect(Object.isFrozen(events)).toBe(true);
    const received: unknown[] = [];
    const stop = events.subscribe((event) => received.push(event));
    const send = (payload: unknown) => electron.listeners.get(EVENT_CHANNEL)?.forEach((handler) => handler({}, payload));
    const progress = { type: 'export-progress', progress: { stage: 'printing', done: 0, total: 0 } };
    send(progress);
    stop();
    send(progress);
    expect(received).toEqual([progress]);
    expect(electron.listeners.get(EVENT_CHANNEL)?.size).toBe(0);
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
