import type { WebContents } from 'electron';

/**
 * The web contents of windows made by our own factory. IPC is only answered for these: a
 * contents Electron created for any other reason (a devtools window, a stray popup) is not ours.
 * A WeakSet, so closed windows are forgotten without bookkeeping.
 */
const ours = new WeakSet<WebContents>();

export function trackAppWindow(contents: WebContents): void {
  ours.add(contents);
}

export function isAppWindow(contents: unknown): boolean {
  return typeof contents === 'object' && contents !== null && ours.has(contents as WebContents);
}
