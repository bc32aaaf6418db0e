/**
 * Security policy shared by the Electron shell and the test host, so both enforce the same rules.
 * Pure functions only: no electron, no node:*, no DOM.
 */

/** The scheme and host the bundled renderer is served from in Electron. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'briefing';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * The Content-Security-Policy header sent with every app document (and worker script). No inline
 * script or style, no remote anything: a briefing's tracking pixel or remote image never loads.
 * PDFs (pdf.js) widen it by three sources, each only to the app itself; beside each, why.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  // 'wasm-unsafe-eval': pdf.js decodes JPEG 2000 (OpenJPEG), JBIG2 and colour profiles (QCMS)
  // with WebAssembly modules the app ships; it allows compiling wasm only, never eval() of text.
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  // pdf.js fetches its CMaps, standard fonts, ICC profile and wasm decoders from the app's pdfjs/ folder.
  "connect-src 'self'",
  "media-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  // pdf.js parses and renders each PDF in a worker, started from the app's own script.
  "worker-src 'self'",
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
    // pdf.js's data files (renderer/src/lib/pdf/pdf-document.ts): wasm must be typed to compile.
    wasm: 'application/wasm',
    icc: 'application/vnd.iccprofile',
  };
  return types[extension] ?? 'application/octet-stream';
}

/**
 * The one rule for links that leave the app (to the system browser, after the person confirms):
 * web links only (http or https), with a host and without credentials. Everything that opens a
 * link (the services, the Electron shell, the test host, the preview) asks this function.
 */
export function isAllowedExternalUrl(value: string): boolean {
  const url = parseUrl(value);
  return !!url && (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '' && url.username === '' && url.password === '';
}

/** Said wherever an http link is offered: in the app, in Electron's confirmation and in the preview's prompt. */
export const UNENCRYPTED_LINK_WARNING = 'This link is not encrypted (http): anyone on the network between you and the site can see or change the page.';

/** The warning a link deserves before it is opened, or null when it is an https link (or no web link at all). */
export function externalLinkWarning(value: string): string | null {
  return isAllowedExternalUrl(value) && parseUrl(value)?.protocol === 'http:' ? UNENCRYPTED_LINK_WARNING : null;
}

function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
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
