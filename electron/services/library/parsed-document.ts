import type { MetadataValue, Problem } from '../../common/model';

/**
 * What every format parser returns. Parsing is cheap and done for every file during a scan;
 * `renderHtml` is the costly part (Markdown rendering, sanitizing) and runs only when a
 * briefing is opened.
 */
export interface ParsedDocument {
  metadata: Record<string, MetadataValue>;
  title: string;
  source: string | null;
  date: string | null;
  url: string | null;
  /** The body as written, without front matter: used for language detection, word count, fingerprint. */
  body: string;
  problem: Problem | null;
  renderHtml(): string;
  /** PDFs: how many pages it has (unknown for a locked one). */
  pageCount?: number;
  /**
   * Set when the body cannot identify the file (a scan, a locked PDF: no text to hash): a hash of
   * its bytes, so notes and reading places still follow it when it is renamed.
   */
  fingerprint?: string;
  /** PDFs: the reader renders the file itself, so the article carries its bytes and extracted text, not HTML. */
  pdf?: { bytes: Uint8Array; text: string | null; pageStarts: number[] };
}
