import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { outlineOf, sanitizeArticleHtml } from '../library/article-html';
import { extractArticle } from './extract-article';

/**
 * A saved page written as an attacker would: scripts, handlers, beacons, a refresh, a password
 * form, hidden instructions, and its closing paragraph after `</html>`, where a browser still
 * shows it (in the body) and htmlparser2 does not put it.
 */
const HOSTILE = readFileSync(new URL('./fixtures/hostile.html', import.meta.url), 'utf8');
const LAST_PARAGRAPH = 'The next round of talks is scheduled for the first week of May in Istanbul, the delegations said in a joint statement.';

const readerText = (html: string) => outlineOf(sanitizeArticleHtml(html)).text;

describe('a hostile saved page', () => {
  it('keeps its last paragraph, written after </html>, as a browser shows it', () => {
    const extracted = extractArticle(HOSTILE);
    expect(extracted.outcome).toBe('article');
    const text = readerText(extracted.html);
    expect(text).toContain('The delegations met for six hours');
    expect(text).toContain('The humanitarian corridors from the eastern cities will open at dawn on Monday');
    expect(text).toContain(LAST_PARAGRAPH);
  });

  it('keeps a paragraph after </body> and one in a second <body> in the article, as a browser does', () => {
    const words = 'with enough words in it to count as prose for the scoring of candidates, and more words still.';
    const page = (after: string) =>
      `<html><head><title>Talks</title></head><body><p>The opening paragraph of the statement, ${words}</p><p>The middle paragraph of the statement, ${words}</p></body>${after}</html>`;
    expect(readerText(extractArticle(page(`<p>The closing paragraph after the body, ${words}</p>`)).html)).toContain('The closing paragraph after the body');
    expect(readerText(extractArticle(page(`<body><p>The closing paragraph in a second body, ${words}</p></body>`)).html)).toContain(
      'The closing paragraph in a second body',
    );
  });
});
