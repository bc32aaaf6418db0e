/** The export dialog's choices and an export request: one schema each, the types inferred from them. */
import * as v from 'valibot';
import { COLOUR_SLOTS, colourSlot } from './annotation';
import { listOf, oneOf, strictRecord, text, yesNo } from './fields';

export const exportFormat = oneOf(['pdf', 'markdown', 'json']);
export const paperSize = oneOf(['A4', 'Letter']);

/** What the export dialog asks: which parts of each note to include, which colours, and in what order. */
export const notesExportOptions = strictRecord({
  comments: yesNo,
  tags: yesNo,
  colourNames: yesNo,
  /** Briefing metadata: source, date and link. The title is always shown. */
  metadata: yesNo,
  /** The colours to include; notes of other colours are left out. */
  colours: listOf(colourSlot, COLOUR_SLOTS.length),
  /**
   * `text`: briefings newest first (undated last), notes in the order they stand in the text.
   * `date`: notes newest first by when they were made, still grouped by briefing; briefings by their newest note.
   * `colour`: briefings as for `text`, notes grouped by colour slot (c1…c5), then in text order.
   */
  order: oneOf(['text', 'date', 'colour']),
});

/** What the export dialog remembers between exports. */
export const exportChoices = strictRecord({
  format: exportFormat,
  /** Null: A4 or Letter by the system's locale. */
  paper: v.nullable(paperSize),
  options: notesExportOptions,
});

/**
 * Which notes to export. With neither list, every note in the library; with `briefingIds`, the
 * notes of those briefings; with `annotationIds`, exactly those notes (the notes view's filter).
 */
export const exportScope = strictRecord({
  /** How the scope reads in the document and the file name: "Price cap review", "3 briefings". */
  label: text(300),
  briefingIds: v.optional(listOf(text(1024), 100_000)),
  annotationIds: v.optional(listOf(text(1024), 200_000)),
});

export const exportRequest = strictRecord({
  scope: exportScope,
  format: exportFormat,
  /** Used by the PDF only. */
  paper: paperSize,
  options: notesExportOptions,
});
