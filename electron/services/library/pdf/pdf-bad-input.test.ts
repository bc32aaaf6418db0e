import { readFileSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { useTempDirs } from '../../test-support/temp-dir';
import { parseWorkerBundle } from '../../test-support/worker-bundle';
import { BriefingParser } from '../briefing-parser';
import { LibraryService } from '../library-service';
import { parseBriefing, toArticle } from '../parse-briefing';

/** Hostile and awkward PDFs made for these tests (test-corpus/pdf-hostile/README.md says how each was made). */
const HOSTILE = fileURLToPath(new URL('../../../../test-corpus/pdf-hostile/', import.meta.url));
const hostile = (name: string) => readFileSync(join(HOSTILE, name));
const tempDir = useTempDirs();
const parsers: BriefingParser[] = [];
afterEach(async () => {
  await Promise.all(parsers.splice(0).map((parser) => parser.close()));
});

describe('PDFs that cannot be read as they are', () => {
  it('lists a zero-byte .pdf as empty', async () => {
    const { summary, document } = await parseBriefing('zero.pdf', 'pdf', new Uint8Array());
    expect(summary.problem).toEqual({ code: 'empty', severity: 'error', message: 'This file is empty.' });
    expect(document).toBeNull();
  });

  it('says a web page or a text file named .pdf is not a PDF, and what it is instead', async () => {
    const page = await parseBriefing('page.pdf', 'pdf', hostile('html-named-pdf.pdf'));
    expect(page.summary.problem).toEqual({
      code: 'damaged',
      severity: 'error',
      message: 'This file is not a PDF, although its name ends in .pdf: it holds a web page (HTML): rename it to .html to read it.',
    });
    expect(page.document).toBeNull();
    const text = await parseBriefing('notes.pdf', 'pdf', Buffer.from('Notes from the call\n\nThe ministers agreed to meet again.'));
    expect(text.summary.problem?.message).toBe('This file is not a PDF, although its name ends in .pdf: it holds plain text: rename it to .txt to read it.');
  });

  it('lists a PDF cut short with the reason, keeping its name as the title', async () => {
    const cut = hostile('readout-v1.pdf').subarray(0, 600);
    const { summary, document } = await parseBriefing('cut/readout-download.pdf', 'pdf', cut);
    expect(summary).toMatchObject({ title: 'Readout download', problem: { code: 'damaged', severity: 'error' } });
    expect(summary.problem?.message).toMatch(/^This PDF is damaged and cannot be opened \(.+\)\. It may be cut short: try downloading or copying it again\.$/);
    expect(document).toBeNull();
    expect((await parseBriefing('half.pdf', 'pdf', hostile('truncated-half.pdf'))).summary.problem?.code).toBe('damaged');
  });

  it('keeps the pages of a damaged PDF that can be read, and names the one that cannot', async () => {
    const { summary, document } = await parseBriefing('damaged.pdf', 'pdf', hostile('damaged-page-7.pdf'));
    expect(summary.problem).toEqual({
      code: 'damaged',
      severity: 'warning',
      message: 'This PDF is damaged: page 7 could not be read. The other pages are shown and searched.',
    });
    const { text, pageStarts } = toArticle(summary, document!).pdf!;
    expect(text).toContain('Page 6 of 10');
    expect(pageStarts).toHaveLength(summary.pageCount!);
  });

  it('lists a password-protected PDF for the reader to unlock, with its bytes and no text', async () => {
    const bytes = hostile('password-briefing.pdf');
    const { summary, document } = await parseBriefing('locked.pdf', 'pdf', bytes);
    expect(summary).toMatchObject({ title: 'Locked', wordCount: 0, problem: { code: 'password', severity: 'warning' } });
    expect(summary.problem?.message).toBe('This PDF is protected by a password: open it and type the password to read it. It cannot be searched.');
    expect(summary.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    expect(toArticle(summary, document!).pdf).toEqual({ data: Buffer.from(bytes).toString('base64'), text: null, pageStarts: [] });
  });

  it('lists every hostile PDF through the parse worker without the scan failing, each with its reason or its text', async () => {
    const root = await tempDir();
    await mkdir(join(root, 'pdfs'));
    const names = (await readdir(HOSTILE)).filter((name) => name.endsWith('.pdf'));
    for (const name of names) await copyFile(join(HOSTILE, name), join(root, 'pdfs', name));
    const parser = new BriefingParser(await parseWorkerBundle(), console.error, await tempDir());
    parsers.push(parser);
    const snapshot = await new LibraryService(await tempDir(), parser).open(root);
    const byName = Object.fromEntries(snapshot.briefings.map((briefing) => [briefing.id.slice('pdfs/'.length), briefing]));
    expect(Object.keys(byName).sort()).toEqual(names.sort());
    expect(
      Object.fromEntries(
        Object.entries(byName).map(([name, briefing]) => [name, briefing.problem ? `${briefing.problem.code}/${briefing.problem.severity}` : null]),
      ),
    ).toEqual({
      'damaged-page-7.pdf': 'damaged/warning',
      'embedded-files.pdf': null,
      'fifty-megapixel-image.pdf': null,
      'giant-page.pdf': null,
      'html-named-pdf.pdf': 'damaged/error',
      'internal-link.pdf': null,
      'javascript-open-action.pdf': null,
      'launch-action.pdf': null,
      'password-briefing.pdf': 'password/warning',
      'readout-v1.pdf': null,
      'readout-v2.pdf': null,
      'remote-goto-links.pdf': null,
      'truncated-half.pdf': 'damaged/error',
      'two-thousand-pages.pdf': null,
      'uri-links.pdf': null,
      'xfa-form.pdf': null,
      'zero-bytes.pdf': 'empty/error',
    });
    expect(byName['two-thousand-pages.pdf'].pageCount).toBe(2000);
  }, 180_000);
});

describe('the parse worker', () => {
  it('gives the same PDF listing and article as parsing inline, and caches the extraction in the folder it was given', async () => {
    const cache = await tempDir();
    const bytes = hostile('readout-v2.pdf');
    const worker = new BriefingParser(await parseWorkerBundle(), console.error, cache);
    parsers.push(worker);
    const inWorker = await worker.parse('readout.pdf', 'pdf', bytes, true);
    expect(inWorker.summary).toMatchObject({ title: 'Readout of a meeting on sanctions (revised fixture)', pageCount: 1, problem: null });
    expect(inWorker.article?.pdf?.text).toContain('humanitarian corridors');
    expect((await parseBriefing('readout.pdf', 'pdf', bytes)).summary).toEqual(inWorker.summary);
    const [cached] = await readdir(cache);
    expect(cached).toMatch(/^[0-9a-f]{64}\.json$/);
    expect(JSON.parse(await readFile(join(cache, cached), 'utf8')).extraction.pages[0]).toContain('humanitarian corridors');
  });
});
