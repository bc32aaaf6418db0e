/**
 * The one API between the renderer and its host (Electron over IPC, or the Playwright test host).
 * Declared once here: the interface, the list of method names both hosts expose, and a validator
 * for each method's arguments. The renderer trusts nothing but this; hosts trust nothing from it
 * until `validateArgs` passes.
 */
import * as v from 'valibot';
import type { Article, LibrarySnapshot, Preferences, ReadingPosition, RecentLibrary } from './model';
import type { ApiResult } from './errors';
import type { SearchCoverage, SearchRequest, SearchResponse } from './search-model';
import type { Annotation } from './annotation-model';
import type { BriefingAnnotations, LibraryNotes } from './notes-model';
import type { ExportOutcome, ExportRequest } from './export-model';
import { IMPORT_LIMITS, type ImportDocument, type ImportOutcome } from './import-model';
import { listOf, numberIn, oneOf, partialRecord, plainMessage, problemOf, strictRecord, text, yesNo } from './schema/fields';
import { annotation } from './schema/annotation';
import { exportRequest } from './schema/export';
import { preferencesPatch } from './schema/preferences';

export type PreferencesPatch = v.InferOutput<typeof preferencesPatch>;

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
  /**
   * Once a session: a sentence naming the settings that were damaged on disk and are back to
   * their defaults (the rest kept); null when there is nothing to tell.
   */
  getSettingsNotice(): Promise<string | null>;
  /** Merges the given fields (colour meanings one by one) into the saved preferences and returns the result. */
  setPreferences(patch: PreferencesPatch): Promise<Preferences>;
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

const briefingId = text(1024);

export const SEARCH_TEXT_LIMIT = 20_000;

const searchRequest = strictRecord({
  text: text(SEARCH_TEXT_LIMIT, plainMessage('That search is too long (over 20,000 characters). Search for a few words or a phrase from it instead.')),
  limit: numberIn(1, 500),
  exact: v.optional(yesNo),
  filters: partialRecord({
    sources: listOf(text(1024), 200),
    languages: listOf(oneOf(['en', 'uk', 'ru', 'und']), 4),
    dateFrom: text(40),
    dateTo: text(40),
  }),
});

type Schema = v.GenericSchema;

const ARG_SCHEMAS = {
  openCurrentLibrary: [],
  chooseLibrary: [],
  refreshLibrary: [],
  readBriefing: [briefingId],
  getPreferences: [],
  getSettingsNotice: [],
  setPreferences: [preferencesPatch],
  getReadingPosition: [briefingId],
  setReadingPosition: [briefingId, numberIn(0, 1)],
  getReadingStates: [],
  setRead: [listOf(briefingId, 100_000), yesNo],
  listRecentLibraries: [],
  openRecentLibrary: [text(4096)],
  search: [searchRequest],
  listAnnotations: [briefingId],
  saveAnnotation: [briefingId, annotation],
  deleteAnnotation: [briefingId, text(1024)],
  listAllAnnotations: [],
  getSearchStatus: [],
  openExternal: [text(8192)],
  exportNotes: [exportRequest],
  cancelExport: [],
  showExportedFile: [text(4096)],
  importFiles: [],
  importDocuments: [listOf(strictRecord({ name: text(1024), data: text(IMPORT_LIMITS.base64Chars) }), IMPORT_LIMITS.documents)],
} as const satisfies { [M in MethodName]: readonly Schema[] };

/**
 * Ties each method's parameters to its schemas: a parameter type that differs from what its
 * schema reads (a field added to an interface and not to the schema, say) fails to compile.
 */
type Outputs<T> = { -readonly [I in keyof T]: T[I] extends Schema ? v.InferOutput<T[I]> : never };
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Mismatched = { [M in MethodName]: Same<Outputs<(typeof ARG_SCHEMAS)[M]>, MethodArgs<M>> extends true ? never : M }[MethodName];
const schemasMatchTheApi: [Mismatched] extends [never] ? true : { mismatched: Mismatched } = true;
void schemasMatchTheApi;

/** Every method name, in a fixed order: the preload and the test host expose exactly these. */
export const METHOD_NAMES = Object.freeze(Object.keys(ARG_SCHEMAS) as MethodName[]);

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && Object.hasOwn(ARG_SCHEMAS, value);
}

/**
 * Null when `args` are acceptable for `method`, else a sentence naming the bad argument (or, for
 * what a person typed, one written for them: see `plainMessage`).
 */
export function validateArgs(method: MethodName, args: unknown): string | null {
  const schemas: readonly Schema[] = ARG_SCHEMAS[method];
  if (!Array.isArray(args)) return 'arguments must be a list';
  if (args.length !== schemas.length) return `expected ${schemas.length} argument(s), got ${args.length}`;
  return problemOf(v.tuple(schemas as [Schema, ...Schema[]]), args, (index) => `argument ${Number(index) + 1}`);
}

/** The IPC channel a method travels on. */
export const channelFor = (method: MethodName): string => `briefing:${method}`;
