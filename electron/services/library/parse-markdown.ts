import MarkdownIt from 'markdown-it';
import { splitFrontMatter } from './front-matter';
import { firstText, titleFromFileName, urlOf } from './metadata-fields';
import { normaliseDate } from './written-date';
import type { ParsedDocument } from './parsed-document';

const markdown = new MarkdownIt({ html: true, linkify: true, typographer: false });

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
  const { metadata, body, problem } = splitFrontMatter(text);
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
