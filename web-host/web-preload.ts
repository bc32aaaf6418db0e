/**
 * The test host's stand-in for the Electron preload: builds the same frozen `window.briefing`
 * from the contract, over a Playwright binding instead of IPC. Bundled by `web-host.ts` and added
 * as an init script, so it runs before the renderer's own code in every page.
 */
import { createEventSource, createRawApi } from '../electron/common/bridge';
import type { ApiResult } from '../electron/common/errors';
import type { BriefingEvent } from '../electron/common/events';

declare global {
  interface Window {
    __briefingInvoke(method: string, args: unknown[]): Promise<ApiResult<unknown>>;
    __briefingReportViolation(report: string): void;
    /** Called by the test host (page.evaluate) to deliver a host event, as Electron's IPC would. */
    __briefingEvent?(event: BriefingEvent): void;
  }
}

if (window.top === window) {
  Object.defineProperty(window, 'briefing', {
    value: createRawApi((method, args) => window.__briefingInvoke(method, args)),
    writable: false,
    configurable: false,
    enumerable: true,
  });
  const listeners = new Set<(event: BriefingEvent) => void>();
  Object.defineProperty(window, '__briefingEvent', {
    value: (event: BriefingEvent) => listeners.forEach((listener) => listener(event)),
    writable: false,
    configurable: false,
  });
  Object.defineProperty(window, 'briefingEvents', {
    value: createEventSource((deliver) => {
      listeners.add(deliver);
      return () => void listeners.delete(deliver);
    }),
    writable: false,
    configurable: false,
    enumerable: true,
  });
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__briefingReportViolation(`${event.violatedDirective} blocked ${event.blockedURI || 'inline content'} (${event.sourceFile}:${event.lineNumber})`);
  });
}
