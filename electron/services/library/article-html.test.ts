import { describe, expect, it } from 'vitest';
import { outlineOf, sanitizeArticleHtml } from './article-html';

describe('sanitizeArticleHtml', () => {
  it.each([
    ['a script', '<p>ok</p><script>alert(1)</script>', '<p>ok</p>'],
    ['inline handlers', '<p onclick="alert(1)" onmouseover="x()">ok</p>', '<p>ok</p>'],
    ['a javascript: link (kept as words)', '<a href="javascript:alert(1)">words</a>', '<span>words</span>'],
    ['an iframe with its content', '<iframe src="https://evil.example">inside</iframe><p>ok</p>', '<p>ok</p>'],
    ['a remote image', '<img src="https://tracker.example/p.gif" alt="p"><p>ok</p>', '<p>ok</p>'],
    ['CSS url() in a style attribute', '<p style="background:url(https://t.example/x.png)">ok</p>', '<p>ok</p>'],
    ['a style element', '<style>body{background:url(https://t.example/x.png)}</style><p>ok</p>', '<p>ok</p>'],
    ['an svg with a script', '<svg><script>alert(1)</script></svg><p>ok</p>', '<p>ok</p>'],
    ['a form', '<form action="https://x.example"><input name="q"><button>Go</button></form><p>ok</p>', '<p>ok</p>'],
    ['a relative link', '<a href="../other.html">other</a>', '<span>other</span>'],
    ['a data: URL link', '<a href="data:text/html,<script>alert(1)</script>">x</a>', '<span>x</span>'],
  ])('removes %s', (_name, input, expected) => {
    expect(sanitizeArticleHtml(input)).toBe(expected);
  });

  it('marks https links external and keeps their address', () => {
    expect(sanitizeArticleHtml('<a href="https://www.state.gov/x" target="_blank">State</a>')).toBe(
      '<a href="https://www.state.gov/x" title="https://www.state.gov/x" rel="noopener noreferrer" data-external="true">State</a>',
    );
  });

  it('keeps inline data images, which make no request', () => {
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    expect(sanitizeArticleHtml(`<img src="${png}" alt="map">`)).toBe(`<img src="${png}" alt="map" />`);
  });

  it("keeps links inside the document to the places a converter marked (a Word file's notes)", () => {
    const html =
      '<p>Wheat<sup><a href="#doc-footnote-1" id="doc-footnote-ref-1">[1]</a></sup></p><ol><li id="doc-footnote-1">Note <a href="#doc-footnote-ref-1">↑</a></li></ol>';
    expect(sanitizeArticleHtml(html)).toBe(html);
  });

  it('keeps a bookmark as a place to link to', () => {
    expect(sanitizeArticleHtml('<h2><a id="doc-_Toc1"></a>Scope</h2>')).toBe('<h2 id="h-1"><span id="doc-_Toc1"></span>Scope</h2>');
  });

  it.each([
    ['a fragment link outside the document namespace', '<a href="#main">skip</a>', '<span>skip</span>'],
    ['an id outside the document namespace', '<ol><li id="search-input">x</li></ol>', '<ol><li>x</li></ol>'],
    ['a document id on an element that is not a link target', '<p id="doc-1">x</p>', '<p>x</p>'],
    ['a document fragment with markup in it', '<a href="#doc-1&quot;onclick=x">x</a>', '<span>x</span>'],
  ])('drops %s', (_name, input, expected) => {
    expect(sanitizeArticleHtml(input)).toBe(expected);
  });

  it('numbers headings for the table of contents', () => {
    expect(sanitizeArticleHtml('<h2 class="x">A</h2><p>t</p><h3 id="evil">B</h3>')).toBe('<h2 id="h-1">A</h2><p>t</p><h3 id="h-2">B</h3>');
  });
});

describe('outlineOf', () => {
  it('returns one line per block and the headings with their text', () => {
    const html = sanitizeArticleHtml('<h2>Goals &amp; means</h2><p>First   <b>bold</b> line.</p><ul><li>One</li><li>Two</li></ul>');
    expect(outlineOf(html)).toEqual({
      text: 'Goals & means\nFirst bold line.\nOne\nTwo',
      headings: [{ id: 'h-1', level: 2, text: 'Goals & means' }],
    });
  });
});
