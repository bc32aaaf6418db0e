import { titleFromFileName } from '../metadata-fields';
import { normaliseDate } from '../written-date';
import type { PdfInfo } from './extract-pdf';

/**
 * Titles that programs write rather than people: a converter's "Microsoft Word - x.doc", a
 * placeholder, a file name, or a catalogue number with no words ("946.231.176.72").
 */
function isJunkTitle(title: string, authors: readonly string[]): boolean {
  return (
    !/\p{L}{2}/u.test(title) ||
    /^(untitled|unknown|no title|title|document|doc\d*|slide \d+|powerpoint presentation)$/i.test(title) ||
    /^microsoft (word|powerpoint|excel) - /i.test(title) ||
    /\.(pdf|docx?|rtf|odt|pptx?|xlsx?|indd|qxd|html?|txt|tmp)$/i.test(title) ||
    /^[\w-]+\.\w{2,4}$/.test(title) ||
    // The EU Official Journal's Title is its publisher, as is its Author.
    authors.includes(title)
  );
}

/** Authors that are an account or a placeholder rather than who wrote it ("User", "Admin", "C:DC:TS:CAR:MP"). */
function isJunkAuthor(author: string): boolean {
  return (
    !/\p{L}{2}/u.test(author) ||
    /^(user|admin|administrator|owner|author|unknown|default|guest|staff|microsoft office user|windows user|office|pc|test)\d*$/i.test(author) ||
    /^[^\s]*[:\\/@][^\s]*$/.test(author)
  );
}

/** The title a PDF is listed by: its own (Info or XMP), else the first large heading on page 1, else its file name. */
export function pdfTitle(id: string, info: PdfInfo, heading: string | null): string {
  return info.titles.find((title) => !isJunkTitle(title, info.authors)) ?? heading ?? titleFromFileName(id);
}

/** Who the PDF is from: its author, when that is a name. */
export function pdfSource(info: PdfInfo): string | null {
  return info.authors.find((author) => !isJunkAuthor(author)) ?? null;
}

/** How many lines of page 1 are read for a date written on it. */
const DATE_LINES = 40;
/** Longer lines are running text, whose dates are of events, not of the document. */
const DATE_LINE_MAX = 120;
/** A written date this close to the file's own date is the document's date (an issue dated a day after its PDF was made). */
const NEAR_DAYS = 7;

/**
 * The date a PDF is listed by. A date written in its title or at the top of page 1, to the day,
 * is the document's own; the file's creation date is when the PDF was made, which is usually the
 * same day, but for a web page printed to PDF it is the day it was printed, and a date written on
 * the page may be an act it cites ("Executive Order 14024 of April 15, 2021"). So: a web print
 * takes the written date; any other file takes the written date when it is within a week of its
 * own, else its own; a file without dates takes the written one.
 */
export function pdfDate(info: PdfInfo, title: string, firstPage: string): string | null {
  const written = writtenDate(title, firstPage);
  const own = info.dates[0] ?? null;
  if (!own) return written;
  if (!written) return own;
  if (isWebPrint(info) || Math.abs(days(written) - days(own)) <= NEAR_DAYS) return written;
  return own;
}

/** A day written in the title, or on a short line near the top of the first page. */
function writtenDate(title: string, firstPage: string): string | null {
  const lines = [title, ...firstPage.split('\n').slice(0, DATE_LINES)].filter((line) => line.length <= DATE_LINE_MAX);
  for (const line of lines) {
    const date = normaliseDate(line);
    if (date && /^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
  }
  return null;
}

/** A browser's "Save as PDF" (Chrome's Skia, Firefox's cairo, wkhtmltopdf's Qt): dated when printed, not when written. */
function isWebPrint(info: PdfInfo): boolean {
  return info.producers.some((producer) => /^Skia\/PDF|wkhtmltopdf|^Qt \d|Mozilla\/\d|HeadlessChrome|Chrome\/\d|cairo \d.*\(https?:/i.test(producer));
}

const days = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;
