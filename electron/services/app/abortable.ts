/**
 * `work`, or a rejection as soon as `signal` aborts, whichever comes first. Work that cannot be
 * interrupted (a Chromium print) goes on, but nobody waits for it: the caller cleans up in its
 * `finally` (closing the window or browser context does stop the print).
 */
export function abortable<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
