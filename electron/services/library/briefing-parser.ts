import type { Article, BriefingFormat, BriefingSummary } from '../../common/model';
import { parseBriefing, toArticle } from './parse-briefing';
import type { ParseReply, ParseRequest, ParseWorkerData } from './parse-protocol';
import { configurePdfCache } from './pdf/extraction-cache';
import { WorkerClient } from '../workers/worker-client';

export interface Parsed {
  summary: BriefingSummary;
  /** The article the reader shows, when asked for and the file could be parsed. */
  article: Article | null;
}

/**
 * Parses briefing files in a worker thread, one at a time in the order asked, so that the main
 * process (which answers the window) stays free while a library is scanned or a huge saved page
 * is read. A worker that dies (out of memory on a hostile page) fails the file it was parsing
 * with an error; a new worker takes the files that were waiting. Without a worker script (unit
 * tests of the library, or a build that skipped it, which is reported) files are parsed inline.
 * `pdfCache` is the folder where PDF extractions are kept (see pdf/extraction-cache.ts).
 */
export class BriefingParser {
  private readonly client: WorkerClient<ParseReply> | null;

  constructor(workerPath?: string, log: (message: string) => void = console.error, pdfCache: string | null = null) {
    const client = workerPath
      ? new WorkerClient<ParseReply>({
          script: workerPath,
          name: 'the parser',
          workerData: { pdfCache } satisfies ParseWorkerData,
          // One file at a time, so a crash fails the file that caused it and no other.
          concurrency: 1,
          replyOf: (reply) => (reply.ok ? { id: reply.requestId, ok: true, value: reply } : { id: reply.requestId, ok: false, error: reply.error }),
        })
      : null;
    if (client && !client.available) log(`the parse worker is missing (${workerPath}): files are parsed in the main process`);
    this.client = client?.available ? client : null;
    if (!this.client) configurePdfCache(pdfCache);
  }

  /** Parses one file's bytes; rejects only when the worker fails, never for bad content. */
  async parse(id: string, format: BriefingFormat, bytes: Uint8Array, render: boolean): Promise<Parsed> {
    if (!this.client) {
      const { summary, document } = await parseBriefing(id, format, bytes);
      return { summary, article: render && document ? toArticle(summary, document) : null };
    }
    const { reply } = this.client.request((requestId) => ({ requestId, id, format, bytes, render }) satisfies ParseRequest);
    const { summary, article } = (await reply) as Extract<ParseReply, { ok: true }>;
    return { summary, article };
  }

  async close(): Promise<void> {
    await this.client?.close();
  }
}
