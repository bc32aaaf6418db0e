import { Worker } from 'node:worker_threads';
import type { BriefingSummary } from '../../common/model';
import type { NoteDocument, SearchCoverage, SearchRequest, SearchResponse } from '../../common/search-model';
import { DEFAULT_QUERY_DEADLINE_MS } from './query-budget';
import { LATEST_QUERY, type WorkerData, type WorkerMessage, type WorkerReplies, type WorkerRequest } from './worker-protocol';

/** Longest a query may wait for the worker to start it (it may be building a shard) before the person is told. */
const QUERY_WAIT_MS = 5000;
/**
 * How long past its deadline a running query may go before the worker counts as stuck (in code
 * that cannot look at the deadline, such as inside Lunr) and is restarted.
 */
const STUCK_GRACE_MS = 2000;

export interface SearchServiceOptions {
  /** How long one query may work before it answers with what it has (tests make it small). */
  deadlineMs?: number;
  stuckGraceMs?: number;
}

type Pending = { worker: Worker; resolve: (value: unknown) => void; reject: (error: Error) => void; started?: () => void };
type RequestBody = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

class WorkerStopped extends Error {}
class WorkerStuck extends Error {}
class WorkerBusy extends Error {}

/**
 * The main-thread side of search: starts the worker, forwards requests, and keeps the latest
 * coverage report so the UI can show progress without asking the worker. If the worker dies it is
 * started again on the next request, and the index reloads from its cache. A query that runs far
 * past its deadline means the worker is stuck: it is ended and started again at once.
 */
export class SearchService {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** Newest search id, shared with the worker so that a running query sees it has been superseded. */
  private readonly queries = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
  private readonly latestQuery = new Int32Array(this.queries);
  private root: string | null = null;
  private library: { root: string; briefings: readonly BriefingSummary[] } | null = null;
  private reopening: Promise<void> | null = null;
  private notes: NoteDocument[] = [];
  private lastCoverage: SearchCoverage = { searched: 0, total: 0, indexing: false };
  private readonly deadlineMs: number;
  private readonly stuckGraceMs: number;

  constructor(
    private readonly workerPath: string,
    private readonly cacheDir: string,
    private readonly log: (message: string) => void = console.error,
    options: SearchServiceOptions = {},
  ) {
    this.deadlineMs = options.deadlineMs ?? DEFAULT_QUERY_DEADLINE_MS;
    this.stuckGraceMs = options.stuckGraceMs ?? STUCK_GRACE_MS;
  }

  /** Switches the index to the library at `root` and brings it up to date with `briefings`. */
  async open(root: string, briefings: readonly BriefingSummary[]): Promise<void> {
    this.library = { root, briefings };
    if (this.root !== root || !this.worker) {
      this.lastCoverage = { searched: 0, total: briefings.length, indexing: true };
      await this.call({ type: 'open', root });
      this.root = root;
    }
    await this.call({ type: 'update', briefings: [...briefings] });
  }

  /**
   * Answers within the query's deadline (partly, if need be). A query that was waiting behind a
   * stuck one is asked again of the restarted worker.
   */
  async search(request: SearchRequest): Promise<SearchResponse> {
    const started = performance.now();
    for (let attempt = 0; ; attempt++) {
      try {
        await this.reopenAfterCrash();
        return await this.call({ type: 'search', request, deadlineMs: this.deadlineMs });
      } catch (error) {
        if (error instanceof WorkerStopped && attempt === 0 && this.library) continue;
        this.log(`search failed: ${String(error)}`);
        const refused =
          error instanceof WorkerStuck
            ? 'Search was restarted: that search took too long. Try more specific words.'
            : 'Search is busy finishing the index. Try again in a moment.';
        return {
          results: [],
          total: 0,
          approximate: false,
          refused,
          notices: [],
          coverage: this.lastCoverage,
          elapsedMs: performance.now() - started,
          facets: { sources: [], languages: [] },
          notes: [],
          stopped: error instanceof WorkerStuck ? 'restarted' : null,
        };
      }
    }
  }

  /** Replaces the indexed notes (the worker rebuilds their small index at once). */
  async setNotes(notes: NoteDocument[]): Promise<void> {
    this.notes = notes;
    await this.reopenAfterCrash();
    await this.call({ type: 'notes', notes });
  }

  status(): SearchCoverage {
    return this.lastCoverage;
  }

  /** Resolves when the worker has finished all indexing asked of it so far. */
  async idle(): Promise<void> {
    if (!this.library) return;
    await this.reopenAfterCrash();
    await this.call({ type: 'idle' });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.root = null;
    this.library = null;
    await worker?.terminate();
  }

  /** A new worker knows no library: give it the last one again (its index reloads from the cache) and the notes. */
  private reopenAfterCrash(): Promise<void> {
    if (this.worker || !this.library) return this.reopening ?? Promise.resolve();
    const library = this.library;
    this.reopening ??= (async () => {
      try {
        await this.open(library.root, library.briefings);
        if (this.notes.length > 0) await this.call({ type: 'notes', notes: this.notes });
      } finally {
        this.reopening = null;
      }
    })();
    return this.reopening;
  }

  private call<T extends RequestBody>(body: T): Promise<WorkerReplies[T['type']]> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const settle = (error: Error) => {
        this.pending.delete(id);
        reject(error);
      };
      const entry: Pending = {
        worker,
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value as WorkerReplies[T['type']]);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      if (body.type === 'search') {
        Atomics.store(this.latestQuery, LATEST_QUERY, id);
        timer = setTimeout(() => settle(new WorkerBusy(`not started within ${QUERY_WAIT_MS} ms`)), QUERY_WAIT_MS);
        entry.started = () => {
          clearTimeout(timer);
          timer = setTimeout(() => {
            settle(new WorkerStuck(`still running ${this.deadlineMs + this.stuckGraceMs} ms after it started`));
            this.restart(worker);
          }, this.deadlineMs + this.stuckGraceMs);
        };
      }
      this.pending.set(id, entry);
      worker.postMessage({ ...body, id } as WorkerRequest);
    });
  }

  /** Ends a stuck worker and starts another on the persisted index straight away, so the next query finds it loading. */
  private restart(worker: Worker): void {
    if (this.worker !== worker) return;
    this.log('search worker stuck in a query: restarting it');
    this.worker = null;
    this.root = null;
    void worker.terminate();
    this.reopenAfterCrash().catch((error: unknown) => this.log(`search worker restart failed: ${String(error)}`));
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.workerPath, { workerData: { cacheDir: this.cacheDir, queries: this.queries } satisfies WorkerData });
    worker.unref();
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'coverage') this.lastCoverage = message.coverage;
      else if (message.kind === 'failed') this.log(`search indexing failed: ${message.error}`);
      else if (message.kind === 'started') this.pending.get(message.id)?.started?.();
      else {
        const pending = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.ok) pending?.resolve(message.value);
        else pending?.reject(new Error(message.error));
      }
    });
    worker.on('error', (error) => this.log(`search worker crashed: ${error.stack ?? error.message}`));
    worker.on('exit', () => {
      if (this.worker === worker) {
        this.worker = null;
        this.root = null;
      }
      // Only this worker's requests: a restarted one may already have its own under way.
      for (const [id, pending] of [...this.pending]) {
        if (pending.worker !== worker) continue;
        this.pending.delete(id);
        pending.reject(new WorkerStopped('the search worker stopped'));
      }
    });
    this.worker = worker;
    return worker;
  }
}
