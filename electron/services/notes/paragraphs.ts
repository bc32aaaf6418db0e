import { Parser } from 'htmlparser2';
import { ordinalAt } from '../../common/ordinal-at';

/** Block elements that count as a paragraph of a briefing (headings are not paragraphs). */
const PARAGRAPHS = new Set(['p', 'li', 'pre', 'blockquote', 'dd', 'td', 'th', 'figcaption']);

/**
 * Where each paragraph of an article starts, as offsets into the article's text as the reader
 * counts it (the `textContent` of the sanitized HTML, which annotation positions refer to). A
 * paragraph nested in another that has no text of its own yet (`<li><p>…`) is the same paragraph.
 */
export function paragraphStarts(sanitizedHtml: string): number[] {
  const starts: number[] = [];
  let offset = 0;
  // For each open paragraph element: whether text has appeared inside it yet.
  const open: { name: string; hasText: boolean }[] = [];
  const parser = new Parser(
    {
      onopentag(name) {
        if (!PARAGRAPHS.has(name)) return;
        const parent = open.at(-1);
        if (!parent || parent.hasText) starts.push(offset);
        open.push({ name, hasText: false });
      },
      ontext(data) {
        // The browser's parser turns CR LF into LF before counting; so must we.
        const length = data.replace(/\r\n?/g, '\n').length;
        offset += length;
        if (length > 0 && data.trim()) for (const element of open) element.hasText = true;
      },
      onclosetag(name) {
        if (PARAGRAPHS.has(name) && open.at(-1)?.name === name) open.pop();
      },
    },
    { decodeEntities: true },
  );
  parser.end(sanitizedHtml);
  return starts;
}

/** The 1-based paragraph a text offset falls in, or null when the article has no paragraphs. */
export const paragraphAt: (starts: readonly number[], offset: number) => number | null = ordinalAt;
