import type { BriefingSummary, Language } from '../../common/model';
import { outlineOf } from '../library/article-html';
import { parseBriefing, toArticle } from '../library/parse-briefing';
import { readBriefingFile } from '../library/briefing-file';

/** What the search index keeps of a briefing: enough to filter, rank, and cut snippets from. */
export interface SearchDoc {
  id: string;
  fingerprint: string;
  title: string;
  source: string | null;
  date: string | null;
  language: Language;
  /** The article's plain text, as the reader shows it (a PDF: its extracted text). */
  text: string;
  /** PDFs only: where each page starts in `text` (common/pdf-text.ts), for the page a hit is on. */
  pageStarts?: number[];
}

/** Reads and parses one briefing into a SearchDoc; null when the file cannot be read now. */
export async function loadSearchDoc(root: string, summary: BriefingSummary): Promise<SearchDoc | null> {
  try {
    const { summary: fresh, document } = await parseBriefing(summary.id, summary.format, await readBriefingFile(root, summary.id, summary.format));
    if (!document) return null;
    // A PDF's text is its extracted text (its article carries the file, not HTML).
    const { pdf } = document;
    const text = pdf ? (pdf.text ?? '') : outlineOf(toArticle(fresh, document).html).text;
    const doc = { id: fresh.id, fingerprint: fresh.fingerprint, title: fresh.title, source: fresh.source, date: fresh.date, language: fresh.language, text };
    return pdf?.text ? { ...doc, pageStarts: pdf.pageStarts } : doc;
  } catch {
    return null;
  }
}
