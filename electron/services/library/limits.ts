import type { BriefingFormat } from '../../common/model';

/** Extensions the library reads, mapped to their format. Everything else in the folder is ignored. */
export const BRIEFING_EXTENSIONS = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.txt': 'text',
  '.html': 'html',
  '.htm': 'html',
  '.pdf': 'pdf',
  '.docx': 'docx',
} as const;

/**
 * Largest file opened, by format. A 10 MB text file is some 1.5 million words, far beyond any
 * briefing; saved web pages carry markup, images inlined as data and scripts, so they get more.
 * PDFs carry fonts and page images (a scanned 300-page act is well over 100 MB); a Word file's
 * size is mostly its embedded pictures.
 */
export const MAX_BYTES = {
  markdown: 10 * 1024 * 1024,
  text: 10 * 1024 * 1024,
  html: 32 * 1024 * 1024,
  pdf: 200 * 1024 * 1024,
  docx: 50 * 1024 * 1024,
} as const satisfies Record<BriefingFormat, number>;

/** How many files are read and parsed at once during a scan. */
export const SCAN_CONCURRENCY = 16;

/**
 * Why a file of `size` bytes is too large for its format, or null when it is not. A null size is
 * a file found to hold more than the limit although the system gave a smaller size.
 */
export function tooLarge(format: keyof typeof MAX_BYTES, size: number | null): string | null {
  const limit = MAX_BYTES[format];
  if (size !== null && size <= limit) return null;
  return `This file is ${size === null ? `over ${megabytes(limit)}` : megabytes(size)}; Briefing Reader opens ${KINDS[format]} of up to ${megabytes(limit)}`;
}

const KINDS: Record<BriefingFormat, string> = { markdown: 'briefings', text: 'briefings', html: 'saved web pages', pdf: 'PDFs', docx: 'Word documents' };

/** Rounded up to a tenth, so a file a byte over 10 MB never reads as "10 MB". */
function megabytes(bytes: number): string {
  return `${Math.ceil((bytes / 1024 / 1024) * 10) / 10} MB`;
}
