import type { App, Session, WebContents } from 'electron';
import { APP_ORIGIN, isAllowedExternalUrl, isAppUrl } from '../common/security';

export type RequestDecision = 'allow' | 'cancel';
export type NavigationDecision = 'allow' | 'deny';

/** What to do with a page's attempt to open a window: never a window, at most a confirmed link. */
export interface WindowOpenDecision {
  action: 'deny';
  /** True when the URL may be offered to the system browser (after the user confirms). */
  offerExternal: boolean;
}

/**
 * Decides one outgoing request. The app promises never to touch the network, so anything that is
 * not the app's own origin is cancelled: http(s), ws, file, ftp, other custom schemes. `data:`
 * is allowed only for images (the CSP allows `img-src data:`), never as a document or frame.
 * `devtools:` is allowed so developer tools keep working when opened by hand.
 */
export function decideRequest(url: string, resourceType = 'other'): RequestDecision {
  if (isAppUrl(url, APP_ORIGIN)) return 'allow';
  const scheme = url.slice(0, url.indexOf(':') + 1).toLowerCase();
  if (scheme === 'devtools:') return 'allow';
  if (scheme === 'data:' && resourceType === 'image') return 'allow';
  return 'cancel';
}

/**
 * The window may only (re)load the app's own index: the renderer routes in-page, so any other
 * navigation is a link or script trying to replace the app, and is refused.
 */
export function decideNavigation(url: string): NavigationDecision {
  if (!isAppUrl(url, APP_ORIGIN)) return 'deny';
  const { pathname, search } = new URL(url);
  return (pathname === '/' || pathname === '/index.html') && search === '' ? 'allow' : 'deny';
}

export function decideWindowOpen(url: string): WindowOpenDecision {
  return { action: 'deny', offerExternal: isAllowedExternalUrl(url) };
}

/**
 * The one permission the app uses: writing plain text to the clipboard ("Copy link"), asked by the
 * app's own page. Chromium still requires a click or key press for it. Reading the clipboard and
 * every other permission stay refused.
 */
export function decidePermission(permission: string, requestingUrl: string): boolean {
  return permission === 'clipboard-sanitized-write' && isAppUrl(requestingUrl, APP_ORIGIN);
}

/** A URL short enough for a log line; `data:` URLs can be megabytes. */
const forLog = (url: string) => (url.length > 160 ? `${url.slice(0, 160)}…` : url);

/**
 * Applies the session-wide rules: every permission but writing to the clipboard is refused, and every
 * request off the app origin is cancelled and logged, which is how a briefing's tracking pixel
 * or remote image is stopped even if it slipped past the sanitizer and the CSP.
 */
export function secureSession(ses: Session, log: (message: string) => void = console.warn): void {
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const granted = decidePermission(permission, details.requestingUrl);
    if (!granted) log(`briefing: refused permission ${permission}`);
    callback(granted);
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) => decidePermission(permission, requestingOrigin));
  ses.webRequest.onBeforeRequest((details, callback) => {
    const decision = decideRequest(details.url, details.resourceType);
    if (decision === 'cancel') log(`briefing: blocked ${details.resourceType} request to ${forLog(details.url)}`);
    callback({ cancel: decision === 'cancel' });
  });
}

/**
 * Applies the per-page rules to every web contents Electron creates, ours or not: no navigation
 * away from the app, no new windows, no webviews. A web link a page tries to open in a new
 * window goes through `openExternal`, the same confirm-then-open path as the API method.
 */
export function secureWebContents(app: Pick<App, 'on'>, openExternal: (url: string) => Promise<boolean>, log: (message: string) => void = console.warn): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event) => {
      if (decideNavigation(event.url) === 'allow') return;
      event.preventDefault();
      log(`briefing: refused navigation to ${forLog(event.url)}`);
    });
    contents.on('will-redirect', (event) => {
      if (decideNavigation(event.url) === 'allow') return;
      event.preventDefault();
      log(`briefing: refused redirect to ${forLog(event.url)}`);
    });
    contents.on('will-attach-webview', (event) => {
      event.preventDefault();
      log('briefing: refused to attach a webview');
    });
    contents.setWindowOpenHandler(({ url }) => {
      const decision = decideWindowOpen(url);
      if (decision.offerExternal) {
        openExternal(url).catch((error: unknown) => console.error('briefing: opening a link failed', error));
      } else {
        log(`briefing: refused to open a window for ${forLog(url)}`);
      }
      return { action: decision.action };
    });
  });
}
