import { DEFAULT_COLOUR_MEANINGS } from './annotation-model';
import { DEFAULT_EXPORT_CHOICES } from './export-model';
import type * as v from 'valibot';
import { FONT_SIZE_RANGE, LINE_HEIGHT_RANGE, type preferences } from './schema/preferences';

/**
 * The data model shared by every process. Everything here is plain JSON: it crosses IPC and the
 * test host's binding unchanged, so no Date, Map or class instances.
 */

/** Languages the reader knows how to detect and (later) stem. `und` means "could not tell". */
export type Language = 'en' | 'uk' | 'ru' | 'und';

export type BriefingFormat = 'markdown' | 'text' | 'html' | 'pdf' | 'docx';

/** Why a file could not be read fully. `severity: 'error'` means it cannot be opened at all. */
export type ProblemCode =
  | 'empty'
  | 'binary'
  | 'too-large'
  | 'invalid-utf8'
  | 'front-matter'
  | 'no-article'
  | 'unreadable'
  | 'vanished'
  /** A link whose real path is outside the library: never read. */
  | 'outside-library'
  /** A FIFO, socket or device (or a link to one): never opened. */
  | 'not-a-file'
  /**
   * A PDF with no text to search: a scan without a text layer, or text that is not the visible text
   * (fonts without a usable ToUnicode map). Listed and shown; left out of search, with this reason.
   */
  | 'no-text'
  /** A password-protected PDF: listed, opened only after the reader types the password; not searched. */
  | 'password'
  /** A damaged file (a truncated or corrupt PDF, a `.docx` that is not a zip): what can be shown is. */
  | 'damaged';

export interface Problem {
  code: ProblemCode;
  severity: 'warning' | 'error';
  /** A sentence a person can act on; shown as is. */
  message: string;
}

/** One row of the library: what the list needs, without the article body. */
export interface BriefingSummary {
  /** Path relative to the library root, always with `/` separators. */
  id: string;
  title: string;
  source: string | null;
  /** ISO 8601 (`YYYY-MM-DD` or a full timestamp) or null when the briefing has no usable date. */
  date: string | null;
  language: Language;
  tags: string[];
  format: BriefingFormat;
  sizeBytes: number;
  wordCount: number;
  /** Hash of the briefing's body text; stays the same when the file is renamed or moved. */
  fingerprint: string;
  problem: Problem | null;
  /** PDFs only: how many pages it has. */
  pageCount?: number;
  /**
   * Links translations of one item (front matter `pair_id`): briefings with the same pairId are
   * the same text in other languages ("twins"), never near-duplicates of each other.
   */
  pairId?: string;
  /** Set only when the text reads as another language than the front matter declares (`language` keeps the declared one). */
  detectedLanguage?: Language;
}

/** A folder-level problem (a link loop, an unreadable folder), not tied to one briefing. */
export interface LibraryNotice {
  path: string;
  message: string;
}

export interface LibrarySnapshot {
  root: string;
  /** The folder's name, for the window title and headings. */
  name: string;
  /** False when the folder has gone (unmounted, renamed); `briefings` then holds the last known list. */
  available: boolean;
  briefings: BriefingSummary[];
  notices: LibraryNotice[];
  scannedAt: string;
}

export interface Heading {
  /** The element id in `Article.html`. */
  id: string;
  level: number;
  text: string;
}

export type MetadataValue = string | number | boolean | null | MetadataValue[] | { [key: string]: MetadataValue };

/** A briefing ready to read: sanitized HTML that is safe to insert as is. */
export interface Article {
  summary: BriefingSummary;
  url: string | null;
  /** Every front matter key, including ones the app does not use, for the metadata header. */
  metadata: Record<string, MetadataValue>;
  html: string;
  headings: Heading[];
  /** Set for a PDF: the reader renders the file itself (pdf.js), and `html` is empty. */
  pdf?: PdfSource;
}

/** What the reader needs to show a PDF and anchor notes on it. */
export interface PdfSource {
  /** The file's bytes, base64 (payloads are JSON): pdf.js renders them in the renderer. */
  data: string;
  /**
   * The extracted text, pages joined by `PAGE_BREAK` (common/pdf-text.ts): annotation offsets and
   * search hits refer to it. Null when none could be extracted (a password, a scan); the reader
   * then extracts what it can itself after opening the file.
   */
  text: string | null;
  /** Where each page starts in `text` (0-based page index → offset); empty when `text` is null. */
  pageStarts: number[];
}

/** The reader's preferences: inferred from their schema, which also checks them on disk and over IPC. */
export type Preferences = v.InferOutput<typeof preferences>;
export type ThemeChoice = Preferences['theme'];
export type SortKey = Preferences['sortKey'];

export const DEFAULT_PREFERENCES: Preferences = {
  theme: 'system',
  colourMeanings: DEFAULT_COLOUR_MEANINGS,
  fontSize: 19,
  lineHeight: 1.6,
  sortKey: 'date',
  sortDescending: true,
  export: DEFAULT_EXPORT_CHOICES,
  pdfZoom: 'fit-width',
  pdfInvert: false,
  collapseTwins: false,
};

export { FONT_SIZE_RANGE, LINE_HEIGHT_RANGE };

/** Where the reader left a briefing, as a share of its scroll height (0..1). */
export interface ReadingPosition {
  fraction: number;
  updatedAt: string;
  /** Read to the end (95 % or more) once, or marked read; marking unread clears it. */
  read?: boolean;
  /** The briefing's text fingerprint when last stored: a renamed or moved file keeps its state. */
  fingerprint?: string;
}

/** Share of its height at which a briefing counts as read. */
export const READ_AT = 0.95;

/** A briefing's position after reading to `fraction`: reaching READ_AT marks it read, and read stays read. */
export function progressed(previous: ReadingPosition | undefined, fraction: number, updatedAt: string): ReadingPosition {
  const read = previous?.read === true || fraction >= READ_AT;
  return { fraction, updatedAt, ...(read ? { read } : {}) };
}

/**
 * A briefing's position after marking it read or unread. The place is kept, except that one read
 * to its end and marked unread starts again from the top (else it would show "95 % read").
 */
export function markedRead(previous: ReadingPosition | undefined, read: boolean, updatedAt: string): ReadingPosition {
  const fraction = previous?.fraction ?? 0;
  return read ? { fraction, updatedAt, read } : { fraction: fraction >= READ_AT ? 0 : fraction, updatedAt };
}

/** A library the person opened before, for the recent libraries menu. */
export interface RecentLibrary {
  path: string;
  /** The folder's name, as the library is called. */
  name: string;
  /** False when the folder is not there now (an unplugged disk, a renamed folder). */
  available: boolean;
}
