import type { BriefingSummary } from '../../common/model';
import type { NoteDocument, SearchCoverage, SearchRequest, SearchResponse } from '../../common/search-model';
import { DEFAULT_QUERY_DEADLINE_MS } from './query-budget';
import { WorkerClient, WorkerLost, WorkerMissing } from '../workers/worker-client';
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

type RequestBody = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

class WorkerStuck extends Error {}
class WorkerBusy extends Error {}

/**
 * The main-thread side of search: starts the worker, forwards requests, and keeps the latest
 * coverage report so the UI can show progress without asking the worker. If the worker dies (the
 * requests it was running fail, by the worker client's one rule) a new one is started on the next
 * request and the index reloads from its cache. A query that runs far past its deadline means the
 * worker is stuck: it is ended and started again at once.
 */
export class SearchService {
  private readonly client: WorkerClient<WorkerMessage>;
  /** A query's start, by request id: its deadline runs from then. */
  private readonly starting = new Map<number, () => void>();
  /** Newest search id, shared with the worker so that a running query sees it has been superseded. */
  private readonly queries = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
  private readonly latestQuery = new Int32Array(this.queries);
  /** The library the current worker has open; null when there is no worker or it knows none. */
  private root: string | null = null;
  /** Set when a worker is lost while a library is open: the next request reopens it first. */
  private reopenNeeded = false;
  private library: { root: string; briefings: readonly BriefingSummary[] } | null = null;
  /** The last `open`, until it has sent its update. */
  private opening: Promise<void> | null = null;
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
    this.client = new WorkerClient<WorkerMessage>({
      script: workerPath,
      name: 'the search worker',
      workerData: { cacheDir, queries: this.queries } satisfies WorkerData,
      replyOf: (message) => (message.kind === 'reply' ? message : null),
      onMessage: (message) => {
        if (message.kind === 'coverage') this.lastCoverage = message.coverage;
        else if (message.kind === 'failed') this.log(`search indexing failed: ${message.error}`);
        else if (message.kind === 'started') this.starting.get(message.id)?.();
      },
      onWorkerLost: (reason) => {
        this.log(`search worker lost: ${reason}`);
        this.root = null;
        this.reopenNeeded = this.library !== null;
      },
    });
  }

  /** Switches the index to the library at `root` and brings it up to date with `briefings`. */
  open(root: string, briefings: readonly BriefingSummary[]): Promise<void> {
    this.library = { root, briefings };
    const opening = (async () => {
      if (this.root !== root) {
        this.lastCoverage = { searched: 0, total: briefings.length, indexing: true };
        await this.call({ type: 'open', root });
        this.root = root;
      }
      await this.call({ type: 'update', briefings: [...briefings] });
    })();
    this.opening = opening;
    return opening;
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
        if (error instanceof WorkerLost && attempt === 0 && this.library) continue;
        this.log(`search failed: ${String(error)}`);
        const refused =
          error instanceof WorkerStuck
            ? 'Search was restarted: that search took too long. Try more specific words.'
            : error instanceof WorkerMissing
              ? 'Search is missing from this installation. Reinstall Briefing Reader.'
              : 'Search is busy finishing the index. Try again in a moment.';
        return {
          results: [],
          total: 0,
          totalEstimated: false,
          match: 'all',
          corrections: [],
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
    // The update of an open still waiting for the worker to switch libraries is not sent yet: an
    // idle message sent now would overtake it.
    await this.opening?.catch(() => undefined);
    await this.reopenAfterCrash();
    await this.call({ type: 'idle' });
  }

  async close(): Promise<void> {
    this.root = null;
    this.library = null;
    await this.client.close();
  }

  /** A new worker knows no library: give it the last one again (its index reloads from the cache) and the notes. */
  private reopenAfterCrash(): Promise<void> {
    if (!this.reopenNeeded || !this.library) return this.reopening ?? Promise.resolve();
    this.reopenNeeded = false;
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
    const { id, reply } = this.client.request((id) => {
      // Before the worker can see the message: a query that started before this store would take itself for superseded.
      if (body.type === 'search') Atomics.store(this.latestQuery, LATEST_QUERY, id);
      return { ...body, id } as WorkerRequest;
    });
    if (body.type !== 'search') return reply as Promise<WorkerReplies[T['type']]>;
    let timer = setTimeout(() => this.client.fail(id, new WorkerBusy(`not started within ${QUERY_WAIT_MS} ms`)), QUERY_WAIT_MS);
    this.starting.set(id, () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        this.log('search worker stuck in a query: restarting it');
        this.client.fail(id, new WorkerStuck(`still running ${this.deadlineMs + this.stuckGraceMs} ms after it started`), true);
        // Started again on the persisted index straight away, so the next query finds it loading.
        this.reopenAfterCrash().catch((error: unknown) => this.log(`search worker restart failed: ${String(error)}`));
      }, this.deadlineMs + this.stuckGraceMs);
    });
    return (reply as Promise<WorkerReplies[T['type']]>).finally(() => {
      clearTimeout(timer);
      this.starting.delete(id);
    });
  }
}
