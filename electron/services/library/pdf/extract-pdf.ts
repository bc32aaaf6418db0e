import { pageTextOf } from '../../../common/pdf-text';
import { firstHeading } from './first-heading';
import { openPdf, type PdfDocument } from './pdfjs';

/** What a PDF says about itself, each field its Info dictionary's value first and its XMP's after. */
export interface PdfInfo {
  titles: string[];
  authors: string[];
  /** Creation and modification dates as `YYYY-MM-DD`, creation first. */
  dates: string[];
  /** The programs that made it (Creator, Producer): a web browser's print is dated by when it was printed. */
  producers: string[];
}

/**
 * Everything parsing needs from a PDF, extracted once (it costs seconds for a long act) and then
 * cached by content. `locked`: the PDF needs a password to be read at all.
 */
export type PdfExtraction =
  | { kind: 'locked' }
  | {
      kind: 'opened';
      pageCount: number;
      /** Each page's text (common/pdf-text.ts), '' for a page that could not be read. */
      pages: string[];
      /** 1-based numbers of the pages whose text could not be read (a damaged or truncated file). */
      failedPages: number[];
      info: PdfInfo;
      /** The first large heading on page 1, for a title when the metadata has none. */
      heading: string | null;
    };

/** pdf.js could not open the file at all; the message says why, in pdf.js's words. */
export class UnopenablePdfError extends Error {}

/**
 * Extracts a PDF's text page by page, its metadata and its first heading. Pages are released as
 * soon as their text is taken, so a 2,000-page file holds one page at a time. Throws
 * `UnopenablePdfError` for a file pdf.js cannot open; a page that fails is recorded, not fatal.
 */
export async function extractPdf(bytes: Uint8Array): Promise<PdfExtraction> {
  let document: PdfDocument;
  try {
    document = await openPdf(bytes);
  } catch (error) {
    if ((error as Error | null)?.name === 'PasswordException') return { kind: 'locked' };
    throw new UnopenablePdfError(error instanceof Error ? error.message : String(error));
  }
  try {
    const pages: string[] = [];
    const failedPages: number[] = [];
    let heading: string | null = null;
    for (let number = 1; number <= document.numPages; number++) {
      try {
        const page = await document.getPage(number);
        const { items } = await page.getTextContent();
        pages.push(pageTextOf(items).text);
        if (number === 1) heading = firstHeading(items, page.view);
        page.cleanup();
      } catch {
        pages.push('');
        failedPages.push(number);
      }
    }
    return { kind: 'opened', pageCount: document.numPages, pages, failedPages, info: await infoOf(document), heading };
  } finally {
    await document.destroy();
  }
}

async function infoOf(document: PdfDocument): Promise<PdfInfo> {
  const { info, metadata } = await document.getMetadata().catch(() => ({ info: {}, metadata: null }));
  const fields = info as Record<string, unknown>;
  const xmp = (key: string): unknown => metadata?.get(key) ?? null;
  return {
    titles: texts(fields.Title, xmp('dc:title')),
    authors: texts(fields.Author, xmp('dc:creator')),
    dates: [pdfDate(fields.CreationDate), isoDay(xmp('xmp:createdate')), pdfDate(fields.ModDate), isoDay(xmp('xmp:modifydate'))].filter(
      (date): date is string => date !== null,
    ),
    producers: texts(fields.Creator, fields.Producer, xmp('xmp:creatortool'), xmp('pdf:producer')),
  };
}

/** Non-empty strings among the values; a list (XMP's dc:creator) is one value, its items joined. */
function texts(...values: unknown[]): string[] {
  return values
    .map((value) => (Array.isArray(value) ? value.filter((item) => typeof item === 'string').join(', ') : value))
    .filter((value): value is string => typeof value === 'string' && value.trim() !== '')
    .map((value) => value.replace(/\s+/gu, ' ').trim());
}

/** A PDF date (`D:20220313044458+00'00'`) as the day it names, in the time zone it was written in. */
function pdfDate(value: unknown): string | null {
  const match = typeof value === 'string' ? /^(?:D:)?(\d{4})(\d{2})(\d{2})/.exec(value.trim()) : null;
  return match ? validDay(`${match[1]}-${match[2]}-${match[3]}`) : null;
}

/** An XMP date (`2022-02-25T09:22:24+11:00`) as its day. */
function isoDay(value: unknown): string | null {
  const match = typeof value === 'string' ? /^(\d{4}-\d{2}-\d{2})/.exec(value.trim()) : null;
  return match ? validDay(match[1]) : null;
}

function validDay(day: string): string | null {
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(day) ? day : null;
}
