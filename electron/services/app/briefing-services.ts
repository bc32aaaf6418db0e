import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { BriefingApi } from '../../common/contract';
import { ApiError } from '../../common/errors';
import type { LibrarySnapshot } from '../../common/model';
import { isAllowedExternalUrl } from '../../common/security';
import { LibraryService } from '../library/library-service';
import { ensureSampleLibrary } from '../library/sample-library';
import { commentOf, quoteOf, tagsOf } from '../../common/annotation-model';
import { AnnotationStore } from '../annotations/annotation-store';
import { SearchService } from '../search/search-service';
import { SettingsStore } from '../settings/settings-store';
import type { BriefingEvent } from '../../common/events';
import { exportNotes } from '../notes/export-notes';
import type { ImportOutcome } from '../../common/import-model';
import { importIntoLibrary, refusalOf, type ImportItem } from '../library/import-files';
import type { WatchTimings } from '../library/library-watcher';
import { BriefingParser } from '../library/briefing-parser';
import { LiveLibrary } from './live-library';
import type { AppPaths, HostPorts } from './host-ports';

/** The API plus what only the host may call: `dispose` is not in the contract, so IPC cannot reach it. */
export interface BriefingServices extends BriefingApi {
  /** Stops the search worker; call when the host shuts down. */
  dispose(): Promise<void>;
  /** Resolves when search indexing asked for so far is done (tests and benchmarks wait on it). */
  searchIdle(): Promise<void>;
  /** Resolves when no rescan after a change on disk is running or queued. */
  libraryIdle(): Promise<void>;
}

/**
 * The implementation of the API contract on plain Node services. Both hosts call it through
 * `dispatch`, after arguments are validated; it holds which library is open.
 */
