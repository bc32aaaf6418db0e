/**
 * Registered before the real search worker's own listener, so it sees each message first: a
 * search for STALLING_QUERY blocks the thread for good, as a query stuck somewhere that cannot
 * look at its deadline (inside Lunr, in a native regular expression) would.
 */
import { parentPort } from 'node:worker_threads';
import type { WorkerMessage, WorkerRequest } from '../search/worker-protocol';
import { STALLING_QUERY } from './stalling-query';

parentPort!.on('message', (request: WorkerRequest) => {
  if (request.type !== 'search' || request.request.text !== STALLING_QUERY) return;
  parentPort!.postMessage({ kind: 'started', id: request.id } satisfies WorkerMessage);
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
});
