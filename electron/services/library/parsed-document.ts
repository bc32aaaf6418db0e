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
}
