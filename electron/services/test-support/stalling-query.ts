/** The query text that makes the stalling search worker (stalling-search-worker.ts) hang. */
export const STALLING_QUERY = 'stall the worker';
