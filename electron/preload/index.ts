/**
 * The preload: exposes `window.briefing` and nothing else. It runs sandboxed, so it is bundled
 * into one CommonJS file and may import only `electron` and pure code from common.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createRawApi } from '../common/bridge';
import { channelFor } from '../common/contract';

contextBridge.exposeInMainWorld(
  'briefing',
  createRawApi((method, args) => ipcRenderer.invoke(channelFor(method), args)),
);
