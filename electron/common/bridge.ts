import { METHOD_NAMES, type MethodName, type RawBriefingApi } from './contract';
import type { ApiResult } from './errors';
import type { BriefingEvent, BriefingEventSource } from './events';

/**
 * Builds the frozen `window.briefing` object from the contract's method list. Both hosts use it:
 * the Electron preload with `ipcRenderer.invoke`, the test host with a Playwright binding. Only
 * the listed methods exist, and the object cannot be modified by page scripts.
 */
export function createRawApi(invoke: (method: MethodName, args: unknown[]) => Promise<ApiResult<unknown>>): RawBriefingApi {
  const api: Record<string, (...args: unknown[]) => Promise<ApiResult<unknown>>> = {};
  for (const method of METHOD_NAMES) {
    api[method] = (...args: unknown[]) => invoke(method, args);
  }
  return Object.freeze(api) as unknown as RawBriefingApi;
}

/**
 * Builds the frozen `window.briefingEvents` over a host's way of listening (IPC in Electron, a
 * page function in the test host). `listen` registers a delivery function and returns its removal.
 */
export function createEventSource(listen: (deliver: (event: BriefingEvent) => void) => () => void): BriefingEventSource {
  return Object.freeze({ subscribe: (listener: (event: BriefingEvent) => void) => listen((event) => listener(event)) });
}
