/**
 * The test host's stand-in for the Electron preload: builds the same frozen `window.briefing`
 * from the contract, over a Playwright binding instead of IPC. Bundled by `web-host.ts` and added
 * as an init script, so it runs before the renderer's own code in every page.
 */
import { createRawApi } from '../../electron/common/bridge';
import type { ApiResult } from '../../electron/common/errors';

declare global {
  interface Window {
    __briefingInvoke(method: string, args: unknown[]): Promise<ApiResult<unknown>>;
    __briefingReportViolation(report: string): void;
  }
}

if (window.top === window) {
  Object.defineProperty(window, 'briefing', {
    value: createRawApi((method, args) => window.__briefingInvoke(method, args)),
    writable: false,
    configurable: false,
    enumerable: true,
  });
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__briefingReportViolation(`${event.violatedDirective} blocked ${event.blockedURI || 'inline content'} (${event.sourceFile}:${event.lineNumber})`);
  });
}
