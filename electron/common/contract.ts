/**
 * The one API between the renderer and its host (Electron over IPC, or the Playwright test host).
 * Declared once here: the interface, the list of method names both hosts expose, and a validator
 * for each method's arguments. The renderer trusts nothing but this; hosts trust nothing from it
 * until `validateArgs` passes.
 */
import type { Article, LibrarySnapshot, Preferences, ReadingPosition, RecentLibrary } from './model';
import { FONT_SIZE_RANGE, LINE_HEIGHT_RANGE } from './model';
import type { ApiResult } from './errors';
import type { SearchCoverage, SearchRequest, SearchResponse } from './search-model';
import type { Annotation } from './annotation-model';
import type { BriefingAnnotations, LibraryNotes } from './notes-model';
import { isAnnotation } from './annotation-validate';
import { COLOUR_SLOTS } from './annotation-model';
import { checkArgs, isArrayOf, isBoolean, isNumberIn, isOneOf, isPartialRecord, isRecord, isString, type Check } from './validate';
import type { ExportOutcome, ExportRequest } from './export-model';
import { IMPORT_LIMITS, type ImportDocument, type ImportOutcome } from './import-model';

export interface BriefingApi {
  /** The library the user had open last; on first run, a writable copy of the sample library. */
  openCurrentLibrary(): Promise<LibrarySnapshot>;
  /** Asks the user for a folder and opens it; resolves null when they cancel. */
  chooseLibrary(): Promise<LibrarySnapshot | null>;
  /** Rescans the open library (cheap: unchanged files come from the cache). */
  refreshLibrary(): Promise<LibrarySnapshot>;
  /** Parses and sanitizes one briefing of the open library. Rejects with `not-found` or `unreadable`. */
  readBriefing(id: string): Promise<Article>;
  getPreferences(): Promise<Preferences>;
  /** Merges the given fields into the saved preferences and returns the result. */
  setPreferences(patch: Partial<Preferences>): Promise<Preferences>;
  getReadingPosition(id: string): Promise<ReadingPosition | null>;
  /** Saves where the reader is; reaching 95 % marks the briefing read. */
  setReadingPosition(id: string, fraction: number): Promise<void>;
  /** Where each briefing of the open library was left and whether it is read, by id (unopened ones are absent). */
  getReadingStates(): Promise<Record<string, ReadingPosition>>;
  /** Marks briefings of the open library read or unread. */
  setRead(ids: string[], read: boolean): Promise<void>;
  /** The libraries opened before, most recent first. */
  listRecentLibraries(): Promise<RecentLibrary[]>;
  /** Opens a library from the recent list; any other path is refused (the folder dialog is the way to others). */
  openRecentLibrary(path: string): Promise<LibrarySnapshot>;
  /**
   * Full-text search over the open library. Never rejects for what a person typed: a query that
   * cannot be run comes back with `refused` set. Works while the index is still building, over the
   * part that is ready (`coverage` says how much).
   */
  search(request: SearchRequest): Promise<SearchResponse>;
  /** How much of the library the search index covers now. */
  getSearchStatus(): Promise<SearchCoverage>;
  /** The annotations of one briefing, as stored (anchoring happens in the renderer, on its text). */
  listAnnotations(briefingId: string): Promise<BriefingAnnotations>;
  /**
   * Creates or replaces (by id) one annotation in the briefing's sidecar file. Rejects with a
   * message when it cannot be written; the store keeps it and retries on the next save.
   */
  saveAnnotation(briefingId: string, annotation: Annotation): Promise<void>;
  deleteAnnotation(briefingId: string, annotationId: string): Promise<void>;
  /** Every annotation in the library with its briefing's title, source and date, for the notes view. */
  listAllAnnotations(): Promise<LibraryNotes>;
  /**
   * Opens an https link in the system browser after the user confirms. Resolves false when the
   * link is not https or the user declines. Never navigates the app window.
   */
  openExternal(url: string): Promise<boolean>;
  /**
   * Exports the notes of a scope: asks where to save (the host's save dialog), renders the PDF,
   * Markdown or W3C JSON, and writes it atomically, so a failed export leaves no partial file.
   * Sends `export-progress` events while it runs. An empty scope resolves `empty` without asking;
   * a cancelled dialog resolves `cancelled`; `cancelExport` makes it resolve `stopped`; a
   * destination that cannot be written rejects with a message naming it. Nothing is written in
   * any of these cases.
   */
  exportNotes(request: ExportRequest): Promise<ExportOutcome>;
  /**
   * Stops the export that is running (reading briefings or printing; once the file is being
   * written it is written whole). Resolves whether one was running.
   */
  cancelExport(): Promise<boolean>;
  /** Shows a file this session exported in the system file manager. Any other path is refused. */
  showExportedFile(path: string): Promise<void>;
  /**
   * Asks for briefing files (the host's open dialog) and copies them into the open library
   * (never overwriting: a taken name gets " (2)"). Resolves null when cancelled. Files the library
   * cannot read (wrong type, too large) are left out, each with the reason.
   */
  importFiles(): Promise<ImportOutcome | null>;
  /** Copies dropped files or pasted text into the open library, as `importFiles` does. */
  importDocuments(documents: ImportDocument[]): Promise<ImportOutcome>;
}

