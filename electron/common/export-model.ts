import type * as v from 'valibot';
import { COLOUR_SLOTS } from './annotation-model';
import type { exportChoices, exportFormat, exportRequest, exportScope, notesExportOptions, paperSize } from './schema/export';

/** What the export dialog asks: which parts of each note to include, which colours, and in what order (see schema/export.ts). */
export type NotesExportOptions = v.InferOutput<typeof notesExportOptions>;
export type ExportFormat = v.InferOutput<typeof exportFormat>;
export type PaperSize = v.InferOutput<typeof paperSize>;
/** Which notes to export (see schema/export.ts). */
export type ExportScope = v.InferOutput<typeof exportScope>;
export type ExportRequest = v.InferOutput<typeof exportRequest>;
/** What the export dialog remembers between exports. */
export type ExportChoices = v.InferOutput<typeof exportChoices>;

/** The file extension each format is written with. */
export const EXPORT_EXTENSIONS = { pdf: 'pdf', markdown: 'md', json: 'json' } as const satisfies Record<ExportFormat, string>;

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
