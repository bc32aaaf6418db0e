import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeBriefingBytes, isProblem } from './decode';
import { parseBriefing } from './parse-briefing';
import { splitFrontMatter } from './front-matter';

/** Real Ukrainian addresses (the sample library's) converted with iconv, as an old editor would have saved them. */
const ENCODINGS = fileURLToPath(new URL('../../../test-corpus/encodings/', import.meta.url));
const SAMPLE_UK = fileURLToPath(new URL('../../../content/president-of-ukraine/uk/', import.meta.url));

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part))));

describe('decodeBriefingBytes', () => {
  it('decodes UTF-8 with Cyrillic and strips a byte order mark', () => {
    const result = decodeBriefingBytes(bytes([0xef, 0xbb, 0xbf], 'Звернення Президента'));
    expect(result).toEqual({ text: 'Звернення Президента', problem: null });
  });

  it('refuses an empty file', () => {
    expect(decodeBriefingBytes(new Uint8Array())).toMatchObject({ code: 'empty', severity: 'error' });
  });

  it('refuses binary data (a PNG saved as .md)', () => {
    const result = decodeBriefingBytes(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    expect(isProblem(result) && result.code).toBe('binary');
  });

  it('keeps a file no encoding fits readable, and says how many characters were replaced', () => {
    const text = readFileSync(join(ENCODINGS, '..', '..', 'content', '000_3a44763ac2fa584f.txt'));
    // A UTF-8 report with two characters cut in half (a copy that broke off mid-character, twice).
    const [first, second] = [text.indexOf(' ', 200), text.indexOf(' ', 400)];
    const broken = Buffer.concat([
      text.subarray(0, first),
      Buffer.from([0xe2, 0x80]),
      text.subarray(first, second),
      Buffer.from([0xd0]),
      text.subarray(second),
    ]);
    const result = decodeBriefingBytes(broken);
    if (isProblem(result)) throw new Error(result.message);
    expect(result.text.match(/\uFFFD/g)).toHaveLength(2);
    expect(result.problem).toMatchObject({ code: 'invalid-utf8', severity: 'warning' });
    expect(result.problem!.message).toContain('2 characters could not be read and are shown as �; the rest reads normally.');
  });

  it('decodes UTF-16 with a byte order mark (as Windows Notepad saves)', () => {
    const result = decodeBriefingBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Київ', 'utf16le')]));
    expect(result).toEqual({ text: 'Київ', problem: null });
  });

  it('reads a windows-1251 text file as Ukrainian, and says it was read as Windows-1251', async () => {
    const { summary, document } = await parseBriefing('address.txt', 'text', readFileSync(join(ENCODINGS, 'address-2022-02-25-windows-1251.txt')));
    const original = splitFrontMatter(readFileSync(join(SAMPLE_UK, '2022-02-25-address-at-end-of-first-day-of-russian-attacks-uk.md'), 'utf8')).body;
    // Its first line, short and followed by a blank line, is the title.
    expect(`${summary.title}\n\n${document!.body.trim()}`).toBe(original.trim());
    expect(summary.language).toBe('uk');
    expect(summary.problem?.message).toMatch(/^Read as Windows-1251 \(Cyrillic\): this file is not UTF-8 text/);
    expect(summary.problem?.message).not.toContain('�');
  });

  it('reads a KOI8-U Markdown file, front matter included', async () => {
    const { summary } = await parseBriefing('address.md', 'markdown', readFileSync(join(ENCODINGS, 'address-2022-03-06-koi8-u.md')));
    expect(summary).toMatchObject({
      title: 'Зухвалість агресора - це чіткий сигнал, що застосованих проти Росії санкцій недостатньо',
      language: 'uk',
      date: '2022-03-06T22:44:14',
    });
    expect(summary.problem?.message).toMatch(/^Read as KOI8 \(Cyrillic\)/);
  });

  it('says nothing about encodings for UTF-8 files', async () => {
    const { summary } = await parseBriefing(
      'address.md',
      'markdown',
      readFileSync(join(SAMPLE_UK, '2022-03-06-aggressors-audacity-sanctions-not-enough-uk.md')),
    );
    expect(summary.problem).toBeNull();
  });
});
