import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../test-support/temp-dir';
import { importIntoLibrary } from './import-files';

const tempDir = useTempDirs();
const bytes = (text: string) => new TextEncoder().encode(text);

describe('importIntoLibrary', () => {
  it('copies briefings in, giving a taken name " (2)" and never overwriting', async () => {
    const root = await tempDir();
    await writeFile(join(root, 'cable.md'), 'the original');
    const result = await importIntoLibrary(root, [
      { name: 'cable.md', bytes: bytes('# Second cable') },
      { name: 'cable.md', bytes: bytes('# Third cable') },
      { name: 'Page.HTML', bytes: bytes('<title>x</title>') },
    ]);
    expect(result).toEqual({ added: ['cable (2).md', 'cable (3).md', 'Page.html'], skipped: [] });
    expect(await readFile(join(root, 'cable.md'), 'utf8')).toBe('the original');
    expect(await readFile(join(root, 'cable (3).md'), 'utf8')).toBe('# Third cable');
    expect((await readdir(root)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('leaves out what the library cannot read, saying why, and keeps the rest', async () => {
    const root = await tempDir();
    const result = await importIntoLibrary(root, [
      { name: 'slides.pptx', bytes: bytes('PK') },
      { name: 'empty.pdf', bytes: new Uint8Array() },
      { name: 'empty.txt', bytes: new Uint8Array() },
      { name: 'huge.md', bytes: new Uint8Array(10 * 1024 * 1024 + 1) },
      { name: 'ok.txt', bytes: bytes('fine') },
    ]);
    expect(result.added).toEqual(['ok.txt']);
    expect(result.skipped).toEqual([
      {
        name: 'slides.pptx',
        reason: expect.stringContaining('saved web pages, PDFs and Word documents (.md, .markdown, .txt, .html, .htm, .pdf, .docx); this is a .pptx file'),
      },
      { name: 'empty.pdf', reason: 'The file is empty.' },
      { name: 'empty.txt', reason: 'The file is empty.' },
      { name: 'huge.md', reason: 'This file is 10.1 MB; Briefing Reader opens briefings of up to 10 MB.' },
    ]);
  });

  it('imports PDFs and Word documents byte for byte, within their own size caps', async () => {
    const root = await tempDir();
    const pdf = Uint8Array.from({ length: 4096 }, (_, index) => (index * 31) % 256);
    const result = await importIntoLibrary(root, [
      { name: 'Readout.PDF', bytes: pdf },
      { name: 'memo.docx', bytes: bytes('PK\x03\x04') },
      { name: 'huge.docx', bytes: new Uint8Array(50 * 1024 * 1024 + 1) },
    ]);
    expect(result.added).toEqual(['Readout.pdf', 'memo.docx']);
    expect(result.skipped).toEqual([{ name: 'huge.docx', reason: 'This file is 50.1 MB; Briefing Reader opens Word documents of up to 50 MB.' }]);
    expect(new Uint8Array(await readFile(join(root, 'Readout.pdf')))).toEqual(pdf);
  });

  it('makes names the file system refuses safe, and keeps a dropped path from leaving the library', async () => {
    const root = await tempDir();
    const result = await importIntoLibrary(root, [
      { name: 'Q1: oil/gas? <draft>.md', bytes: bytes('# a') },
      { name: '..\\..\\outside.md', bytes: bytes('# b') },
      { name: 'CON.txt', bytes: bytes('c') },
    ]);
    expect(result.added).toEqual(['gas- -draft.md', 'outside.md', 'CON_.txt']);
    expect((await readdir(root)).sort()).toEqual(['CON_.txt', 'gas- -draft.md', 'outside.md']);
  });
});
