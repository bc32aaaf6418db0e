import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from './front-matter';
import { titleFromText } from './metadata-fields';
import { decodeOoxmlEscapes } from './ooxml-escapes';
import { parseBriefing, toArticle } from './parse-briefing';

const SAMPLE_READOUT = fileURLToPath(
  new URL('../../../content/us-government/2022-11-18-defense-readout-national-armaments-directors-meeting.md', import.meta.url),
);
const CORPUS = fileURLToPath(new URL('../../../../shared/corpus/briefings/', import.meta.url));
const corpusAvailable = existsSync(CORPUS);
if (!corpusAvailable) console.log(`briefings corpus: skipped, the folder ${CORPUS} is missing`);

const corpusFiles = () =>
  corpusAvailable ? readdirSync(CORPUS).flatMap((folder) => readdirSync(join(CORPUS, folder)).map((file) => join(CORPUS, folder, file))) : [];

async function article(path: string) {
  const { summary, document } = await parseBriefing(path.split('/').pop()!, 'markdown', readFileSync(path));
  return toArticle(summary, document!);
}

describe('OOXML escapes from spreadsheet exports', () => {
  it('shows the sample Defense readout as paragraphs, with no "x000D" in italics', async () => {
    const { html } = await article(SAMPLE_READOUT);
    expect(html).not.toMatch(/x000D/i);
    expect(html).not.toContain('<em>');
    expect(html.match(/<p>/g)?.length).toBe(
      splitFrontMatter(readFileSync(SAMPLE_READOUT, 'utf8'))
        .body.split('\n')
        .filter((line) => /\w{3}/.test(line.replace(/_x000D_/g, ''))).length,
    );
  });

  it.skipIf(!corpusAvailable)('leaves no escape in any corpus briefing that has them', async () => {
    const withEscapes = corpusFiles().filter((path) => readFileSync(path, 'utf8').includes('_x000D_'));
    expect(withEscapes.length).toBeGreaterThan(0);
    for (const path of withEscapes) expect((await article(path)).html, path).not.toMatch(/x000D/i);
  });

  it('turns line breaks and tabs back into themselves and keeps an escaped underscore literal', () => {
    expect(decodeOoxmlEscapes('a_x000D_\nb_x0009_c_x000A_d')).toBe('a\r\nb\tc\nd');
    expect(decodeOoxmlEscapes('the escape _x005F_x000D_ itself')).toBe('the escape _x000D_ itself');
    expect(decodeOoxmlEscapes('bell_x0007_ and _x0041_')).toBe('bell and _x0041_');
  });
});

describe('titles made from a first sentence', () => {
  it.skipIf(!corpusAvailable)('end at a word boundary for every corpus first line', () => {
    for (const path of corpusFiles()) {
      const line = splitFrontMatter(readFileSync(path, 'utf8'))
        .body.split('\n')
        .find((text) => text.trim())!
        .replace(/\s+/g, ' ')
        .trim();
      const title = titleFromText(line)!;
      if (!title.endsWith('…')) continue;
      const kept = title.slice(0, -1);
      expect(line.startsWith(kept), path).toBe(true);
      expect(line.slice(kept.length), path).toMatch(/^[\s,;:—–-]/u);
    }
  });

  it('cuts a first line whose words are joined by no-break spaces (as web pages write them) between words, not inside one', () => {
    const seed = readFileSync(fileURLToPath(new URL('../../../content/000_3a44763ac2fa584f.txt', import.meta.url)), 'utf8').split('\n')[0];
    const webText = seed.replace(/ /g, (space, offset: number) => (offset > 30 ? '\u00a0' : space));
    expect(titleFromText(webText)).toBe('American and Ukrainian officials reached an understanding on 22 concrete actions that may…');
  });
});
