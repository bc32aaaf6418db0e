import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

/** A request failed because the worker running it died or was stopped; the next request gets a fresh worker. */
export class WorkerLost extends Error {}
/** The worker script is not in this installation (a build that skipped it): no request can run. */
export class WorkerMissing extends Error {}

/** A worker's answer to one request, as the client needs it. */
export type WorkerReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

export interface WorkerClientOptions<M> {
  script: string;
  /** How errors name the worker: "the parser", "the search worker". */
  name: string;
  workerData?: unknown;
  /**
   * Requests one worker is given at once; the rest wait in this thread. A crash fails only what
   * the worker had been given, so a worker that works one request at a time should be given one.
   */
  concurrency?: number;
  /** The reply in a message from the worker, or null for a message of another kind (given to `onMessage`). */
  replyOf(message: M): WorkerReply | null;
  onMessage?(message: M): void;
  /** Told when a worker is gone (crashed or stopped), after its requests failed and before the waiting ones go to a new worker. */
  onWorkerLost?(reason: string): void;
}

interface Entry {
  message: unknown;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  worker?: Worker;
}

/**
 * The main-thread side of a worker thread, with one crash rule for every worker: a worker that
 * dies fails the requests it had been given with a `WorkerLost` saying why; requests still waiting
 * go to a fresh worker, started on demand. A missing script fails every request with
 * `WorkerMissing` (check `available` to do without).
 */
export class WorkerClient<M> {
  readonly available: boolean;
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly waiting = new Map<number, Entry>();
  private readonly given = new Map<number, Entry>();
  private readonly concurrency: number;
  /** Workers already given up on: the exit of one stopped as stuck comes later and is not a second loss. */
  private readonly gone = new WeakSet<Worker>();

  constructor(private readonly options: WorkerClientOptions<M>) {
    this.available = existsSync(options.script);
    this.concurrency = options.concurrency ?? Infinity;
  }

  /** Sends the message `build` makes with the request's id; `reply` settles with the worker's answer. */
  request(build: (id: number) => unknown): { id: number; reply: Promise<unknown> } {
    const id = this.nextId++;
    const reply = new Promise<unknown>((resolve, reject) => {
      if (!this.available) reject(new WorkerMissing(`${this.options.name} is missing from this installation (${this.options.script})`));
      else this.waiting.set(id, { message: build(id), resolve, reject });
    });
    this.pump();
    return { id, reply };
  }

  /** Fails one request now (its late answer is ignored); with `stopWorker`, also stops the worker running it (stuck), failing what else it had. */
  fail(id: number, error: Error, stopWorker = false): void {
    const entry = this.given.get(id) ?? this.waiting.get(id);
    if (!entry) return;
    this.given.delete(id);
    this.waiting.delete(id);
    entry.reject(error);
    if (stopWorker && entry.worker && entry.worker === this.worker) {
      void entry.worker.terminate();
      this.lose(entry.worker, `${this.options.name} was stopped`);
    } else this.pump();
  }

  /** Ends the worker; requests given or waiting fail. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) this.gone.add(worker);
    for (const entry of [...this.given.values(), ...this.waiting.values()]) entry.reject(new WorkerLost('the app is closing'));
    this.given.clear();
    this.waiting.clear();
    await worker?.terminate();
  }

  private pump(): void {
    for (const [id, entry] of this.waiting) {
      if (this.given.size >= this.concurrency) return;
      this.waiting.delete(id);
      entry.worker = this.ensureWorker();
      this.given.set(id, entry);
      entry.worker.postMessage(entry.message);
    }
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.options.script, { workerData: this.options.workerData });
    worker.unref();
    let failure: string | null = null;
    worker.on('message', (message: M) => {
      const reply = this.options.replyOf(message);
      if (!reply) return this.options.onMessage?.(message);
      const entry = this.given.get(reply.id);
      if (!entry) return;
      this.given.delete(reply.id);
      if (reply.ok) entry.resolve(reply.value);
      else entry.reject(new Error(reply.error));
      this.pump();
    });
    worker.on('error', (error) => (failure = `${this.options.name} failed: ${error.message}`));
    worker.on('exit', (code) => this.lose(worker, failure ?? `${this.options.name} stopped (exit code ${code})`));
    this.worker = worker;
    return worker;
  }

  /** Fails only the requests this worker had; a restarted one may already have its own under way. */
  private lose(worker: Worker, reason: string): void {
    if (this.gone.has(worker)) return;
    this.gone.add(worker);
    if (this.worker === worker) this.worker = null;
    const lost = [...this.given].filter(([, entry]) => entry.worker === worker);
    for (const [id, entry] of lost) {
      this.given.delete(id);
      entry.reject(new WorkerLost(reason));
    }
    this.options.onWorkerLost?.(reason);
    this.pump();
  }
}
