/**
 * The preload: exposes `window.briefing` and `window.briefingEvents`, nothing else. It runs sandboxed, so it is bundled
 * into one CommonJS file and may import only `electron` and pure code from common.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createEventSource, createRawApi } from '../common/bridge';
import { channelFor } from '../common/contract';
import { EVENT_CHANNEL, type BriefingEvent } from '../common/events';

contextBridge.exposeInMainWorld(
  'briefing',
  createRawApi((method, args) => ipcRenderer.invoke(channelFor(method), args)),
);

contextBridge.exposeInMainWorld(
  'briefingEvents',
  createEventSource((deliver) => {
    const handler = (_event: unknown, payload: BriefingEvent) => deliver(payload);
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => void ipcRenderer.removeListener(EVENT_CHANNEL, handler);
  }),
);
