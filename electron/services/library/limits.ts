/** Extensions the library reads, mapped to their format. Everything else in the folder is ignored. */
export const BRIEFING_EXTENSIONS = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.txt': 'text',
  '.html': 'html',
  '.htm': 'html',
} as const;

/**
 * Largest file opened, by format. A 10 MB text file is some 1.5 million words, far beyond any
 * briefing; saved web pages carry markup, images inlined as data and scripts, so they get more.
 */
export const MAX_BYTES = { markdown: 10 * 1024 * 1024, text: 10 * 1024 * 1024, html: 32 * 1024 * 1024 } as const;

/** How many files are read and parsed at once during a scan. */
export const SCAN_CONCURRENCY = 16;
