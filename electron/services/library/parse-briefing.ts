import { createHash } from 'node:crypto';
import type { Article, BriefingFormat, BriefingSummary, Problem } from '../../common/model';
import { decodeBriefingBytes, isProblem } from './decode';
import { detectLanguage, languageFromMetadata } from './language';
import { countWords, tagsOf, titleFromFileName } from './metadata-fields';
import { outlineOf, sanitizeArticleHtml } from './article-html';
import type { ParsedDocument } from './parsed-document';
import { parseMarkdown } from './parse-markdown';
import { parseText } from './parse-text';
import { parseHtmlPage } from './parse-html-page';

const PARSERS: Record<Exclude<BriefingFormat, 'pdf' | 'docx'>, (id: string, text: string) => ParsedDocument> = {
  markdown: parseMarkdown,
  text: parseText,
  html: parseHtmlPage,
};

// Until the PDF and Word readers land, such a file (not yet listed by the scan) says so rather than being read as text.
const NOT_YET: Problem = { code: 'damaged', severity: 'error', message: 'This version of Briefing Reader cannot read this kind of file yet.' };

export type ParseOutcome = { summary: BriefingSummary; document: ParsedDocument | null };

/**
 * Decodes and parses one file's bytes. Never throws for bad content: a file that cannot be read
 * becomes a summary with an error problem and no document, so it still shows in the library.
 */
export function parseBriefing(id: string, format: BriefingFormat, bytes: Uint8Array): ParseOutcome {
  if (format === 'pdf' || format === 'docx') return { summary: unreadableSummary(id, format, bytes.length, NOT_YET), document: null };
  const decoded = decodeBriefingBytes(bytes, format);
  if (isProblem(decoded)) return { summary: unreadableSummary(id, format, bytes.length, decoded), document: null };
  const document = PARSERS[format](id, decoded.text);
  const summary: BriefingSummary = {
    id,
    title: document.title,
    source: document.source,
    date: document.date,
    language: languageFromMetadata(document.metadata.language) ?? detectLanguage(document.body),
    tags: tagsOf(document.metadata),
    format,
    sizeBytes: bytes.length,
    wordCount: countWords(document.body),
    fingerprint: fingerprintOf(document.body),
    problem: decoded.problem ?? document.problem,
  };
  return { summary, document };
}

/** Renders a parsed briefing into the sanitized article the reader shows. */
export function toArticle(summary: BriefingSummary, document: ParsedDocument): Article {
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
