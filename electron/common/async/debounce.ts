export interface DebounceOptions {
  /** Longest a steady stream of calls may postpone the call (unbounded when not given). */
  maxWaitMs?: number;
}

export interface Debounced<A extends unknown[]> {
  (...args: A): void;
  /** Makes the waiting call now, if there is one. */
  flush(): void;
  /** Drops the waiting call. */
  cancel(): void;
  /** True while a call waits to be made. */
  readonly pending: boolean;
}

/**
 * Calls `fn` with the latest arguments once calls have stopped for `waitMs` (or, with
 * `maxWaitMs`, once the first of a steady stream has waited that long), so a burst of events
 * (a drag, typing, 1,000 files arriving) costs one call.
 */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, waitMs: number, { maxWaitMs = Infinity }: DebounceOptions = {}): Debounced<A> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let waiting: { args: A; since: number } | null = null;
  const cancel = () => {
    clearTimeout(timer);
    timer = undefined;
    waiting = null;
  };
  const flush = () => {
    const call = waiting;
    cancel();
    if (call) fn(...call.args);
  };
  const debounced = (...args: A) => {
    const now = Date.now();
    waiting = { args, since: waiting?.since ?? now };
    clearTimeout(timer);
    timer = setTimeout(flush, Math.max(0, Math.min(waitMs, waiting.since + maxWaitMs - now)));
  };
  return Object.defineProperties(debounced, {
    flush: { value: flush },
    cancel: { value: cancel },
    pending: { get: () => waiting !== null },
  }) as Debounced<A>;
}
