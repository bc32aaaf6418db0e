import { positionOf, quoteOf, type Annotation } from '../../common/annotation-model';
import { anchorAll } from '../../common/anchoring';
import type { PdfSource } from '../../common/model';
import { pageAt } from '../../common/pdf-text';

/**
 * The page each note on a PDF stands on now, by anchoring it on the PDF's extracted text as the
 * reader does: a note made on an earlier version of a replaced PDF cites the page its words are on
 * in this one. Null for a note that cannot be placed, or when the PDF has no extracted text (a
 * password); the caller then falls back to the page the note was made on.
 */
export function pagesOfNotes(pdf: PdfSource, annotations: readonly Annotation[]): (number | null)[] {
  const text = pdf.text;
  if (text === null) return annotations.map(() => null);
  const placed = anchorAll(
    text,
    annotations.map((annotation) => ({ quote: quoteOf(annotation), position: positionOf(annotation) })),
  );
  return placed.map((result) => (result.kind === 'orphan' ? null : pageAt(pdf.pageStarts, result.start)));
}
