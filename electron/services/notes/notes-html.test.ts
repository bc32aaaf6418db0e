import { describe, expect, it } from 'vitest';
import { buildNotesDocument } from './notes-document';
import { renderCommentHtml, renderNotesHtml } from './notes-html';
import { input, note, sampleItems } from './notes.fixture';

const render = (items = sampleItems(), extra: Parameters<typeof input>[2] = {}, paper: 'A4' | 'Letter' = 'A4') =>
  renderNotesHtml(buildNotesDocument(input(items, {}, extra)), { paper, fontCss: '' });

const headings = (html: string) => [...html.matchAll(/<h([1-6])[^>]*>([\s\S]*?)<\/h\1>/g)].map((match) => `h${match[1]}:${match[2]}`);

describe('renderNotesHtml', () => {
  it('is one complete document titled by the export', () => {
    const html = render();
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<title>Notes — Everything</title>');
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    // Self-contained: nothing to fetch.
    expect(html).not.toMatch(/<link|<script|src="http|url\(http/i);
  });

  it('has a title block with library, scope, export date and counts', () => {
    const html = render();
    expect(html).toContain('<dd>Embassy briefings</dd>');
    expect(html).toContain('<dd>Everything</dd>');
    expect(html).toContain('<time datetime="2024-03-05T09:30:00.000Z">2024-03-05</time>');
    expect(html).toContain('<dd>6 notes from 3 briefings</dd>');
  });

  it('has one heading per briefing and no other (the PDF outline), even when a comment has Markdown headings', () => {
    const items = [
      ...sampleItems(),
      note({
        briefingId: 'new.md',
        title: 'Price cap review',
        date: '2023-02-05',
        exact: 'More',
        start: 1000,
        comment: '# Big\n\n## Smaller\n\n### Smallest\n\nSetext\n======',
      }),
    ];
    const html = render(items);
    expect(html).toContain('<p class="doc-title">Notes — Everything</p>');
    expect(headings(html)).toEqual(['h2:Price cap review', 'h2:Grain corridor talks', 'h2:Звернення Президента']);
    expect(html).toContain('<p><strong>Big</strong></p>');
    expect(html).toContain('<p><strong>Setext</strong></p>');
  });

  it('shows source, date and link as text and as a link', () => {
    const html = render(sampleItems(), { urls: { 'new.md': 'https://example.org/cap?a=1&b=2' } });
    expect(html).toContain('<span class="source">Reuters</span>');
    expect(html).toContain('<time datetime="2023-02-05">2023-02-05</time>');
    expect(html).toContain('<a href="https://example.org/cap?a=1&amp;b=2">https://example.org/cap?a=1&amp;b=2</a>');
  });

  it('shows each note with its colour bar, colour name, quote, comment, tags and paragraph', () => {
    const html = render(sampleItems(), { paragraphOf: (item) => (item.annotation.target.selector[1].start === 900 ? 12 : null) });
    expect(html).toMatch(
      /<article class="note c1">\s*<p class="label"><span class="swatch" aria-hidden="true"><\/span><span class="colour-name">Key point<\/span><span class="place">¶&#8239;12<\/span><\/p>\s*<blockquote class="quote" lang="en">The cap stays at \$60<\/blockquote>/,
    );
    expect(html).toContain('<div class="comment"><p>Check the <strong>Urals</strong> discount.</p>\n</div>');
    expect(html).toContain('<p class="tags"><span class="tag">#oil</span> <span class="tag">#price cap</span></p>');
    expect(html).toMatch(/\.note\.c1 \{ border-left-color: #e0b000; \}/);
  });

  it('leaves out comments, tags and colour names when asked', () => {
    const doc = buildNotesDocument(input(sampleItems(), { comments: false, tags: false, colourNames: false, metadata: false }));
    const html = renderNotesHtml(doc, { paper: 'A4', fontCss: '' });
    expect(html).not.toContain('class="comment"');
    expect(html).not.toContain('class="tags"');
    expect(html).not.toContain('class="colour-name"');
    expect(html).not.toContain('class="source"');
    expect(html).toContain('The cap stays at $60');
  });

  it('marks a briefing that is no longer in the library', () => {
    const html = render([note({ briefingId: 'gone.md', title: 'Deleted briefing', missing: true, exact: 'Still here', start: 1 })]);
    expect(html).toContain('<section class="briefing missing">');
    expect(html).toContain('<p class="missing-mark">Briefing no longer in the library</p>');
    expect(html).toContain('Still here');
  });

  it('prints HTML and script in a comment, quote or title as text', () => {
    const attack = '<script>alert("x")</script> <img src=x onerror=alert(1)> [link](javascript:alert(2))';
    const items = [
      note({
        briefingId: 'x.md',
        title: '<script>alert(3)</script>',
        exact: '<b>bold</b> & <script>q()</script>',
        start: 0,
        comment: attack,
        tags: ['<i>t</i>'],
      }),
    ];
    const html = render(items, { urls: { 'x.md': 'https://example.org/"><script>alert(4)</script>' } });
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/javascript:alert\(2\)"/);
    expect(html).not.toMatch(/<[^>]*\son\w+=/i);
    expect(html).toContain('&lt;script&gt;alert("x")&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;b&gt;bold&lt;/b&gt; &amp; &lt;script&gt;q()&lt;/script&gt;');
    expect(html).toContain('<h2 lang="en">&lt;script&gt;alert(3)&lt;/script&gt;</h2>');
    expect(html).toContain('#&lt;i&gt;t&lt;/i&gt;');
    expect(html).toContain('<title>Notes — Everything</title>');
  });

  it('keeps safe links in comments and drops unsafe ones', () => {
    const html = renderCommentHtml('See [the text](https://example.org/a) and [bad](javascript:alert(1)) and https://example.com');
    expect(html).toContain('<a href="https://example.org/a"');
    expect(html).toContain('<a href="https://example.com"');
    expect(html).not.toContain('javascript:alert(1)"');
  });

  it('prints a 20,000-character comment whole', () => {
    const comment = Array.from({ length: 2500 }, (_, index) => `word${String(index).padStart(4, '0')}`)
      .join(' ')
      .slice(0, 20_000);
    expect(comment).toHaveLength(20_000);
    const html = render([note({ briefingId: 'long.md', exact: 'Long one', start: 0, comment })]);
    expect(html).toContain(`<div class="comment"><p>${comment}</p>`);
    expect(html).toContain('overflow-wrap: anywhere');
  });

  it('keeps Cyrillic as it is and marks the briefing language', () => {
    const html = render();
    expect(html).toContain('<h2 lang="uk">Звернення Президента</h2>');
    expect(html).toContain('<blockquote class="quote" lang="uk">Ми вистоїмо</blockquote>');
    expect(html).toContain('Ключова фраза — «вистоїмо».');
    expect(html).toContain('#промова');
  });

  it('sets the page per paper size, with print-safe colours, unbroken notes and a serif face', () => {
    expect(render(sampleItems(), {}, 'A4')).toMatch(/@page \{\s*size: A4; margin: [^;]+;/);
    const html = render(sampleItems(), {}, 'Letter');
    expect(html).toMatch(/@page \{\s*size: letter; margin: [^;]+;/);
    expect(html).toContain('print-color-adjust: exact');
    expect(html).toContain('page-break-inside: avoid');
    expect(html).toContain("font-family: 'Literata', Georgia, serif");
  });

  it('includes the caller’s font rules and does not let them close the style element', () => {
    const fontCss = "@font-face { font-family: 'Literata'; src: url(data:font/woff2;base64,AAAA) format('woff2'); }";
    const html = renderNotesHtml(buildNotesDocument(input(sampleItems())), { paper: 'A4', fontCss: `${fontCss}</style><script>x()</script>` });
    expect(html).toContain(fontCss);
    expect(html.match(/<\/style>/g)).toHaveLength(1);
    expect(html).not.toMatch(/<script/i);
  });

  it('puts the export title and page numbers in the page footer, quoted so no title can break the rule', () => {
    const html = renderNotesHtml(buildNotesDocument(input(sampleItems(), {}, { scopeLabel: 'Кабмін "cap" \\ } </style>' })), { paper: 'A4', fontCss: '' });
    expect(html).toContain('@bottom-left { content: "Notes — Кабмін \\22 cap\\22  \\5c  } \\3c /style>";');
    expect(html).toContain("@bottom-right { content: counter(page) ' / ' counter(pages);");
    expect(html.match(/<\/style>/g)).toHaveLength(1);
  });

  it('allows no script and no request in the print document', () => {
    expect(render(sampleItems())).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:"`);
  });

  it('renders an empty document without failing', () => {
    const html = render([]);
    expect(html).toContain('<dd>0 notes from 0 briefings</dd>');
    expect(headings(html)).toEqual([]);
  });
});
