import { describe, expect, it } from 'vitest';
import { parseMarkdown, promoteCapitalHeadings } from './parse-markdown';
import { parseText } from './parse-text';
import { parseHtmlPage } from './parse-html-page';
import { tagsOf, titleFromFileName, titleFromText } from './metadata-fields';

describe('parseMarkdown', () => {
  it('takes title, source, date and url from front matter and renders the body', () => {
    const doc = parseMarkdown(
      'a.md',
      '---\ntitle: Readout\nsource: White House\ndate: "2022-10-04T10:00:00"\nurl: https://wh.gov/x\n---\n\n# Heading\n\nText *here*.\n',
    );
    expect(doc).toMatchObject({ title: 'Readout', source: 'White House', date: '2022-10-04T10:00:00', url: 'https://wh.gov/x', problem: null });
    expect(doc.renderHtml()).toContain('<em>here</em>');
  });

  it('falls back to the first heading, then the file name, for the title', () => {
    expect(parseMarkdown('x.md', '# The heading\n\nBody').title).toBe('The heading');
    expect(parseMarkdown('folder/2022-03-01-g7-statement.md', 'Body only').title).toBe('G7 statement');
  });

  it('never offers a non-http url as a link', () => {
    expect(parseMarkdown('a.md', '---\nurl: "javascript:alert(1)"\n---\nx').url).toBeNull();
  });

  it('turns stand-alone lines in capitals into headings, but not sentences', () => {
    expect(promoteCapitalHeadings('Intro.\n\nGOALS OF THE PRICE CAP\n\nText.\n\nUS AND EU.\n\nA B')).toBe(
      'Intro.\n\n## GOALS OF THE PRICE CAP\n\nText.\n\nUS AND EU.\n\nA B',
    );
  });
});

describe('parseText', () => {
  it('uses a short first line followed by a blank line as the title', () => {
    const doc = parseText('a.txt', 'Kellogg on the 22 actions\n\nFirst paragraph.\nSecond line.\n\nSecond paragraph.');
    expect(doc.title).toBe('Kellogg on the 22 actions');
    expect(doc.renderHtml()).toBe('<p>First paragraph.</p>\n<p>Second line.</p>\n<p>Second paragraph.</p>');
  });

  it('makes a title from the first sentence when the first line is a paragraph (the seed report)', () => {
    const doc = parseText('seed.txt', 'American officials reached an understanding on 22 concrete actions. More text.\nNext paragraph.');
    expect(doc.title).toBe('American officials reached an understanding on 22 concrete actions');
    expect(doc.renderHtml()).toBe('<p>American officials reached an understanding on 22 concrete actions. More text.</p>\n<p>Next paragraph.</p>');
  });

  it('escapes markup in text files instead of rendering it', () => {
    expect(parseText('a.txt', 'Title\n\n<script>alert(1)</script>').renderHtml()).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
  });
});

describe('parseHtmlPage', () => {
  const page = `<!doctype html><html lang="en"><head><title>Site | Story</title>
    <meta property="og:title" content="Talks in London"><meta property="og:site_name" content="Kremlin">
    <meta property="article:published_time" content="2020-02-03T10:00:00Z"><link rel="canonical" href="https://en.kremlin.ru/events/1">
    <script src="https://cdn.example/a.js"></script></head>
    <body><nav><a href="/">Home</a> <a href="/news">News</a></nav><header>Site header</header>
    <article><h1>Talks in London</h1><p>The opening sentence.</p><aside>Share on Twitter</aside><p>The closing sentence.</p></article>
    <footer>Copyright</footer></body></html>`;

  it('keeps the article and its metadata and drops the page chrome', () => {
    const doc = parseHtmlPage('page.html', page);
    expect(doc).toMatchObject({
      title: 'Talks in London',
      source: 'Kremlin',
      date: '2020-02-03T10:00:00',
      url: 'https://en.kremlin.ru/events/1',
      problem: null,
    });
    expect(doc.metadata.language).toBe('en');
    // Readability drops the heading that repeats the title, which the reader shows above the article.
    expect(doc.body).toBe('The opening sentence.\nThe closing sentence.');
  });
});

describe('metadata fields', () => {
  it('reads tags from a list, a comma string, or topics', () => {
    expect(tagsOf({ tags: ['a', 'b', 'a'] })).toEqual(['a', 'b']);
    expect(tagsOf({ tags: 'sanctions, energy; oil' })).toEqual(['sanctions', 'energy', 'oil']);
    expect(tagsOf({ topics: 'Постачання зброї' })).toEqual(['Постачання зброї']);
  });

  it('makes titles from file names and long first sentences', () => {
    expect(titleFromFileName('a/b/2022-10-11-white-house-g7-statement.md')).toBe('White house g7 statement');
    const long = titleFromText(`${'word '.repeat(40)}end.`)!;
    expect(long.length).toBeLessThanOrEqual(91);
    expect(long.endsWith('…')).toBe(true);
  });
});