export function createBriefingServices(
  paths: AppPaths,
  ports: HostPorts,
  log: (message: string) => void = console.error,
  emit: (event: BriefingEvent) => void = () => undefined,
  options: { watch?: WatchTimings | false } = {},
): BriefingServices {
  const library = new LibraryService(join(paths.userData, 'cache', 'libraries'), new BriefingParser(paths.parseWorker));
  const settings = new SettingsStore(paths.userData);
  const search = new SearchService(paths.searchWorker, join(paths.userData, 'cache', 'search'), log);
  let root: string | null = null;
  let current: LibrarySnapshot | null = null;
  let store: AnnotationStore | null = null;
  const live = new LiveLibrary(open, (snapshot) => emit({ type: 'library-changed', snapshot }), log, options.watch);

  async function open(folder: string): Promise<LibrarySnapshot> {
    const snapshot = await library.open(folder, progressReporter());
    if (snapshot.root !== root || !store) store = new AnnotationStore(snapshot.root);
    root = snapshot.root;
    current = snapshot;
    if (snapshot.available) {
      // A renamed or moved briefing keeps its notes: its sidecar follows the text fingerprint.
      const departed = library.departedFingerprints(snapshot.root);
      await store.reconcile(snapshot.briefings.filter((briefing) => briefing.fingerprint), departed).catch((error: unknown) => log(`annotations could not be reconciled: ${String(error)}`));
      // So does the place it was read to, and its read mark.
      await settings.followRenames(snapshot.root, snapshot.briefings, departed).catch((error: unknown) => log(`reading states could not follow renamed files: ${String(error)}`));
      await settings.rememberLibrary(snapshot.root);
      // Indexing runs in the worker; the listing does not wait for it.
      search.open(snapshot.root, snapshot.briefings).catch((error: unknown) => log(`search could not open the library: ${String(error)}`));
      syncNotesSoon(0);
    }
    live.follow(snapshot.root);
    return snapshot;
  }

  /** Reports reading new files when there are enough to notice (a first open, a burst of 1,000), five times a second at most. */
  function progressReporter(): (done: number, total: number) => void {
    let last = 0;
    return (done, total) => {
      if (total < 20) return;
      const now = Date.now();
      if (done < total && now - last < 200) return;
      last = now;
      emit({ type: 'library-progress', done, total });
    };
  }

  async function importItems(items: ImportItem[]): Promise<ImportOutcome> {
    const result = await importIntoLibrary(openRoot(), items);
    return { ...result, snapshot: await open(openRoot()) };
  }

  function openRoot(): string {
    if (!root) throw new ApiError('library-unavailable', 'No library is open yet.');
    return root;
  }

  function openStore(): AnnotationStore {
    openRoot();
    return store!;
  }

  let notesTimer: ReturnType<typeof setTimeout> | undefined;

  /** Every note joined with its briefing's listing: for the notes view and for search. */
  async function allNotes() {
    const { items, problems } = await openStore().listAll();
    const byId = new Map(current?.briefings.map((briefing) => [briefing.id, briefing]));
    return {
      problems,
      items: items.map(({ briefingId, annotation }) => {
        const briefing = byId.get(briefingId);
        return {
          briefingId,
          title: briefing?.title ?? briefingId,
          source: briefing?.source ?? null,
          date: briefing?.date ?? null,
          language: briefing?.language ?? ('und' as const),
          missing: !briefing,
          annotation,
        };
      }),
    };
  }

  /** Re-indexes the notes for search shortly after they change (a burst of edits makes one update). */
  function syncNotesSoon(delayMs = 300): void {
    clearTimeout(notesTimer);
    notesTimer = setTimeout(() => {
      allNotes()
        .then(({ items }) =>
          search.setNotes(
            items.map(({ briefingId, title, source, date, language, annotation }) => ({
              annotationId: annotation.id,
              briefingId,
              briefingTitle: title,
              source,
              date,
              language,
              colour: annotation['briefing:colour'],
              quote: quoteOf(annotation).exact,
              comment: commentOf(annotation),
              tags: tagsOf(annotation),
            })),
          ),
        )
        .catch((error: unknown) => log(`notes could not be indexed for search: ${String(error)}`));
    }, delayMs);
  }

  /** Set once disposing starts: the host may ask more than once (window closed, then quit). */
  let disposed: Promise<void> | undefined;
  /** Files this session exported: the only paths `showExportedFile` will reveal. */
  const exported = new Set<string>();
  let printFontCss: Promise<string> | undefined;
  /** Stops the export in progress; one at a time, as the dialog runs them. */
  let runningExport: AbortController | null = null;

  function fingerprintOf(briefingId: string): string | undefined {
    return current?.briefings.find((briefing) => briefing.id === briefingId)?.fingerprint || undefined;
  }

  return {
    async openCurrentLibrary() {
      const last = await settings.getLastLibrary();
      return open(last ?? (await ensureSampleLibrary(paths.sampleLibrary, paths.defaultLibrary)));
    },
    async chooseLibrary() {
      const folder = await ports.chooseFolder();
      return folder ? open(folder) : null;
    },
    refreshLibrary: () => open(openRoot()),
    readBriefing: (id) => library.read(openRoot(), id),
    getPreferences: () => settings.getPreferences(),
    setPreferences: (patch) => settings.setPreferences(patch),
    getReadingPosition: (id) => settings.getReadingPosition(openRoot(), id),
    setReadingPosition: (id, fraction) => settings.setReadingPosition(openRoot(), id, fraction, fingerprintOf(id)),
    getReadingStates: () => settings.getReadingStates(openRoot()),
    setRead: (ids, read) => settings.setRead(openRoot(), ids, read, fingerprintOf),
    async listRecentLibraries() {
      return Promise.all(
        (await settings.getRecentLibraries()).map(async (path) => ({
          path,
          name: basename(path),
          available: await stat(path).then((info) => info.isDirectory(), () => false),
        })),
      );
    },
    async openRecentLibrary(path) {
      if (!(await settings.getRecentLibraries()).includes(path)) throw new ApiError('refused', 'Only a library from the recent list can be opened this way.');
      return open(path);
    },
    search: (request) => search.search(request),
    listAnnotations: (briefingId) => openStore().list(briefingId),
    async saveAnnotation(briefingId, annotation) {
      await openStore().save(briefingId, annotation, fingerprintOf(briefingId));
      syncNotesSoon();
    },
    async deleteAnnotation(briefingId, annotationId) {
      await openStore().remove(briefingId, annotationId);
      syncNotesSoon();
    },
    listAllAnnotations: allNotes,
    getSearchStatus: async () => search.status(),
    async openExternal(url) {
      if (!isAllowedExternalUrl(url)) return false;
      if (!(await ports.confirmExternalLink(url))) return false;
      await ports.openInBrowser(url);
      return true;
    },
    async exportNotes(request) {
      const preferences = await settings.getPreferences();
      const stop = new AbortController();
      runningExport?.abort();
      runningExport = stop;
      const outcome = await exportNotes(request, {
        libraryName: current?.name ?? '',
        colourMeanings: preferences.colourMeanings,
        notes: async () => (await allNotes()).items,
        readArticle: (id) => library.read(openRoot(), id),
        exportFolder: (await settings.getLastExportFolder()) ?? dirname(paths.defaultLibrary),
        ports,
        printFontCss: () =>
          (printFontCss ??= readFile(paths.printFonts, 'utf8').catch((error: unknown) => {
            printFontCss = undefined;
            log(`print fonts could not be read: ${String(error)}`);
            throw new ApiError('internal', 'The fonts for printing are missing from this installation, so the PDF could not be made. Reinstall Briefing Reader, or export Markdown.');
          })),
        progress: (progress) => emit({ type: 'export-progress', progress }),
        signal: stop.signal,
      }).finally(() => {
        if (runningExport === stop) runningExport = null;
      });
      if (outcome.status === 'written') {
        exported.add(outcome.path);
        await settings.rememberExportFolder(dirname(outcome.path));
      }
      return outcome;
    },
    async cancelExport() {
      if (!runningExport) return false;
      runningExport.abort(new Error('The export was stopped.'));
      return true;
    },
    async importFiles() {
      openRoot();
      const paths = await ports.chooseImportFiles();
      if (paths.length === 0) return null;
      const items: ImportItem[] = [];
      const unreadable: ImportOutcome['skipped'] = [];
      for (const path of paths) {
        const size = await stat(path).then((info) => info.size, () => 0);
        // Checked before reading, so a 2 GB video chosen by mistake is never loaded.
        const refusal = refusalOf(path, size);
        if (refusal) {
          unreadable.push({ name: basename(path), reason: refusal });
          continue;
        }
        items.push({ name: basename(path), bytes: await readFile(path) });
      }
      const outcome = await importItems(items);
      return { ...outcome, skipped: [...unreadable, ...outcome.skipped] };
    },
    importDocuments: (documents) => importItems(documents.map(({ name, data }) => ({ name, bytes: Buffer.from(data, 'base64') }))),
    async showExportedFile(path) {
      if (!exported.has(path)) throw new ApiError('refused', 'Only a file exported in this session can be shown.');
      await ports.showInFolder(path);
    },
    dispose: () =>
      (disposed ??= (async () => {
        clearTimeout(notesTimer);
        runningExport?.abort(new Error('The app is closing.'));
        await live.close();
        await Promise.all([search.close(), library.close()]);
      })()),
    libraryIdle: () => live.idle(),
    searchIdle: () => search.idle(),
  };
}
