import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { Article, BriefingFormat, BriefingSummary } from '../../common/model';
import { parseBriefing, toArticle } from './parse-briefing';
import type { ParseReply, ParseRequest } from './parse-protocol';

export interface Parsed {
  summary: BriefingSummary;
  /** The article the reader shows, when asked for and the file could be parsed. */
  article: Article | null;
}

type Pending = { request: ParseRequest; resolve: (parsed: Parsed) => void; reject: (error: Error) => void };

/**
 * Parses briefing files in a worker thread, one at a time in the order asked, so that the main
 * process (which answers the window) stays free while a library is scanned or a huge saved page
 * is read. A worker that dies (out of memory on a hostile page) fails the file it was parsing
 * with an error; a new worker takes the files that were waiting. Without a worker script (unit tests of the
 * library) files are parsed inline.
 */
export class BriefingParser {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  private readonly workerPath: string | undefined;

  /** A worker script that is not there (a build that skipped it) means parsing inline, not failing every file. */
  constructor(workerPath?: string) {
    this.workerPath = workerPath && existsSync(workerPath) ? workerPath : undefined;
  }

  /** Parses one file's bytes; rejects only when the worker fails, never for bad content. */
  parse(id: string, format: BriefingFormat, bytes: Uint8Array, render: boolean): Promise<Parsed> {
    if (!this.workerPath) {
      const { summary, document } = parseBriefing(id, format, bytes);
      return Promise.resolve({ summary, article: render && document ? toArticle(summary, document) : null });
    }
    const request: ParseRequest = { requestId: this.nextId++, id, format, bytes, render };
    return new Promise<Parsed>((resolve, reject) => {
      this.pending.set(request.requestId, { request, resolve, reject });
      this.ensureWorker(this.workerPath!).postMessage(request);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    for (const pending of this.pending.values()) pending.reject(new Error('the app is closing'));
    this.pending.clear();
    await worker?.terminate();
  }

  private ensureWorker(path: string): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(path);
    worker.unref();
    worker.on('message', (reply: ParseReply) => {
      const pending = this.pending.get(reply.requestId);
      this.pending.delete(reply.requestId);
      if (reply.ok) pending?.resolve({ summary: reply.summary, article: reply.article });
      else pending?.reject(new Error(reply.error));
    });
    const lost = (reason: string) => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.workerLost(reason);
    };
    worker.on('error', (error) => lost(`the parser failed: ${error.message}`));
    worker.on('exit', (code) => lost(`the parser stopped (exit code ${code})`));
    this.worker = worker;
    return worker;
  }

  /** Requests are answered in order, so the oldest one waiting is the one that was being parsed. */
  private workerLost(reason: string): void {
    const [culprit, ...waiting] = this.pending.values();
    if (!culprit) return;
    this.pending.delete(culprit.request.requestId);
    culprit.reject(new Error(reason));
    if (waiting.length === 0) return;
    const worker = this.ensureWorker(this.workerPath!);
    for (const pending of waiting) worker.postMessage(pending.request);
  }
}
