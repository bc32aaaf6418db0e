import MarkdownIt, { type Token } from 'markdown-it';
import { splitFrontMatter } from './front-matter';
import { firstText, titleFromFileName, urlOf } from './metadata-fields';
import { normaliseDate } from './written-date';
import { linesAreParagraphs } from './line-paragraphs';
import { decodeOoxmlEscapes } from './ooxml-escapes';
import type { ParsedDocument } from './parsed-document';

const markdown = new MarkdownIt({ html: true, linkify: true, typographer: false });
markdown.core.ruler.push('line_paragraphs', (state) => {
  state.tokens = splitLineParagraphs(state.tokens, (type, tag, nesting) => new state.Token(type, tag, nesting));
});

type TokenMaker = (type: string, tag: string, nesting: Token['nesting']) => Token;

/**
 * When a text puts one paragraph on each line (see `linesAreParagraphs`), every line break in its
 * paragraphs becomes a paragraph break (a hard break too: such texts often end lines in stray
 * spaces). The text the reader counts is unchanged: a soft break renders as "\n", a hard break as
 * `<br>\n`, and the gap between `</p>` and `<p>` as "\n". Paragraphs inside tight lists
 * (rendered without `<p>`) and breaks inside inline markup spanning lines (`*a\nb*`) stay as written.
 */
function splitLineParagraphs(tokens: Token[], makeToken: TokenMaker): Token[] {
  const isSplittable = (index: number) =>
    tokens[index]?.type === 'paragraph_open' && !tokens[index].hidden && tokens[index + 1]?.children?.some((child) => child.type === 'softbreak');
  const blocks = tokens.flatMap((_, index) => (isSplittable(index) ? [tokens[index + 1].content.split('\n')] : []));
  if (!linesAreParagraphs(blocks)) return tokens;
  return tokens.flatMap((token, index) => {
    if (isSplittable(index - 1)) return splitInline(token, tokens[index - 1], makeToken);
    if (isSplittable(index - 2) && token.type === 'paragraph_close') return [];
    return isSplittable(index) ? [] : [token];
  });
}

/** One paragraph (open, inline, close) for each line of `inline` outside inline markup. */
function splitInline(inline: Token, open: Token, makeToken: TokenMaker): Token[] {
  const lines: Token[][] = [[]];
  let depth = 0;
  for (const child of inline.children ?? []) {
    depth += child.nesting;
    if ((child.type === 'softbreak' || child.type === 'hardbreak') && depth === 0) lines.push([]);
    else lines.at(-1)!.push(child);
  }
  return lines.flatMap((children) => {
    const paragraphOpen = makeToken('paragraph_open', open.tag, 1);
    const content = makeToken('inline', '', 0);
    const paragraphClose = makeToken('paragraph_close', open.tag, -1);
    paragraphOpen.block = paragraphClose.block = content.block = true;
    paragraphOpen.level = paragraphClose.level = open.level;
    content.level = open.level + 1;
    content.children = children;
    content.content = children.map((child) => child.content).join('');
    return [paragraphOpen, content, paragraphClose];
  });
}

/**
 * Scraped briefings often mark sections with a line in capitals ("GOALS OF THE PRICE CAP") rather
 * than a Markdown heading. Such a line, standing alone between blank lines, becomes a heading so
 * the table of contents can offer it.
 */
const CAPITALS_LINE = /^[\p{Lu}\d][\p{Lu}\d ,;&'’()/–-]{3,80}$/u;

export function promoteCapitalHeadings(body: string): string {
  return body
    .split(/(\n[ \t]*\n)/)
    .map((block) => (CAPITALS_LINE.test(block.trim()) && /\p{Lu}{3,}/u.test(block) ? `## ${block.trim()}` : block))
    .join('');
}

/** A Markdown briefing: YAML front matter, then CommonMark (raw HTML allowed, then sanitized). */
export function parseMarkdown(id: string, text: string): ParsedDocument {
  const { metadata, body, problem } = splitFrontMatter(decodeOoxmlEscapes(text));
  const heading = /^#\s+(.+)$/m.exec(body)?.[1]?.trim();
  return {
    metadata,
    title: firstText(metadata, 'title') ?? heading ?? titleFromFileName(id),
    source: firstText(metadata, 'source', 'publisher', 'site_name'),
    date: normaliseDate(firstText(metadata, 'date', 'published')),
    url: urlOf(metadata, 'url', 'link', 'canonical'),
    body,
    problem,
    renderHtml: () => markdown.render(promoteCapitalHeadings(body.replace(/\r\n?/g, '\n'))),
  };
}
