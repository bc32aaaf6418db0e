import type { BriefingFormat, BriefingSummary, ProblemCode } from '../../../electron/common/model';
import { plural } from './format';

/** Formats named in the list and the reader's header: files a reader knows by kind. Text formats read as articles and go unnamed. */
const KINDS: Partial<Record<BriefingFormat, string>> = { pdf: 'PDF', docx: 'Word' };

/**
 * A listed briefing the reader can open but search leaves out, flagged in a few words; the
 * problem's message says why in full (as the flag's title and the row's description).
 */
const UNSEARCHABLE_FLAGS: Partial<Record<ProblemCode, string>> = { 'no-text': 'No text — not searchable', password: 'Password' };

/** "PDF", "Word", or null for a Markdown, text or saved web page briefing. */
export function kindOf(summary: Pick<BriefingSummary, 'format'>): string | null {
  return KINDS[summary.format] ?? null;
}

/** "281 pages" for a PDF; null when the page count is not known. */
export function pagesOf(summary: Pick<BriefingSummary, 'pageCount'>): string | null {
  return summary.pageCount ? plural(summary.pageCount, 'page') : null;
}

/** The short flag for a briefing listed and shown but not searched (a scan, a password), else null. */
export function unsearchableFlag(summary: Pick<BriefingSummary, 'problem'>): string | null {
  return summary.problem ? (UNSEARCHABLE_FLAGS[summary.problem.code] ?? null) : null;
}
