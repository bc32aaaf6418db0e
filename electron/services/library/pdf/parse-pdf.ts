import type { MetadataValue, Problem } from '../../../common/model';
import { joinPages } from '../../../common/pdf-text';
import { titleFromFileName } from '../metadata-fields';
import type { ParsedDocument } from '../parsed-document';
import { cachedExtraction } from './extraction-cache';
import { extractPdf, UnopenablePdfError } from './extract-pdf';
import { notAPdf } from './not-a-pdf';
import { pdfDate, pdfSource, pdfTitle } from './pdf-metadata';
import { textQuality } from './text-quality';

const SCAN: Problem = {
  code: 'no-text',
  severity: 'warning',
  message: 'This PDF is a scan with no text layer: it is shown, but it cannot be searched or highlighted.',
};
const GARBLED: Problem = {
  code: 'no-text',
  severity: 'warning',
  message:
    'The text in this PDF cannot be read: its fonts do not say which letters they draw, so the text comes out as gibberish. It is shown, but it cannot be searched or highlighted.',
};
const LOCKED: Problem = {
  code: 'password',
  severity: 'warning',
  message: 'This PDF is protected by a password: open it and type the password to read it. It cannot be searched.',
};

/**
 * A PDF briefing: its text extracted page by page with pdf.js (or taken from the extraction
 * cache), its title, date and source from its metadata or its first page. A scan or a PDF whose
 * text is gibberish has an empty body (nothing to search) and a 'no-text' warning; a locked one a
 * 'password' warning; both are identified by a hash of their bytes, having no text to hash. A file
 * that is not a PDF, or one pdf.js cannot open, gives an error problem and nothing to show.
 */
export async function parsePdf(id: string, bytes: Uint8Array): Promise<ParsedDocument> {
  const notPdf = notAPdf(bytes);
  if (notPdf) return unreadable(id, notPdf);
  let found;
  try {
    found = await cachedExtraction(bytes, extractPdf);
  } catch (error) {
    if (!(error instanceof UnopenablePdfError)) throw error;
    return unreadable(id, {
      code: 'damaged',
      severity: 'error',
      message: `This PDF is damaged and cannot be opened (${error.message.replace(/[.\s]+$/, '')}). It may be cut short: try downloading or copying it again.`,
    });
  }
  const { key, extraction } = found;
  const bytesHash = key.slice(0, 32);
  if (extraction.kind === 'locked') {
    return { ...shell(id, {}), problem: LOCKED, fingerprint: bytesHash, pdf: { bytes, text: null, pageStarts: [] } };
  }
  const { pages, pageCount, failedPages, info, heading } = extraction;
  const quality = textQuality(pages);
  const readable = quality === 'text';
  const title = pdfTitle(id, info, readable ? heading : null);
  const { text, pageStarts } = joinPages(pages);
  const metadata = Object.fromEntries(
    Object.entries({
      title: info.titles[0],
      author: info.authors[0],
      created: info.dates[0],
      producer: info.producers.join('; ') || undefined,
      pages: pageCount,
    }).filter((entry): entry is [string, string | number] => entry[1] !== undefined),
  );
  return {
    metadata,
    title,
    source: pdfSource(info),
    date: pdfDate(info, title, readable ? pages[0] : ''),
    url: null,
    body: readable ? text : '',
    problem: quality === 'no-text' ? SCAN : quality === 'garbled' ? GARBLED : failedPages.length > 0 ? damagedPages(failedPages, pageCount) : null,
    renderHtml: () => '',
    pageCount,
    ...(readable ? {} : { fingerprint: bytesHash }),
    pdf: { bytes, text: readable ? text : null, pageStarts: readable ? pageStarts : [] },
  };
}

/** Some pages of an otherwise readable PDF failed: the rest are shown and searched. */
function damagedPages(failed: readonly number[], pageCount: number): Problem {
  const which = failed.length === pageCount ? 'none of its pages' : failed.length === 1 ? `page ${failed[0]}` : `pages ${pageRanges(failed)}`;
  return {
    code: 'damaged',
    severity: 'warning',
    message:
      failed.length === pageCount
        ? 'This PDF is damaged: none of its pages could be read.'
        : `This PDF is damaged: ${which} could not be read. The other pages are shown and searched.`,
  };
}

/** `[3, 4, 5, 9]` → `3–5, 9`. */
function pageRanges(pages: readonly number[]): string {
  const ranges: string[] = [];
  for (let start = 0; start < pages.length;) {
    let end = start;
    while (end + 1 < pages.length && pages[end + 1] === pages[end] + 1) end++;
    ranges.push(end === start ? `${pages[start]}` : `${pages[start]}–${pages[end]}`);
    start = end + 1;
  }
  return ranges.join(', ');
}

function shell(id: string, metadata: Record<string, MetadataValue>): ParsedDocument {
  return { metadata, title: titleFromFileName(id), source: null, date: null, url: null, body: '', problem: null, renderHtml: () => '' };
}

function unreadable(id: string, problem: Problem): ParsedDocument {
  return { ...shell(id, {}), problem };
}
