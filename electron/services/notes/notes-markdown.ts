import { countLabel, displayDate, MISSING_LABEL, placeOf, type NotesBriefing, type NotesDocument, type NotesEntry } from './notes-document';

/**
 * The notes as one Markdown file: the title and what was exported, then per briefing a `##` heading
 * with its citation line, and per note the quote as a blockquote (its text escaped so it stays text),
 * the colour name in bold, the comment (the user's own Markdown), the tags and a citation line.
 */
export function renderNotesMarkdown(doc: NotesDocument): string {
  const exported = displayDate(doc.exportedAt);
  const facts = [
    doc.libraryName ? `Library: ${escapeInline(doc.libraryName)}` : '',
    doc.scopeLabel ? `Scope: ${escapeInline(doc.scopeLabel)}` : '',
    exported ? `Exported: ${exported}` : '',
    countLabel(doc),
  ].filter(Boolean);
  const parts = [`# ${escapeHeading(doc.title)}`, facts.join('  \n')];
  for (const briefing of doc.briefings) parts.push(...renderBriefing(doc, briefing));
  return `${parts.join('\n\n')}\n`;
}

function renderBriefing(doc: NotesDocument, briefing: NotesBriefing): string[] {
  const parts = [`## ${escapeHeading(briefing.title)}`, citation(briefing, null)];
  if (briefing.missing) parts.push(`*${MISSING_LABEL}.*`);
  for (const note of briefing.notes) parts.push(renderNote(doc, briefing, note));
  return parts;
}

function renderNote(doc: NotesDocument, briefing: NotesBriefing, note: NotesEntry): string {
  const parts = [blockquote(note.quote)];
  const place = placeOf(note);
  const cited = place ? `${place.sign} ${place.number}` : null;
  const label = [doc.show.colourNames && note.colourName ? `**${escapeInline(note.colourName)}**` : '', cited ?? ''].filter(Boolean);
  if (label.length) parts.push(label.join(' · '));
  if (doc.show.comments && note.comment.trim()) parts.push(closeFences(note.comment.replace(/\r\n?/g, '\n').trim()));
  if (doc.show.tags && note.tags.length) parts.push(`Tags: ${note.tags.map(tagOf).join(' ')}`);
  parts.push(citation(briefing, cited));
  return `${parts.join('\n\n')}\n\n---`;
}

/** "— *Title*, Source, 2022-03-08, ¶ 4, <https://…>" (`p. 4` for a PDF): everything known about where a quote comes from. */
function citation(briefing: NotesBriefing, place: string | null): string {
  const date = displayDate(briefing.date);
  const pieces = [
    `*${escapeInline(briefing.title)}*`,
    briefing.source ? escapeInline(briefing.source) : '',
    date ?? '',
    place ?? '',
    briefing.url ? `<${briefing.url.replace(/[<>\s]/g, encodeURIComponent)}>` : '',
  ].filter(Boolean);
  return `— ${pieces.join(', ')}`;
}

/**
 * The quote as a blockquote: every line prefixed with `> `, its text escaped so that nothing in it
 * (a line starting with `#`, `>`, `-`, `1.`, a fence, emphasis marks) is read as Markdown.
 */
export function blockquote(quote: string): string {
  const lines = quote.replace(/\r\n?/g, '\n').split('\n');
  while (lines.length > 1 && lines[lines.length - 1].trim() === '') lines.pop();
  return lines.map((line) => (line.trim() === '' ? '>' : `> ${escapeLine(line)}`)).join('\n');
}

/** One line of literal text made safe to stand at the start of a Markdown block. */
export function escapeLine(line: string): string {
  const text = escapeInline(line.trim());
  return text
    .replace(/^([#>+=|])/, '\\$1')
    .replace(/^-(?=\s|-|$)/, '\\-')
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

/** Escapes the characters that make inline Markdown (emphasis, code, links, HTML, strikethrough). */
export function escapeInline(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[\\`*_[\]<~|]/g, (char) => `\\${char}`)
    .replace(/&(?=#?[a-z0-9]+;)/gi, '\\&');
}

/** After `# ` only inline Markdown counts, and `#`s (a closing sequence would be dropped). */
function escapeHeading(text: string): string {
  return escapeInline(text.trim()).replace(/#/g, '\\#');
}

/** A tag as `#tag`; spaces inside become `-` (no Markdown notes system reads a space in a tag). */
function tagOf(tag: string): string {
  return `#${escapeInline(tag.trim()).replace(/ /g, '-')}`;
}

/** A comment with an unclosed code fence would swallow the rest of the file: close it. */
function closeFences(markdown: string): string {
  let open: string | null = null;
  for (const line of markdown.split('\n')) {
    const fence = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (!fence) continue;
    if (open === null) open = fence;
    else if (fence[0] === open[0] && fence.length >= open.length && line.trim() === fence) open = null;
  }
  return open === null ? markdown : `${markdown}\n${open}`;
}
