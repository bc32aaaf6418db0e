import type { MetadataValue, Problem } from '../../common/model';
import { outlineOf, sanitizeArticleHtml } from './article-html';
import { readCoreProperties } from './docx/core-properties';
import { docxToHtml } from './docx/docx-html';
import { isProblem, NOT_A_WORD_FILE, openDocxPackage } from './docx/docx-package';
import { titleFromFileName } from './metadata-fields';
import type { ParsedDocument } from './parsed-document';
import { normaliseDate } from './written-date';

/** How far down a date written as its own short line still dates the document ("12 March 2022" under the title). */
const DATE_LINES = 5;
const DATE_LINE_MAX = 40;

/**
 * A Word (`.docx`) briefing: converted to HTML by mammoth and then an ordinary article. The title is
 * the document's own (core properties), else its first heading, else the file name; the date is
 * one written at the top, else when the file was created or last saved; the source is its author
 * unless that is a placeholder such as "User". A file that cannot be read gives a document with an
 * error problem, an empty body and nothing to show, so it is still listed with the reason.
 */
export async function parseDocx(id: string, bytes: Uint8Array): Promise<ParsedDocument> {
  const entries = openDocxPackage(bytes);
  if (isProblem(entries)) return unreadable(id, entries);
  let html: string;
  try {
    html = await docxToHtml(entries);
  } catch {
    // Malformed XML in a part, or a part cut short by its declared size.
    return unreadable(id, NOT_A_WORD_FILE);
  }
  const core = readCoreProperties(entries['docProps/core.xml']);
  const { text: body, headings } = outlineOf(sanitizeArticleHtml(html));
  const date = dateAtTop(body) ?? normaliseDate(core.created) ?? normaliseDate(core.modified);
  const metadata: Record<string, MetadataValue> = Object.fromEntries(
    Object.entries({ title: core.title, author: core.creator, created: core.created, modified: core.modified }).filter(
      (entry): entry is [string, string] => entry[1] !== null,
    ),
  );
  return {
    metadata,
    title: core.title ?? headings[0]?.text ?? titleFromFileName(id),
    source: core.creator,
    date,
    url: null,
    body,
    problem: null,
    renderHtml: () => html,
  };
}

/** A short line near the top that is a date to the month or day; a year alone is too vague to date a briefing by. */
function dateAtTop(body: string): string | null {
  for (const line of body.split('\n').slice(0, DATE_LINES)) {
    if (line.length > DATE_LINE_MAX) continue;
    const date = normaliseDate(line);
    if (date && date.length >= 7) return date;
  }
  return null;
}

function unreadable(id: string, problem: Problem): ParsedDocument {
  return { metadata: {}, title: titleFromFileName(id), source: null, date: null, url: null, body: '', problem, renderHtml: () => '' };
}
