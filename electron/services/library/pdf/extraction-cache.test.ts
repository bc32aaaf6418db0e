import { readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { useTempDirs } from '../../test-support/temp-dir';
import { cachedExtraction, configurePdfCache } from './extraction-cache';
import type { PdfExtraction } from './extract-pdf';

const tempDir = useTempDirs();
afterEach(() => configurePdfCache(null));

const info = { titles: ['Readout'], authors: [], dates: ['2022-03-11'], producers: [] };
const opened = (text: string): PdfExtraction => ({ kind: 'opened', pageCount: 1, pages: [text], failedPages: [], info, heading: null });

/** An extractor that counts its calls, standing in for pdf.js so the cache's own behaviour is what is tested. */
function counting(result: (bytes: Uint8Array) => PdfExtraction) {
  const calls: Uint8Array[] = [];
  return { calls, extract: async (bytes: Uint8Array) => (calls.push(bytes), result(bytes)) };
}

describe('the PDF extraction cache', () => {
  it('extracts a file once: the same bytes again, under any name, come from the cache', async () => {
    configurePdfCache(await tempDir());
    const { calls, extract } = counting(() => opened('The ministers met.'));
    const bytes = Buffer.from('%PDF-1.7 one');
    const first = await cachedExtraction(bytes, extract);
    const second = await cachedExtraction(Buffer.from(bytes), extract);
    expect(second).toEqual(first);
    expect(calls).toHaveLength(1);
    await cachedExtraction(Buffer.from('%PDF-1.7 two'), extract);
    expect(calls).toHaveLength(2);
  });

  it('ignores a damaged cache file or one from another parser version, and replaces it', async () => {
    const folder = await tempDir();
    configurePdfCache(folder);
    const { calls, extract } = counting(() => opened('Fresh text.'));
    const bytes = Buffer.from('%PDF-1.7 three');
    const { key } = await cachedExtraction(bytes, extract);
    const path = join(folder, `${key}.json`);
    for (const damaged of [
      '{"version":',
      JSON.stringify({ version: '1/parser-1', extraction: opened('Old text.') }),
      '{"version":"x","extraction":{"kind":"opened"}}',
    ]) {
      await writeFile(path, damaged);
      expect((await cachedExtraction(bytes, extract)).extraction).toEqual(opened('Fresh text.'));
    }
    expect(calls).toHaveLength(4);
    expect(JSON.parse(await readFile(path, 'utf8')).extraction).toEqual(opened('Fresh text.'));
  });

  it('keeps its folder under its size limit, dropping the files used least recently', async () => {
    const folder = await tempDir();
    configurePdfCache(folder, 3000);
    const page = 'x'.repeat(900);
    const { extract } = counting((bytes) => opened(`${Buffer.from(bytes).toString()} ${page}`));
    const keys: string[] = [];
    for (let index = 0; index < 3; index++) {
      keys.push((await cachedExtraction(Buffer.from(`%PDF file ${index}`), extract)).key);
      // Distinct use times, oldest first, the first file then used again.
      await utimes(join(folder, `${keys[index]}.json`), new Date(1000 * (index + 1)), new Date(1000 * (index + 1)));
    }
    await cachedExtraction(Buffer.from('%PDF file 0'), extract);
    await cachedExtraction(Buffer.from('%PDF file 3'), extract);
    const left = await readdir(folder);
    const total = (await Promise.all(left.map(async (name) => (await stat(join(folder, name))).size))).reduce((sum, size) => sum + size, 0);
    expect(total).toBeLessThanOrEqual(3000);
    expect(left).toContain(`${keys[0]}.json`);
    expect(left).not.toContain(`${keys[1]}.json`);
  });

  it('still gives the extraction when its folder cannot be written', async () => {
    const folder = join(await tempDir(), 'file-in-the-way');
    await writeFile(folder, 'not a folder');
    configurePdfCache(folder);
    const { extract } = counting(() => opened('Text.'));
    expect((await cachedExtraction(Buffer.from('%PDF x'), extract)).extraction).toEqual(opened('Text.'));
  });
});
