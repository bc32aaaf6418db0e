import type { ColourSlot } from '../../common/annotation-model';
import { renderCommentMarkdown } from '../../common/comment-markdown';
import { sanitizeArticleHtml } from '../library/article-html';
import { countLabel, displayDate, MISSING_LABEL, placeOf, type NotesBriefing, type NotesDocument, type NotesEntry } from './notes-document';

export interface NotesHtmlOptions {
  paper: 'A4' | 'Letter';
  /** `@font-face` rules for the bundled fonts (family 'Literata'); '' in tests. */
  fontCss: string;
}

/** Print-safe strong tones of the five highlight colours (the swatch colours of the light theme). */
export const PRINT_COLOURS: Record<ColourSlot, string> = {
  c1: '#e0b000',
  c2: '#3b82f6',
  c3: '#22a55a',
  c4: '#e0453f',
  c5: '#9b5de5',
};

/**
 * The comment as the app shows it (common/comment-markdown), run through the article sanitizer too:
 * a printed document must hold nothing active even if that renderer ever let something through.
 */
export function renderCommentHtml(comment: string): string {
  return sanitizeArticleHtml(renderCommentMarkdown(comment));
}

/**
 * One complete, self-contained HTML document of the notes, for Chromium to print to PDF. Its own
 * CSP allows no script and no request but inline fonts. The footer (export title, "page N / M")
 * is drawn by CSS page-margin boxes, not by Chromium's header/footer templates: those render in
 * a separate document that cannot use the bundled fonts.
 */
export function renderNotesHtml(doc: NotesDocument, options: NotesHtmlOptions): string {
  const exported = displayDate(doc.exportedAt);
  const facts = [
    doc.libraryName ? fact('Library', doc.libraryName) : '',
    doc.scopeLabel ? fact('Scope', doc.scopeLabel) : '',
    exported ? fact('Exported', `<time datetime="${escapeAttr(doc.exportedAt)}">${escapeHtml(exported)}</time>`, true) : '',
    fact('Contents', countLabel(doc)),
  ].join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:">
<title>${escapeHtml(doc.title)}</title>
<style>
${safeCss(options.fontCss)}
${stylesFor(options.paper, doc.title)}
</style>
</head>
<body>
<header class="title-block">
<p class="doc-title">${escapeHtml(doc.title)}</p>
<dl class="facts">${facts}</dl>
</header>
<main>
${doc.briefings.map((briefing) => renderBriefing(doc, briefing)).join('\n')}
</main>
</body>
</html>
`;
}

function renderBriefing(doc: NotesDocument, briefing: NotesBriefing): string {
  const date = displayDate(briefing.date);
  const meta = [
    briefing.source ? `<span class="source">${escapeHtml(briefing.source)}</span>` : '',
    date && briefing.date ? `<time datetime="${escapeAttr(briefing.date)}">${escapeHtml(date)}</time>` : '',
  ].filter(Boolean);
  const lang = briefing.language && briefing.language !== 'und' ? ` lang="${escapeAttr(briefing.language)}"` : '';
  return `<section class="briefing${briefing.missing ? ' missing' : ''}">
<div class="briefing-head">
<h2${lang}>${escapeHtml(briefing.title)}</h2>
${meta.length ? `<p class="meta">${meta.join('<span class="sep"> · </span>')}</p>` : ''}
${briefing.url ? `<p class="link"><a href="${escapeAttr(briefing.url)}">${escapeHtml(briefing.url)}</a></p>` : ''}
${briefing.missing ? `<p class="missing-mark">${MISSING_LABEL}</p>` : ''}
</div>
${briefing.notes.map((note) => renderNote(doc, note, lang)).join('\n')}
</section>`;
}

function renderNote(doc: NotesDocument, note: NotesEntry, lang: string): string {
  const place = placeOf(note);
  const label = [
    doc.show.colourNames && note.colourName ? `<span class="colour-name">${escapeHtml(note.colourName)}</span>` : '',
    place ? `<span class="place">${place.sign}&#8239;${place.number}</span>` : '',
  ].filter(Boolean);
  const comment = doc.show.comments && note.comment.trim() ? renderCommentHtml(note.comment) : '';
  const tags = doc.show.tags ? note.tags : [];
  return `<article class="note ${escapeAttr(note.colour)}">
${label.length ? `<p class="label"><span class="swatch" aria-hidden="true"></span>${label.join('')}</p>` : ''}
<blockquote class="quote"${lang}>${escapeHtml(note.quote)}</blockquote>
${comment ? `<div class="comment">${comment}</div>` : ''}
${tags.length ? `<p class="tags">${tags.map((tag) => `<span class="tag">#${escapeHtml(tag)}</span>`).join(' ')}</p>` : ''}
</article>`;
}

function fact(term: string, value: string, isHtml = false): string {
  return `<div><dt>${term}</dt><dd>${isHtml ? value : escapeHtml(value)}</dd></div>`;
}

