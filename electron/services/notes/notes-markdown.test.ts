import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { buildNotesDocument } from './notes-document';
import { blockquote, renderNotesMarkdown } from './notes-markdown';
import { input, note, sampleItems } from './notes.fixture';

/** The CommonMark reader other notes systems use: the exported text must read back as written. */
const reader = new MarkdownIt({ html: true, linkify: false });

const render = (items = sampleItems(), extra: Parameters<typeof input>[2] = {}, options: Parameters<typeof input>[1] = {}) =>
  renderNotesMarkdown(buildNotesDocument(input(items, options, extra)));

describe('renderNotesMarkdown', () => {
  it('writes the title, the title block and one ## heading per briefing with its citation line', () => {
    const markdown = render(sampleItems(), { urls: { 'new.md': 'https://example.org/cap' } });
    expect(
      markdown.startsWith('# Notes — Everything\n\nLibrary: Embassy briefings  \nScope: Everything  \nExported: 2024-03-05  \n6 notes from 3 briefings\n\n'),
    ).toBe(true);
    expect(markdown.match(/^## .*$/gm)).toEqual(['## Price cap review', '## Grain corridor talks', '## Звернення Президента']);
    expect(markdown).toContain('## Price cap review\n\n— *Price cap review*, Reuters, 2023-02-05, <https://example.org/cap>\n\n');
  });

  it('writes each note: quote, bold colour name, paragraph, comment, tags and a citation line', () => {
    const markdown = render(sampleItems(), { urls: { 'new.md': 'https://example.org/cap' }, paragraphOf: () => 4 });
    expect(markdown).toContain(
      [
        '> The cap stays at $60',
        '**Key point** · ¶ 4',
        'Check the **Urals** discount.',
        'Tags: #oil #price-cap',
        '— *Price cap review*, Reuters, 2023-02-05, ¶ 4, <https://example.org/cap>',
        '---',
      ].join('\n\n'),
    );
  });

  it('cites a note on a PDF by its page where a text briefing has its paragraph', () => {
    const onPdf = note({ briefingId: 'act.pdf', title: 'Criminal Code', date: '2001-04-05', exact: 'щире каяття', start: 90_000, page: 37, language: 'uk' });
    const markdown = render([onPdf], { paragraphOf: () => null });
    expect(markdown).toContain('**Key point** · p. 37');
    expect(markdown).toContain('— *Criminal Code*, Reuters, 2001-04-05, p. 37');
    expect(markdown).not.toContain('¶');
  });

  it('keeps the document order', () => {
    const markdown = render();
    const order = ['Diesel cap', 'Review every', 'The cap stays', 'Inspections', 'Ships will', 'Ми вистоїмо'].map((quote) => markdown.indexOf(quote));
    expect(order.every((position) => position >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('escapes quote lines that Markdown would read as headings, quotes, lists, fences or markup', () => {
    const lines = [
      '# Not a heading',
      '> not a quote',
      '- not a list',
      '1. not a numbered list',
      '2) nor this',
      '* star',
      '+ plus',
      '```',
      '---',
      '===',
      '*not emphasis* and _this_ `code` [link](x) <b>tag</b> &amp; ~~gone~~ | a | b |',
    ];
    const quote = lines.join('\n');
    const markdown = blockquote(quote);
    expect(markdown.split('\n').every((line) => line.startsWith('> '))).toBe(true);
    expect(markdown.split('\n').slice(0, 4)).toEqual(['> \\# Not a heading', '> \\> not a quote', '> \\- not a list', '> 1\\. not a numbered list']);

    const tokens = reader.parse(markdown, {});
    const types = new Set(tokens.map((token) => token.type));
    for (const type of ['heading_open', 'bullet_list_open', 'ordered_list_open', 'fence', 'hr', 'table_open', 'html_block']) expect(types).not.toContain(type);
    expect(tokens.filter((token) => token.type === 'blockquote_open')).toHaveLength(1);
    const inline = tokens.find((token) => token.type === 'inline')!;
    expect(inline.children!.map((child) => child.type).filter((type) => !['text', 'softbreak'].includes(type))).toEqual([]);
    expect(inline.children!.map((child) => (child.type === 'softbreak' ? '\n' : child.content)).join('')).toBe(quote.replace('&amp;', '&amp;'));
  });

  it('prefixes every line of a multi-line quote, blank lines too', () => {
    expect(blockquote('First paragraph.\n\nSecond\nthird\n')).toBe('> First paragraph.\n>\n> Second\n> third');
    expect(blockquote('Windows\r\nline ends')).toBe('> Windows\n> line ends');
  });

  it('marks a briefing that is no longer in the library', () => {
    const markdown = render([
      note({ briefingId: 'gone.md', title: 'Deleted briefing', missing: true, source: null, date: null, exact: 'Still here', start: 1 }),
    ]);
    expect(markdown).toContain('## Deleted briefing\n\n— *Deleted briefing*\n\n*Briefing no longer in the library.*\n\n> Still here');
  });

  it('keeps a comment’s Markdown but closes an unclosed code fence so the rest of the file stays intact', () => {
    const items = [
      note({ briefingId: 'a.md', title: 'A', exact: 'first', start: 1, comment: '```js\nconst a = 1;' }),
      note({ briefingId: 'a.md', title: 'A', exact: 'second', start: 2, comment: '- one\n- two' }),
    ];
    const markdown = render(items);
    expect(markdown).toContain('```js\nconst a = 1;\n```');
    expect(markdown).toContain('- one\n- two');
    const tokens = reader.parse(markdown, {});
    expect(tokens.filter((token) => token.type === 'blockquote_open')).toHaveLength(2);
  });

  it('escapes titles, sources and tags', () => {
    const items = [note({ briefingId: 'a.md', title: '# *Draft* [v2] #', source: 'A_B <C>', exact: 'q', start: 0, tags: ['foreign policy', 'a*b'] })];
    const markdown = render(items);
    expect(markdown).toContain('## \\# \\*Draft\\* \\[v2\\] \\#');
    expect(markdown).toContain('— *# \\*Draft\\* \\[v2\\] #*, A\\_B \\<C>, 2024-01-01');
    expect(markdown).toContain('Tags: #foreign-policy #a\\*b');
    const html = reader.render(markdown);
    expect(html).toContain('<h2># *Draft* [v2] #</h2>');
    expect(html).toContain('<em># *Draft* [v2] #</em>, A_B &lt;C&gt;');
  });

  it('prints a comment with HTML as the user wrote it (the file is text), and 20,000 characters whole', () => {
    const long = 'x'.repeat(20_000);
    const markdown = render([
      note({ briefingId: 'a.md', exact: 'q1', start: 0, comment: '<script>alert(1)</script>' }),
      note({ briefingId: 'a.md', exact: 'q2', start: 1, comment: long }),
    ]);
    expect(markdown).toContain('<script>alert(1)</script>');
    expect(markdown).toContain(long);
  });

  it('keeps Cyrillic', () => {
    const markdown = render();
    expect(markdown).toContain('## Звернення Президента');
    expect(markdown).toContain('> Ми вистоїмо');
    expect(markdown).toContain('Ключова фраза — «вистоїмо».');
    expect(markdown).toContain('Tags: #промова');
  });

  it('leaves out what the options turn off', () => {
    const markdown = render(sampleItems(), {}, { comments: false, tags: false, colourNames: false, metadata: false });
    expect(markdown).not.toContain('**Key point**');
    expect(markdown).not.toContain('Tags:');
    expect(markdown).not.toContain('Urals');
    expect(markdown).not.toContain('Reuters');
    expect(markdown).toContain('> The cap stays at $60');
  });
});
