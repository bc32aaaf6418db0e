import type { BriefingSummary } from '../../common/model';
import type { NoteDocument, SearchCoverage, SearchRequest, SearchResponse } from '../../common/search-model';

/** Messages to the search worker. Each carries an id; the worker answers with the same id. */
export type WorkerRequest =
  | { id: number; type: 'open'; root: string }
  | { id: number; type: 'update'; briefings: BriefingSummary[] }
  | { id: number; type: 'search'; request: SearchRequest; deadlineMs: number }
  | { id: number; type: 'notes'; notes: NoteDocument[] }
  | { id: number; type: 'status' }
  | { id: number; type: 'idle' };

export interface WorkerReplies {
  open: null;
  update: null;
  search: SearchResponse;
  notes: null;
  status: SearchCoverage;
  idle: null;
}

/** Messages from the worker: answers, a query's start (its deadline runs from then), and coverage reports while it indexes. */
export type WorkerMessage =
  | { kind: 'started'; id: number }
  | { kind: 'reply'; id: number; ok: true; value: unknown }
  | { kind: 'reply'; id: number; ok: false; error: string }
  | { kind: 'coverage'; coverage: SearchCoverage }
  | { kind: 'failed'; error: string };

export interface WorkerData {
  cacheDir: string;
  /**
   * Shared with the client, slot LATEST_QUERY holds the id of the newest search asked for. The
   * worker reads it inside a running query, without waiting for messages, to drop a superseded one.
   */
  queries: SharedArrayBuffer;
}

export const LATEST_QUERY = 0;
