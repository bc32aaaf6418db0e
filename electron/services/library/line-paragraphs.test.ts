import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { textContent } from 'domutils';
import { parseDocument } from 'htmlparser2';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { buildNotesDocument } from '../notes/notes-document';
import { renderNotesMarkdown } from '../notes/notes-markdown';
import { input, note } from '../notes/notes.fixture';
import { paragraphAt, paragraphStarts } from '../notes/paragraphs';
import { splitFrontMatter } from './front-matter';
import { parseBriefing, toArticle } from './parse-briefing';
import { parseText } from './parse-text';

const SAMPLE = fileURLToPath(new URL('../../../content/un-general-debate/', import.meta.url));
const UN_DEBATE = fileURLToPath(new URL('../../../../shared/corpus/briefings/un-debate/', import.meta.url));
const corpusAvailable = existsSync(UN_DEBATE);
if (!corpusAvailable) console.log(`UN debate corpus: skipped, the folder ${UN_DEBATE} is missing`);

/** The article as the reader shows it, from the file's bytes, through the same parse as the app. */
async function articleOf(path: string) {
  const id = path.split('/').pop()!;
  const { summary, document } = await parseBriefing(id, id.endsWith('.txt') ? 'text' : 'markdown', readFileSync(path));
  return toArticle(summary, document!);
}

const textOf = (html: string) => textContent(parseDocument(html, { decodeEntities: true }));
const bodyLines = (path: string) =>
  splitFrontMatter(readFileSync(path, 'utf8'))
    .body.split('\n')
    .filter((line) => line.trim());
const plainMarkdown = (path: string) => new MarkdownIt({ html: true, linkify: true }).render(splitFrontMatter(readFileSync(path, 'utf8')).body);

describe('one paragraph per line', () => {
  it.each(['2022-ukraine-zelenskyy-unga-77-general-debate.md', '2022-russia-lavrov-unga-77-general-debate.md'])(
    'reads each line of the sample library’s UN speech %s as a paragraph',
    async (file) => {
      const path = join(SAMPLE, file);
      expect(paragraphStarts((await articleOf(path)).html)).toHaveLength(bodyLines(path).length);
    },
  );

  it('keeps the text the reader counts (and annotation positions) exactly as before', async () => {
    const path = join(SAMPLE, '2022-ukraine-zelenskyy-unga-77-general-debate.md');
    expect(textOf((await articleOf(path)).html)).toBe(textOf(plainMarkdown(path)));
  });

  it('numbers a note on the speech by its own paragraph in the export, not ¶ 1', async () => {
    const path = join(SAMPLE, '2022-ukraine-zelenskyy-unga-77-general-debate.md');
    const article = await articleOf(path);
    const quote = 'There are five preconditions for peace.';
    const start = textOf(article.html).indexOf(quote);
    const starts = paragraphStarts(article.html);
    const doc = buildNotesDocument({
      ...input([note({ briefingId: 'speech.md', title: 'Statement', exact: quote, start })]),
      paragraphOf: () => paragraphAt(starts, start),
    });
    expect(renderNotesMarkdown(doc)).toContain('**Key point** · ¶ 10');
  });

  it.skipIf(!corpusAvailable)(
    'reads every line-per-paragraph speech of the UN debate corpus line by line, leaves the others as Markdown reads them, and keeps every text as counted before',
    async () => {
      // Read by eye: wrapped at ~50–80 columns with blank lines between paragraphs, or (2024_RUS)
      // paragraphs already apart. Every other speech has one paragraph per line and no blank lines.
      const asMarkdownReadsThem = ['2014_RUS_69.md', '2014_UKR_69.md', '2014_USA_69.md', '2024_USA_79.md', '2024_RUS_79.md'];
      for (const file of readdirSync(UN_DEBATE).filter((name) => name.endsWith('.md'))) {
        const path = join(UN_DEBATE, file);
        const article = await articleOf(path);
        const paragraphs = paragraphStarts(article.html).length;
        const expected = asMarkdownReadsThem.includes(file) ? paragraphStarts(plainMarkdown(path)).length : bodyLines(path).length;
        expect(paragraphs, file).toBe(expected);
        expect(textOf(article.html), file).toBe(textOf(plainMarkdown(path)));
      }
    },
  );

  it('does the same for a text file: lines that are paragraphs stay apart, wrapped lines join', () => {
    const speech = bodyLines(join(SAMPLE, '2022-ukraine-zelenskyy-unga-77-general-debate.md')).slice(0, 5).join('\n');
    expect(parseText('a.txt', `Statement\n\n${speech}\n\nLast paragraph.`).renderHtml().match(/<p>/g)).toHaveLength(6);
    const wrapped =
      'There is growing evidence today of a contradiction\nbetween the need for collective and partnership efforts\nin order to develop adequate responses.';
    expect(parseText('b.txt', `Title\n\n${wrapped}\n\nNext.`).renderHtml()).toBe(`<p>${wrapped}</p>\n<p>Next.</p>`);
  });
});
