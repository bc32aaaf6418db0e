/**
 * The runtime globals common code uses. Node and every browser have the WHATWG URL, timers and
 * `performance.now()`; declaring just them (instead of adding the DOM or Node libraries) keeps the
 * rest of those APIs out of common.
 */
declare class URL {
  constructor(input: string, base?: string);
  readonly origin: string;
  readonly protocol: string;
  readonly host: string;
  readonly hostname: string;
  readonly pathname: string;
  readonly username: string;
  readonly password: string;
}

interface TimerHandle {
  readonly __timer: never;
}
declare function setTimeout(handler: () => void, ms: number): TimerHandle;
declare function clearTimeout(handle: TimerHandle | undefined): void;
declare const performance: { now(): number };
