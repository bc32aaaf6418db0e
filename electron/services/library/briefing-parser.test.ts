import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { useTempDirs } from '../test-support/temp-dir';
import { parseWorkerBundle } from '../test-support/worker-bundle';
import { BriefingParser } from './briefing-parser';

const tempDir = useTempDirs();
const KREMLIN_PAGE = fileURLToPath(new URL('../../../test-corpus/kremlin/17152.html', import.meta.url));
const parsers: BriefingParser[] = [];
afterEach(async () => {
  await Promise.all(parsers.splice(0).map((parser) => parser.close()));
});

function parser(workerPath?: string): BriefingParser {
  const made = new BriefingParser(workerPath);
  parsers.push(made);
  return made;
}

describe('BriefingParser', () => {
  it('gives the same listing and article from the worker as parsing inline', async () => {
    const bytes = await readFile(KREMLIN_PAGE);
    const inWorker = await parser(await parseWorkerBundle()).parse('kremlin/17152.html', 'html', bytes, true);
    const inline = await parser().parse('kremlin/17152.html', 'html', bytes, true);
    expect(inWorker).toEqual(inline);
    expect(inWorker.summary.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    expect(inWorker.article?.html).toMatch(/<p>/);
  });

  it('keeps the calling thread free while a 10 MB saved page is parsed', async () => {
    const paragraph = (index: number) => `<p>Comment ${index}: the delegation met again on Tuesday to discuss grain corridors and prisoner exchanges.</p>`;
    const page = `<html><head><title>Thread</title></head><body>${Array.from({ length: 100_000 }, (_, index) => paragraph(index)).join('')}</body></html>`;
    const worker = parser(await parseWorkerBundle());
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    try {
      const parsed = await worker.parse('thread.html', 'html', Buffer.from(page), false);
      expect(parsed.summary.title).toBe('Thread');
      // Parsing inline, no timer could fire until it was done.
      expect(ticks).toBeGreaterThan(10);
    } finally {
      clearInterval(timer);
    }
  });

  it('fails only the file a dying worker was parsing; the files waiting are parsed by a new one', async () => {
    const script = join(await tempDir(), 'dies-on-a-poison-file.cjs');
    // Stands in for a worker killed by a hostile page (out of memory): it exits on one file name.
    await writeFile(
      script,
      `const { parentPort } = require('node:worker_threads');
       parentPort.on('message', (request) => {
         if (request.id === 'poison.md') process.exit(7);
         parentPort.postMessage({ requestId: request.requestId, ok: true, summary: { id: request.id }, article: null });
       });`,
    );
    const flaky = parser(script);
    const bytes = Buffer.from('# Title');
    const results = await Promise.allSettled(['a.md', 'poison.md', 'b.md', 'c.md'].map((id) => flaky.parse(id, 'markdown', bytes, false)));
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason.message).toBe('the parser stopped (exit code 7)');
    expect((results[3] as PromiseFulfilledResult<{ summary: { id: string } }>).value.summary.id).toBe('c.md');
  });

  it('parses inline when the worker script is missing, rather than failing every file, and says so', async () => {
    const script = join(await tempDir(), 'not-built.cjs');
    const logged: string[] = [];
    const missing = new BriefingParser(script, (message) => logged.push(message));
    parsers.push(missing);
    const parsed = await missing.parse('note.md', 'markdown', Buffer.from('---\ntitle: Still read\n---\n\nText.'), false);
    expect(parsed.summary.title).toBe('Still read');
    expect(logged).toEqual([`the parse worker is missing (${script}): files are parsed in the main process`]);
  });
});
