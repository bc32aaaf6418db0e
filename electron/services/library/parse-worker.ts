/**
 * The parse worker thread: decodes and parses briefing files (a 30 MB saved page takes seconds)
 * so the process that answers the window never waits on one. Bundled to its own file
 * (dist/main/parse-worker.cjs).
 */
import { parentPort } from 'node:worker_threads';
import { parseBriefing, toArticle } from './parse-briefing';
import type { ParseReply, ParseRequest } from './parse-protocol';

const port = parentPort!;

port.on('message', (request: ParseRequest) => {
  let reply: ParseReply;
  try {
    const { summary, document } = parseBriefing(request.id, request.format, request.bytes);
    reply = { requestId: request.requestId, ok: true, summary, article: request.render && document ? toArticle(summary, document) : null };
  } catch (error) {
    reply = { requestId: request.requestId, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
