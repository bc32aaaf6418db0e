import { COLOUR_SLOTS, type ColourSlot } from './annotation-model';

/** What the export dialog asks: which parts of each note to include, which colours, and in what order. */
export interface NotesExportOptions {
  comments: boolean;
  tags: boolean;
  colourNames: boolean;
  /** Briefing metadata: source, date and link. The title is always shown. */
  metadata: boolean;
  /** The colours to include; notes of other colours are left out. */
  colours: ColourSlot[];
  /**
   * `text`: briefings newest first (undated last), notes in the order they stand in the text.
   * `date`: notes newest first by when they were made, still grouped by briefing; briefings by their newest note.
   * `colour`: briefings as for `text`, notes grouped by colour slot (c1…c5), then in text order.
   */
  order: 'text' | 'date' | 'colour';
}

export type ExportFormat = 'pdf' | 'markdown' | 'json';
export type PaperSize = 'A4' | 'Letter';

/** The file extension each format is written with. */
export const EXPORT_EXTENSIONS = { pdf: 'pdf', markdown: 'md', json: 'json' } as const satisfies Record<ExportFormat, string>;

/**
 * Which notes to export. With neither list, every note in the library; with `briefingIds`, the
 * notes of those briefings; with `annotationIds`, exactly those notes (the notes view's filter).
 */
export interface ExportScope {
  /** How the scope reads in the document and the file name: "Price cap review", "3 briefings". */
  label: string;
  briefingIds?: string[];
  annotationIds?: string[];
}

export interface ExportRequest {
  scope: ExportScope;
  format: ExportFormat;
  /** Used by the PDF only. */
  paper: PaperSize;
  options: NotesExportOptions;
}

export type ExportOutcome =
  | { status: 'written'; path: string; format: ExportFormat; noteCount: number; briefingCount: number }
  /** The person closed the save dialog: nothing was written. */
  | { status: 'cancelled' }
  /** The person stopped the export while it ran: nothing was written. */
  | { status: 'stopped' }
  /** The scope holds no notes (after the colour filter): nothing was asked and nothing written. */
  | { status: 'empty'; message: string };

/** Where a running export is; sent as an event while `exportNotes` runs. */
export interface ExportProgress {
  stage: 'collecting' | 'composing' | 'printing' | 'writing';
  /** Units done of `total` in this stage; `total` 0 when the stage cannot be measured. */
  done: number;
  total: number;
}

/** What the export dialog remembers between exports. */
export interface ExportChoices {
  format: ExportFormat;
  /** Null: A4 or Letter by the system's locale. */
  paper: PaperSize | null;
  options: NotesExportOptions;
}

export const DEFAULT_EXPORT_CHOICES: ExportChoices = {
  format: 'pdf',
  paper: null,
  options: { comments: true, tags: true, colourNames: true, metadata: true, colours: [...COLOUR_SLOTS], order: 'text' },
};

/** Regions that print on US Letter; the rest of the world uses A4. */
const LETTER_REGIONS = new Set(['US', 'CA', 'MX', 'PR', 'PH', 'CL', 'CO', 'VE', 'GT', 'CR', 'PA', 'DO', 'SV', 'NI', 'BZ']);

/** The paper size people in `locale` (a BCP 47 tag such as "en-US" or "uk-UA") expect. */
export function paperForLocale(locale: string): PaperSize {
  let region: string | undefined;
  try {
    region = new Intl.Locale(locale).maximize().region;
  } catch {
    region = undefined;
  }
  return region && LETTER_REGIONS.has(region) ? 'Letter' : 'A4';
}
