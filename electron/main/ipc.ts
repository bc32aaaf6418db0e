import { ipcMain } from 'electron';
import { channelFor, METHOD_NAMES, type BriefingApi, type MethodName } from '../common/contract';
import type { ApiResult } from '../common/errors';
import { APP_ORIGIN, isAppUrl } from '../common/security';
import { dispatch } from '../services/app/dispatch';

/** The parts of an IPC event the guard reads; real `IpcMainInvokeEvent`s fit, and so do test fakes. */
export interface SenderEvent {
  sender: unknown;
  senderFrame: { url: string; parent: unknown } | null;
}

/**
 * Why a call must be refused, or null when it may proceed. Only the top frame of a window our
 * factory made, currently showing the app's origin, may call the API: not a subframe (an
 * embedded page), not another web contents (devtools, a popup), not a frame that has navigated
 * away or been destroyed (Electron then reports no sender frame).
 */
export function refusalReason(event: SenderEvent, isAppWindow: (contents: unknown) => boolean): string | null {
  const frame = event.senderFrame;
  if (!frame) return 'the sending frame is gone';
  if (frame.parent !== null) return 'the call came from a subframe';
  if (!isAppWindow(event.sender)) return 'the call came from a window Briefing Reader did not create';
  if (!isAppUrl(frame.url, APP_ORIGIN)) return `the sending page is not the app (${frame.url.slice(0, 80)})`;
  return null;
}

/** Builds the handler for one method's channel: check the sender, then hand over to `dispatch`. */
export function guardedHandler(
  api: BriefingApi,
  method: MethodName,
  isAppWindow: (contents: unknown) => boolean,
  log: (message: string) => void = console.warn,
): (event: SenderEvent, args: unknown) => Promise<ApiResult<unknown>> {
  return async (event, args) => {
    const reason = refusalReason(event, isAppWindow);
    if (reason) {
      log(`briefing: refused ${method}: ${reason}`);
      return { ok: false, error: { code: 'refused', message: 'This request did not come from the Briefing Reader window, so it was refused.' } };
    }
    return dispatch(api, method, args);
  };
}

/**
 * One `ipcMain.handle` per contract method. The method is fixed by the channel it arrived on, so
 * a renderer cannot name a method that is not in the contract.
 */
export function registerIpc(api: BriefingApi, isAppWindow: (contents: unknown) => boolean): void {
  for (const method of METHOD_NAMES) {
    ipcMain.handle(channelFor(method), guardedHandler(api, method, isAppWindow));
  }
}