export type MethodName = keyof BriefingApi;
export type MethodArgs<M extends MethodName> = Parameters<BriefingApi[M]>;
export type MethodValue<M extends MethodName> = Awaited<ReturnType<BriefingApi[M]>>;

/** What a host actually exposes: every method resolves to a result envelope, never rejects. */
export type RawBriefingApi = { [M in MethodName]: (...args: MethodArgs<M>) => Promise<ApiResult<MethodValue<M>>> };

const briefingId = isString(1024);

const colourMeanings = isPartialRecord(Object.fromEntries(COLOUR_SLOTS.map((slot) => [slot, isString(60)])));

const exportFormat = isOneOf('pdf', 'markdown', 'json');
const paperSize = isOneOf('A4', 'Letter');
const exportOptions = isRecord({
  comments: isBoolean,
  tags: isBoolean,
  colourNames: isBoolean,
  metadata: isBoolean,
  colours: isArrayOf(isOneOf(...COLOUR_SLOTS), COLOUR_SLOTS.length),
  order: isOneOf('text', 'date', 'colour'),
});
const orNull =
  (check: Check): Check =>
  (value) =>
    value === null ? null : check(value);

const preferencesPatch = isPartialRecord({
  colourMeanings,
  theme: isOneOf('system', 'light', 'dark', 'sepia'),
  fontSize: isNumberIn(FONT_SIZE_RANGE.min, FONT_SIZE_RANGE.max),
  lineHeight: isNumberIn(LINE_HEIGHT_RANGE.min, LINE_HEIGHT_RANGE.max),
  sortKey: isOneOf('date', 'title', 'source'),
  sortDescending: isBoolean,
  export: isRecord({ format: exportFormat, paper: orNull(paperSize), options: exportOptions }),
});

const searchRequest = isRecord({
  text: isString(20_000),
  limit: isNumberIn(1, 500),
  filters: isPartialRecord({
    sources: isArrayOf(isString(1024), 200),
    languages: isArrayOf(isOneOf('en', 'uk', 'ru', 'und'), 4),
    dateFrom: isString(40),
    dateTo: isString(40),
  }),
});

const exportRequest = isRecord({
  scope: isRecord(
    { label: isString(300), briefingIds: isArrayOf(briefingId, 100_000), annotationIds: isArrayOf(isString(200), 200_000) },
    ['briefingIds', 'annotationIds'],
  ),
  format: exportFormat,
  paper: paperSize,
  options: exportOptions,
});

const ARG_CHECKS: { [M in MethodName]: readonly Check[] } = {
  openCurrentLibrary: [],
  chooseLibrary: [],
  refreshLibrary: [],
  readBriefing: [briefingId],
  getPreferences: [],
  setPreferences: [preferencesPatch],
  getReadingPosition: [briefingId],
  setReadingPosition: [briefingId, isNumberIn(0, 1)],
  getReadingStates: [],
  setRead: [isArrayOf(briefingId, 100_000), isBoolean],
  listRecentLibraries: [],
  openRecentLibrary: [isString(4096)],
  search: [searchRequest],
  listAnnotations: [briefingId],
  saveAnnotation: [briefingId, isAnnotation],
  deleteAnnotation: [briefingId, isString(200)],
  listAllAnnotations: [],
  getSearchStatus: [],
  openExternal: [isString(8192)],
  exportNotes: [exportRequest],
  cancelExport: [],
  showExportedFile: [isString(4096)],
  importFiles: [],
  importDocuments: [isArrayOf(isRecord({ name: isString(1024), data: isString(IMPORT_LIMITS.base64Chars) }), IMPORT_LIMITS.documents)],
};

/** Every method name, in a fixed order: the preload and the test host expose exactly these. */
export const METHOD_NAMES = Object.freeze(Object.keys(ARG_CHECKS) as MethodName[]);

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && Object.hasOwn(ARG_CHECKS, value);
}

/** Null when `args` are acceptable for `method`, else a sentence naming the bad argument. */
export function validateArgs(method: MethodName, args: unknown): string | null {
  return checkArgs(args, ARG_CHECKS[method]);
}

/** The IPC channel a method travels on. */
export const channelFor = (method: MethodName): string => `briefing:${method}`;