function stylesFor(paper: 'A4' | 'Letter', title: string): string {
  const colours = (Object.entries(PRINT_COLOURS) as [ColourSlot, string][])
    .map(([slot, colour]) => `.note.${slot} { border-left-color: ${colour}; } .note.${slot} .swatch { background: ${colour}; }`)
    .join('\n');
  return `
@page {
  size: ${paper === 'Letter' ? 'letter' : 'A4'}; margin: 20mm 18mm 22mm 18mm;
  @bottom-left { content: ${cssString(title)}; font: 8pt 'Literata', Georgia, serif; color: #555; vertical-align: top; padding-top: 6mm; }
  @bottom-right { content: counter(page) ' / ' counter(pages); font: 8pt 'Literata', Georgia, serif; color: #555; vertical-align: top; padding-top: 6mm; }
}
:root { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
html { font-size: 10.5pt; }
body {
  margin: 0; color: #1a1a1a; background: #fff;
  font-family: 'Literata', Georgia, serif; line-height: 1.5;
  font-kerning: normal; font-variant-ligatures: common-ligatures; text-rendering: optimizeLegibility;
  hyphens: auto; orphans: 3; widows: 3;
}
/* The title is not a heading: Chromium's PDF outline is built from headings, and it should list the briefings. */
.doc-title, h2 { font-weight: 600; line-height: 1.25; break-after: avoid; page-break-after: avoid; }
.doc-title { font-size: 20pt; margin: 0 0 8pt; letter-spacing: -0.01em; }
/* pre-wrap keeps the space where a long title wraps: Chromium's outline joins the lines without it. */
h2 { font-size: 14pt; margin: 0 0 3pt; white-space: pre-wrap; }
a { color: #1d4ed8; text-decoration: none; }
.title-block { border-bottom: 1.5pt solid #1a1a1a; padding-bottom: 10pt; margin-bottom: 18pt; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 1pt 12pt; margin: 0; font-size: 9.5pt; }
.facts div { display: contents; }
.facts dt { color: #666; font-size: 8pt; text-transform: uppercase; letter-spacing: 0.06em; line-height: 1.9; }
.facts dd { margin: 0; }
.briefing { margin: 0 0 20pt; }
/* A briefing's heading never stands alone at the foot of a page. */
.briefing-head { break-inside: avoid; page-break-inside: avoid; break-after: avoid; page-break-after: avoid; }
.briefing + .briefing { border-top: 0.5pt solid #bbb; padding-top: 14pt; }
.meta, .link { margin: 0; font-size: 9pt; color: #555; }
.link a { overflow-wrap: anywhere; }
.missing-mark {
  display: inline-block; margin: 4pt 0 0; padding: 1pt 6pt; font-size: 8.5pt; color: #8a1c1c;
  border: 0.75pt solid #8a1c1c; border-radius: 3pt;
}
.note {
  margin: 10pt 0 0; padding: 2pt 0 2pt 10pt; border-left: 3pt solid #999;
  break-inside: avoid; page-break-inside: avoid;
  -webkit-print-color-adjust: exact; print-color-adjust: exact;
}
${colours}
.label { margin: 0 0 2pt; font-size: 7.5pt; color: #555; text-transform: uppercase; letter-spacing: 0.06em; }
.swatch { display: inline-block; width: 6pt; height: 6pt; border-radius: 50%; margin-right: 5pt; vertical-align: 0.05em; }
.place { margin-left: 8pt; font-variant: normal; letter-spacing: 0; text-transform: none; }
.quote { margin: 0; font-style: italic; white-space: pre-line; overflow-wrap: anywhere; }
.comment { margin-top: 4pt; font-size: 10pt; overflow-wrap: anywhere; }
.comment > :first-child { margin-top: 0; }
.comment > :last-child { margin-bottom: 0; }
.comment p, .comment ul, .comment ol, .comment pre, .comment blockquote { margin: 0 0 4pt; }
.comment ul, .comment ol { padding-left: 16pt; }
.comment blockquote { padding-left: 8pt; border-left: 1pt solid #ccc; color: #444; }
.comment pre, .comment code { font-family: ui-monospace, 'DejaVu Sans Mono', monospace; font-size: 8.5pt; }
.comment pre { white-space: pre-wrap; }
.tags { margin: 3pt 0 0; font-size: 8.5pt; color: #555; }
.tag { display: inline-block; margin-right: 3pt; overflow-wrap: anywhere; }
`;
}

/** A CSS string literal: quotes, backslashes and line breaks escaped, so any title is safe in `content:`. */
function cssString(text: string): string {
  return `"${text.replace(/[\\"\n\r<]/g, (char) => `\\${char.charCodeAt(0).toString(16)} `)}"`;
}

/** The caller's font rules go inside a <style> element: no `<` (CSS escape `\3c `), so they cannot close it. */
function safeCss(css: string): string {
  return (css ?? '').replace(/</g, '\\3c ');
}

export function escapeHtml(text: string): string {
  return String(text).replace(/[&<>"']/g, (char) => ESCAPES[char]);
}

function escapeAttr(text: string): string {
  return escapeHtml(text);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
