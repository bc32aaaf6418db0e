import { Worker } from 'node:worker_threads';
import type { BriefingSummary } from '../../common/model';
import type { NoteDocument, SearchCoverage, SearchRequest, SearchResponse } from '../../common/search-model';
import type { WorkerData, WorkerMessage, WorkerReplies, WorkerRequest } from './worker-protocol';

/** Longest a query may wait for the worker (which may be finishing a shard) before the person is told. */
const QUERY_TIMEOUT_MS = 5000;

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };
type RequestBody = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/**
 * The main-thread side of search: starts the worker, forwards requests, and keeps the latest
 * coverage report so the UI can show progress without asking the worker. If the worker dies it is
 * started again on the next request, and the index reloads from its cache.
 */
export class SearchService {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private root: string | null = null;
  private library: { root: string; briefings: readonly BriefingSummary[] } | null = null;
  private notes: NoteDocument[] = [];
  private lastCoverage: SearchCoverage = { searched: 0, total: 0, indexing: false };

  constructor(
    private readonly workerPath: string,
    private readonly cacheDir: string,
    private readonly log: (message: string) => void = console.error,
  ) {}

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

  async search(request: SearchRequest): Promise<SearchResponse> {
    try {
      await this.reopenAfterCrash();
      return await this.call({ type: 'search', request }, QUERY_TIMEOUT_MS);
    } catch (error) {
      this.log(`search failed: ${String(error)}`);
      return {
        results: [],
        total: 0,
        approximate: false,
        refused: 'Search is busy finishing the index. Try again in a moment.',
        notices: [],
        coverage: this.lastCoverage,
        elapsedMs: QUERY_TIMEOUT_MS,
        facets: { sources: [], languages: [] },
        notes: [],
      };
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
  private async reopenAfterCrash(): Promise<void> {
    if (this.worker || !this.library) return;
    await this.open(this.library.root, this.library.briefings);
    if (this.notes.length > 0) await this.call({ type: 'notes', notes: this.notes });
  }

  private call<T extends RequestBody>(body: T, timeoutMs?: number): Promise<WorkerReplies[T['type']]> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = timeoutMs ? setTimeout(() => this.settle(id, new Error(`no answer within ${timeoutMs} ms`)), timeoutMs) : null;
      this.pending.set(id, {
        resolve: (value) => {
          if (timer) clearTimeout(timer);
          resolve(value as WorkerReplies[T['type']]);
        },
        reject: (error) => {
          if (timer) clearTimeout(timer);
          reject(error);
        },
      });
      worker.postMessage({ ...body, id } as WorkerRequest);
    });
  }

  private settle(id: number, error: Error): void {
    this.pending.get(id)?.reject(error);
    this.pending.delete(id);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.workerPath, { workerData: { cacheDir: this.cacheDir } satisfies WorkerData });
    worker.unref();
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'coverage') this.lastCoverage = message.coverage;
      else if (message.kind === 'failed') this.log(`search indexing failed: ${message.error}`);
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
      for (const id of [...this.pending.keys()]) this.settle(id, new Error('the search worker stopped'));
    });
    this.worker = worker;
    return worker;
  }
}
