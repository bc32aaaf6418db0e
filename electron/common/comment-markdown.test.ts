import { describe, expect, it } from 'vitest';
import { renderCommentMarkdown } from './comment-markdown';

const external = (href: string) => `href="${href}" title="${href}" rel="noopener noreferrer" data-external="true"`;

describe('renderCommentMarkdown', () => {
  it('renders the Markdown people type in comments', () => {
    expect(renderCommentMarkdown('**State** reads _this_ as a `test`.')).toBe('<p><strong>State</strong> reads <em>this</em> as a <code>test</code>.</p>\n');
    expect(renderCommentMarkdown('- one\n- two')).toBe('<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n');
    expect(renderCommentMarkdown('first line\nsecond line')).toBe('<p>first line<br>\nsecond line</p>\n');
  });

  it('marks every link external and keeps only http, https and mailto', () => {
    expect(renderCommentMarkdown('[readout](https://www.state.gov/a)')).toBe(`<p><a ${external('https://www.state.gov/a')}>readout</a></p>\n`);
    expect(renderCommentMarkdown('See http://kremlin.ru/events')).toBe(`<p>See <a ${external('http://kremlin.ru/events')}>http://kremlin.ru/events</a></p>\n`);
    expect(renderCommentMarkdown('<press@state.gov>')).toBe(`<p><a ${external('mailto:press@state.gov')}>press@state.gov</a></p>\n`);
    for (const comment of [
      '[x](javascript:alert(1))',
      '[x](file:///etc/passwd)',
      '[x](data:text/html,hi)',
      '[x](vbscript:run)',
      '[x](../secret.md)',
      '[x](#top)',
    ]) {
      expect(renderCommentMarkdown(comment), comment).not.toContain('<a');
    }
  });

  it('shows raw HTML as text', () => {
    const html = renderCommentMarkdown('<img src=x onerror=alert(1)> <script>alert(2)</script> <a onclick="y()">z</a>');
    expect(html).toBe('<p>&lt;img src=x onerror=alert(1)&gt; &lt;script&gt;alert(2)&lt;/script&gt; &lt;a onclick=&quot;y()&quot;&gt;z&lt;/a&gt;</p>\n');
  });

  it('never loads an image: it becomes a link to its address, or stays as typed when the address is refused', () => {
    expect(renderCommentMarkdown('![](https://tracker.example/p.gif)')).toBe(
      `<p><a ${external('https://tracker.example/p.gif')}>https://tracker.example/p.gif</a></p>\n`,
    );
    expect(renderCommentMarkdown('![chart](http://example.org/c.png)')).toBe(`<p><a ${external('http://example.org/c.png')}>chart</a></p>\n`);
    expect(renderCommentMarkdown('![pixel](javascript:alert(1))')).toBe('<p>![pixel](javascript:alert(1))</p>\n');
    expect(renderCommentMarkdown('![x](data:image/png;base64,AAAA)')).not.toContain('<img');
  });

  it('turns headings into bold paragraphs, so a comment adds nothing to an outline', () => {
    expect(renderCommentMarkdown('# Big\n\nSetext\n======')).toBe('<p><strong>Big</strong></p>\n<p><strong>Setext</strong></p>\n');
  });

  it('escapes quotes in a link address, so it cannot leave its attribute', () => {
    expect(renderCommentMarkdown('[x](https://e.org/"onmouseover="alert(1))')).not.toMatch(/"\s*onmouseover=/);
  });
});
