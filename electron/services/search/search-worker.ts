/**
 * The search worker thread: owns the Lunr indexes so that building and querying them never
 * blocks the process that answers the window. Bundled to its own file (dist/main/search-worker.cjs).
 */
import { dirname, join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { configurePdfCache, PDF_CACHE_FOLDER } from '../library/pdf/extraction-cache';
import { QueryBudget } from './query-budget';
import { SearchEngine } from './search-engine';
import { LATEST_QUERY, type WorkerData, type WorkerMessage, type WorkerRequest } from './worker-protocol';

const port = parentPort!;
const { cacheDir, queries } = workerData as WorkerData;
const latestQuery = new Int32Array(queries);
// PDFs are indexed from the extractions the parse worker cached beside the search cache, not extracted again.
configurePdfCache(join(dirname(cacheDir), PDF_CACHE_FOLDER));
let engine: SearchEngine | null = null;
/** Messages are handled as they arrive; all but `open` first wait for an `open` in progress. */
let opening: Promise<unknown> = Promise.resolve();

const post = (message: WorkerMessage) => port.postMessage(message);

port.on('message', async (request: WorkerRequest) => {
  try {
    post({ kind: 'reply', id: request.id, ok: true, value: await handle(request) });
  } catch (error) {
    post({ kind: 'reply', id: request.id, ok: false, error: error instanceof Error ? error.message : String(error) });
  }
});

async function handle(request: WorkerRequest): Promise<unknown> {
  if (request.type === 'open') {
    const opened = SearchEngine.open(request.root, cacheDir, { onCoverage: (coverage) => post({ kind: 'coverage', coverage }) });
    opening = opened.catch(() => undefined);
    engine = await opened;
    return null;
  }
  await opening;
  if (!engine) {
    if (request.type === 'idle') return null;
    throw new Error('no library is open in the search worker');
  }
  switch (request.type) {
    case 'update':
      // Answered at once: indexing goes on in the background and reports coverage as it goes.
      engine.update(request.briefings).catch((error: unknown) => post({ kind: 'failed', error: String(error) }));
      return null;
    case 'search': {
      post({ kind: 'started', id: request.id });
      const { id } = request;
      return engine.search(request.request, new QueryBudget(request.deadlineMs, () => Atomics.load(latestQuery, LATEST_QUERY) !== id));
    }
    case 'notes':
      engine.setNotes(request.notes);
      return null;
    case 'status':
      return engine.coverage();
    case 'idle':
      await engine.idle();
      return null;
  }
}
