/**
 * Security policy shared by the Electron shell and the test host, so both enforce the same rules.
 * Pure functions only: no electron, no node:*, no DOM.
 */

/** The scheme and host the bundled renderer is served from in Electron. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'briefing';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * The Content-Security-Policy header sent with every app document. No inline script or style,
 * no remote anything: a briefing's tracking pixel or remote image never loads.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "media-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "worker-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Maps a request URL to a file path inside the bundled renderer folder, or null if it must not be
 * served: another origin, an encoded or literal `..`, a backslash, a NUL, or a hidden file.
 * `/` serves `index.html`. The returned path is relative and uses `/`.
 */
export function resolveAppPath(requestUrl: string, origin: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.origin !== origin && `${url.protocol}//${url.host}` !== origin) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\\') || pathname.includes('\0')) return null;
  const segments = pathname.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '..' || segment === '.' || segment.startsWith('.'))) return null;
  return segments.length === 0 ? 'index.html' : segments.join('/');
}

/** Content types for what the renderer bundle contains; anything else is served as bytes. */
export function contentTypeFor(path: string): string {
  const extension = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  const types: Record<string, string> = {
    html: 'text/html; charset=utf-8',
    js: 'text/javascript; charset=utf-8',
    mjs: 'text/javascript; charset=utf-8',
    css: 'text/css; charset=utf-8',
    json: 'application/json',
    svg: 'image/svg+xml',
    png: 'image/png',
    ico: 'image/x-icon',
    woff2: 'font/woff2',
    woff: 'font/woff',
    ttf: 'font/ttf',
  };
  return types[extension] ?? 'application/octet-stream';
}

/** Only https links with a host may leave the app, and only to the system browser. */
export function isAllowedExternalUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname !== '' && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

/** True for any URL the app itself serves; every other request is cancelled. */
export function isAppUrl(value: string, origin: string): boolean {
  try {
    const url = new URL(value);
    return url.origin === origin || `${url.protocol}//${url.host}` === origin;
  } catch {
    return false;
  }
}
