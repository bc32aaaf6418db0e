import { METHOD_NAMES, type MethodName, type RawBriefingApi } from './contract';
import type { ApiResult } from './errors';

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
