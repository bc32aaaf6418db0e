import { createHash } from 'node:crypto';
import type { Article, BriefingFormat, BriefingSummary, Problem } from '../../common/model';
import { decodeBriefingBytes, EMPTY_FILE, isProblem } from './decode';
import { contradictedLanguage, detectLanguage, languageFromMetadata } from './language';
import { countWords, pairIdOf, tagsOf, titleFromFileName } from './metadata-fields';
import { outlineOf, sanitizeArticleHtml } from './article-html';
import type { ParsedDocument } from './parsed-document';
import { parseDocx } from './parse-docx';
import { parseMarkdown } from './parse-markdown';
import { parsePdf } from './pdf/parse-pdf';
import { parseText } from './parse-text';
import { parseHtmlPage } from './parse-html-page';

type TextFormat = 'markdown' | 'text' | 'html';

/** Formats read as text: their bytes are decoded first (encoding detection, a notice when not UTF-8). */
const TEXT_PARSERS: Record<TextFormat, (id: string, text: string) => ParsedDocument> = {
  markdown: parseMarkdown,
  text: parseText,
  html: parseHtmlPage,
};

/**
 * Formats read from their bytes. A file they cannot read at all comes back as a document with an
 * error problem (and nothing to show), which the listing keeps with the reason.
 */
const BINARY_PARSERS: Record<Exclude<BriefingFormat, TextFormat>, (id: string, bytes: Uint8Array) => Promise<ParsedDocument>> = {
  pdf: parsePdf,
  docx: parseDocx,
};

export type ParseOutcome = { summary: BriefingSummary; document: ParsedDocument | null };

/**
 * Parses one file's bytes. Never rejects for bad content: a file that cannot be read becomes a
 * summary with an error problem and no document, so it still shows in the library.
 */
export async function parseBriefing(id: string, format: BriefingFormat, bytes: Uint8Array): Promise<ParseOutcome> {
  if (bytes.length === 0) return { summary: unreadableSummary(id, format, 0, EMPTY_FILE), document: null };
  let document: ParsedDocument;
  let notice: Problem | null = null;
  if (format === 'pdf' || format === 'docx') {
    document = await BINARY_PARSERS[format](id, bytes);
    if (document.problem?.severity === 'error') return { summary: unreadableSummary(id, format, bytes.length, document.problem), document: null };
  } else {
    const decoded = decodeBriefingBytes(bytes, format);
    if (isProblem(decoded)) return { summary: unreadableSummary(id, format, bytes.length, decoded), document: null };
    document = TEXT_PARSERS[format](id, decoded.text);
    notice = decoded.problem;
  }
  const declared = languageFromMetadata(document.metadata.language);
  const detected = declared && contradictedLanguage(declared, document.body);
  const pairId = pairIdOf(document.metadata);
  const summary: BriefingSummary = {
    id,
    title: document.title,
    source: document.source,
    date: document.date,
    language: declared ?? detectLanguage(document.body),
    tags: tagsOf(document.metadata),
    format,
    sizeBytes: bytes.length,
    wordCount: countWords(document.body),
    fingerprint: document.fingerprint ?? fingerprintOf(document.body),
    problem: notice ?? document.problem,
    ...(document.pageCount === undefined ? {} : { pageCount: document.pageCount }),
    ...(pairId ? { pairId } : {}),
    ...(detected ? { detectedLanguage: detected } : {}),
  };
  return { summary, document };
}

/** Renders a parsed briefing into the sanitized article the reader shows; a PDF carries its bytes and text instead of HTML. */
export function toArticle(summary: BriefingSummary, document: ParsedDocument): Article {
  const { pdf } = document;
  if (pdf) {
    const source = {
      data: Buffer.from(pdf.bytes.buffer, pdf.bytes.byteOffset, pdf.bytes.byteLength).toString('base64'),
      text: pdf.text,
      pageStarts: pdf.pageStarts,
    };
    return { summary, url: document.url, metadata: document.metadata, html: '', headings: [], pdf: source };
  }
  const html = sanitizeArticleHtml(document.renderHtml());
  return { summary, url: document.url, metadata: document.metadata, html, headings: outlineOf(html).headings };
}

/** A listing row for a file that cannot be opened, with the reason in `problem`. */
export function unreadableSummary(id: string, format: BriefingFormat, sizeBytes: number, problem: Problem): BriefingSummary {
  return {
    id,
    title: titleFromFileName(id),
    source: null,
    date: null,
    language: 'und',
    tags: [],
    format,
    sizeBytes,
    wordCount: 0,
    fingerprint: '',
    problem,
  };
}

/** Whitespace-insensitive, so re-wrapping a file or changing line endings keeps its identity. */
export function fingerprintOf(body: string): string {
  return createHash('sha256').update(body.replace(/\s+/g, ' ').trim()).digest('hex').slice(0, 32);
}
