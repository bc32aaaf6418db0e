/**
 * The parse worker thread: decodes and parses briefing files (a 30 MB saved page takes seconds, a
 * 300-page PDF's text longer) so the process that answers the window never waits on one. Bundled
 * to its own file (dist/main/parse-worker.cjs).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parseBriefing, toArticle } from './parse-briefing';
import type { ParseReply, ParseRequest, ParseWorkerData } from './parse-protocol';
import { configurePdfCache } from './pdf/extraction-cache';

const port = parentPort!;
configurePdfCache((workerData as ParseWorkerData | undefined)?.pdfCache ?? null);

port.on('message', (request: ParseRequest) => {
  void parse(request).then((reply) => port.postMessage(reply));
});

async function parse(request: ParseRequest): Promise<ParseReply> {
  try {
    const { summary, document } = await parseBriefing(request.id, request.format, request.bytes);
    return { requestId: request.requestId, ok: true, summary, article: request.render && document ? toArticle(summary, document) : null };
  } catch (error) {
    return { requestId: request.requestId, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
