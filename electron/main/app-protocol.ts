import { readFile } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { protocol } from 'electron';
import { APP_ORIGIN, APP_SCHEME, CONTENT_SECURITY_POLICY, contentTypeFor, resolveAppPath } from '../common/security';

/** What to answer for one app:// request, decided without touching the disk or Electron. */
export interface AppResponsePlan {
  status: 200 | 404 | 405;
  headers: Record<string, string>;
  /** Absolute path of the file to serve when status is 200; null otherwise. */
  filePath: string | null;
}

/** Sent with every app:// response, errors included, so no document is ever without the CSP. */
export const BASE_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
});

const textHeaders = () => ({ ...BASE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });

/**
 * Maps a request to a file under `rendererDir`. Only what `resolveAppPath` accepts can be served;
 * the joined path is checked once more against the folder so that no future change to the
 * resolver can reach outside it.
 */
export function planAppResponse(requestUrl: string, method: string, rendererDir: string): AppResponsePlan {
  if (method !== 'GET' && method !== 'HEAD') return { status: 405, headers: { ...textHeaders(), Allow: 'GET, HEAD' }, filePath: null };
  const relative = resolveAppPath(requestUrl, APP_ORIGIN);
  if (relative === null) return { status: 404, headers: textHeaders(), filePath: null };
  const root = resolve(rendererDir);
  const filePath = resolve(root, relative);
  if (!filePath.startsWith(root + sep)) return { status: 404, headers: textHeaders(), filePath: null };
  return { status: 200, headers: { ...BASE_HEADERS, 'Content-Type': contentTypeFor(relative) }, filePath };
}

/** Builds the response for a request; a file that is missing or unreadable is a plain 404. */
export async function respondToAppRequest(
  request: { url: string; method: string },
  rendererDir: string,
  read: (path: string) => Promise<Uint8Array> = readFile,
): Promise<Response> {
  const plan = planAppResponse(request.url, request.method, rendererDir);
  if (plan.status !== 200 || plan.filePath === null) {
    return new Response(plan.status === 405 ? 'Method not allowed' : 'Not found', { status: plan.status, headers: plan.headers });
  }
  let body: Uint8Array;
  try {
    body = await read(plan.filePath);
  } catch {
    return new Response('Not found', { status: 404, headers: textHeaders() });
  }
  return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers: plan.headers });
}

/**
 * Serves the built renderer on app://briefing. Reading with fs (which Electron patches to read
 * inside app.asar) rather than forwarding to file:// keeps file:// out of the app entirely.
 */
export function registerAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => respondToAppRequest(request, rendererDir));
}
