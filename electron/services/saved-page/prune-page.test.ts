import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { MAX_DEPTH, prunePage } from './prune-page';

/** The deepest element nesting in some markup. */
function depthOf(html: string): number {
  let depth = 0;
  let deepest = 0;
  const parser = new Parser({
    onopentag() {
      deepest = Math.max(deepest, ++depth);
    },
    onclosetag() {
      depth--;
    },
  });
  parser.end(html);
  return deepest;
}

describe('prunePage', () => {
  it('drops scripts, styles, embeds, form controls, comments and navigation with their content', () => {
    const { html } = prunePage(`<html><head><style>p { color: red }</style><script>track()</script></head><body>
      <nav><a href="/">Home</a></nav><div role="navigation">Menu</div><ul itemscope itemtype="http://schema.org/SiteNavigationElement"><li>Events</li></ul>
      <!-- a comment --><svg><text>Chart</text></svg><iframe src="https://ads.example/"></iframe><noscript>Enable JS</noscript>
      <p>Kept text.</p><button>Share</button><input value="Search"><select><option>EN</option></select>
      <aside>Read next</aside><div hidden>Hidden</div><div style="display: none">Also hidden</div><span aria-hidden="true">Icon</span>
    </body></html>`);
    expect(html).toContain('<p>Kept text.</p>');
    for (const gone of [
      'color',
      'track',
      'Home',
      'Menu',
      'Events',
      'comment',
      'Chart',
      'iframe',
      'Enable JS',
      'Share',
      'Search',
      'EN',
      'Read next',
      'Hidden',
      'Icon',
    ]) {
      expect(html).not.toContain(gone);
    }
  });

  it('drops what sites hide with a class (tooltips, `hidden`, screen-reader-only text), keeping what a tooltip is attached to', () => {
    const { html } = prunePage(
      '<p><a class="person_tag has-tooltip">Viktor Yanukovych<span class="read__tooltip tooltip_person hidden masha-ignore">' +
        '<span class="tooltip__text">Yanukovych Viktor</span></span></a>: Thank you.</p>' +
        '<p>Seen<span class="sr-only"> (opens in a new tab)</span><span class="tooltip">Popup</span><div class="d-none">Template</div></p>',
    );
    expect(html).toBe('<p><a class="person_tag has-tooltip">Viktor Yanukovych</a>: Thank you.</p><p>Seen</p>');
  });

  it('keeps one of a visual text and its screen-reader copy, so neither a drop cap nor an icon label loses its word', () => {
    expect(prunePage('<p><span aria-hidden="true">T</span><span class="sr-only">The</span> talks began.</p>').html).toBe(
      '<p><span class="sr-only">The</span> talks began.</p>',
    );
    expect(prunePage('<p><span class="visually-hidden">Rating:</span> <span aria-hidden="true">★★★★</span> four</p>').html).toBe(
      '<p> <span>★★★★</span> four</p>',
    );
  });

  it('drops empty elements (icons, spacers, empty links), keeping table cells and the words apart', () => {
    const { html, elementCount } = prunePage(
      '<p>One<i class="icon"></i> <span> </span>two<a href="/x"></a></p><div><div></div> </div>' +
        '<table><tr><td></td><td>3</td></tr></table><img src="data:image/png;base64,AAAA">',
    );
    expect(html).toBe('<p>One  two</p> <table><tr><td></td><td>3</td></tr></table><img src="data:image/png;base64,AAAA">');
    expect(elementCount).toBe(6);
  });

  it('keeps JSON-LD aside as text for metadata', () => {
    const { html, jsonLd } = prunePage('<head><script type="application/ld+json">{"@type":"NewsArticle","headline":"A < B"}</script></head><p>Text</p>');
    expect(jsonLd).toEqual(['{"@type":"NewsArticle","headline":"A < B"}']);
    expect(html).not.toContain('NewsArticle');
  });

  it('keeps only the attributes extraction and metadata use, and only inline images as data URIs', () => {
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    const { html } = prunePage(
      `<p class="lead" onclick="steal()" style="color:red" data-track="1"><a href="https://example.org/" onmouseover="x()">link</a>` +
        `<img src="${png}" srcset="https://cdn.example/a.jpg 2x"><img src="data:image/svg+xml;base64,PHN2Zz4="><link rel="preload" href="data:font/woff2;base64,AAA"></p>`,
    );
    expect(html).toBe(`<p class="lead"><a href="https://example.org/">link</a><img src="${png}"><img><link rel="preload"></p>`);
  });

  it('collapses whitespace outside <pre>, so a source line break is never read as one', () => {
    const { html, textLength } = prunePage('<p>Vladimir\n   Putin</p><pre>a\n  b</pre>');
    expect(html).toBe('<p>Vladimir Putin</p><pre>a\n  b</pre>');
    expect(textLength).toBe('Vladimir Putin'.length + 'a\n  b'.length);
  });

  it('escapes text and attribute values, so in its output a < only ever opens a tag', () => {
    const { html } = prunePage(`<p title='say "a<b"'>1 &lt; 2 &amp;&amp; 3 &gt; 2</p>`);
    expect(html).toBe('<p title="say &quot;a&lt;b&quot;">1 &lt; 2 &amp;&amp; 3 &gt; 2</p>');
  });

  it('returns the head on its own for pages too big to parse whole', () => {
    const { head } = prunePage(
      '<html lang="uk"><head><title>Звернення</title><meta property="og:site_name" content="Офіс"></head><body><p>Text</p></body></html>',
    );
    expect(head).toBe('<html lang="uk"><head><title>Звернення</title><meta property="og:site_name" content="Офіс"></head>');
  });

  it('leaves a page of ordinary depth as it is', () => {
    const nested = `<html><body>${'<div>'.repeat(40)}<p>Deep</p>${'</div>'.repeat(40)}</body></html>`;
    expect(prunePage(nested).html).toBe(nested);
  });

  it('flattens a page nested 10,000 deep to paragraphs and headings, keeping all of its text', () => {
    const levels = 10_000;
    const page =
      '<html><head><title>Deep</title></head><body><h1>Heading</h1>' +
      Array.from({ length: levels }, (_, level) => `<div><span>Level ${level}</span><b>`).join('') +
      '</body></html>';
    const { html, head } = prunePage(page);
    expect(depthOf(html)).toBeLessThanOrEqual(3);
    expect(head).toBe('<html><head><title>Deep</title></head>');
    expect(html).toContain('<body><h1>Heading</h1><p>Level 0</p><p>Level 1</p>');
    expect(html.match(/<p>Level \d+<\/p>/g)).toHaveLength(levels);
    expect(prunePage(`${'<div>'.repeat(MAX_DEPTH)}kept as is`).html).toBe(`${'<div>'.repeat(MAX_DEPTH)}kept as is${'</div>'.repeat(MAX_DEPTH)}`);
    expect(prunePage(`${'<div>'.repeat(MAX_DEPTH + 1)}flattened`).html).toBe('<p>flattened</p>');
  });
});
