/**
 * Preferences: one schema, read from the settings file field by field (a bad field falls back to
 * its default, the rest kept) and checked, as a patch, when the renderer changes them.
 */
import * as v from 'valibot';
import { COLOUR_SLOTS } from './annotation';
import { exportChoices } from './export';
import { numberIn, oneOf, strictRecord, text, yesNo } from './fields';

export const FONT_SIZE_RANGE = { min: 14, max: 30, step: 1 } as const;
export const LINE_HEIGHT_RANGE = { min: 1.3, max: 2.1, step: 0.1 } as const;
/** PDF zoom as a share of the page's real size (1 = 100 %). */
export const PDF_ZOOM_RANGE = { min: 0.5, max: 4 } as const;

/** How PDFs are zoomed: to the pane's width, to a whole page, or a fixed share of the page's real size. */
export const pdfZoom = v.union(
  [oneOf(['fit-width', 'fit-page']), numberIn(PDF_ZOOM_RANGE.min, PDF_ZOOM_RANGE.max)],
  `expected fit-width, fit-page or a number from ${PDF_ZOOM_RANGE.min} to ${PDF_ZOOM_RANGE.max}`,
);

/** What each highlight colour means to this reader (Key point, Question, …). */
export const colourMeanings = strictRecord(
  Object.fromEntries(COLOUR_SLOTS.map((slot) => [slot, text(60)])) as Record<(typeof COLOUR_SLOTS)[number], ReturnType<typeof text>>,
);

export const preferenceFields = {
  theme: oneOf(['system', 'light', 'dark', 'sepia']),
  colourMeanings,
  /** Body text size in CSS pixels. */
  fontSize: numberIn(FONT_SIZE_RANGE.min, FONT_SIZE_RANGE.max),
  lineHeight: numberIn(LINE_HEIGHT_RANGE.min, LINE_HEIGHT_RANGE.max),
  sortKey: oneOf(['date', 'title', 'source']),
  sortDescending: yesNo,
  /** The export dialog's last choices; `paper` null means "by the system locale". */
  export: exportChoices,
  pdfZoom,
  /** PDF pages drawn inverted (light text on dark), for reading PDFs in a dark room. */
  pdfInvert: yesNo,
  /** Search shows one result per translated pair (the better ranked); the other is one click away. */
  collapseTwins: yesNo,
};
export const preferences = strictRecord(preferenceFields);

/** A change to some preferences: colour meanings may be changed one at a time; the rest whole. */
export const preferencesPatch = v.partial(strictRecord({ ...preferenceFields, colourMeanings: v.partial(colourMeanings) }));
