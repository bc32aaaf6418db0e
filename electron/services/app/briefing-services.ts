import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { BriefingApi } from '../../common/contract';
import { ApiError } from '../../common/errors';
import type { LibrarySnapshot } from '../../common/model';
import { isAllowedExternalUrl } from '../../common/security';
import { LibraryService } from '../library/library-service';
import { ensureSampleLibrary } from '../library/sample-library';
import { commentOf, quoteOf, tagsOf } from '../../common/annotation-model';
import { AnnotationStore } from '../annotations/annotation-store';
import { removeLeftovers } from '../annotations/sidecar-walk';
import { SearchService } from '../search/search-service';
import { SettingsStore } from '../settings/settings-store';
import type { BriefingEvent } from '../../common/events';
import { exportNotes } from '../notes/export-notes';
import type { ImportOutcome } from '../../common/import-model';
import { importIntoLibrary, refusalOf, type ImportItem } from '../library/import-files';
import type { LibraryChange, WatchTimings } from '../library/library-watcher';
import { SerialQueue } from '../../common/async/serial-queue';
import { debounce } from '../../common/async/debounce';
import { BriefingParser } from '../library/briefing-parser';
import { PDF_CACHE_FOLDER } from '../library/pdf/extraction-cache';
import { LiveLibrary } from './live-library';
import type { AppPaths, HostPorts } from './host-ports';

/** The API plus what only the host may call: `dispose` is not in the contract, so IPC cannot reach it. */
export interface BriefingServices extends BriefingApi {
  /** Stops the search worker; call when the host shuts down. */
  dispose(): Promise<void>;
  /** Resolves when search indexing asked for so far is done (tests and benchmarks wait on it). */
  searchIdle(): Promise<void>;
  /** Resolves when the library is watched and no opening, rescan or import is running or queued. */
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
  const library = new LibraryService(
    join(paths.userData, 'cache', 'libraries'),
    new BriefingParser(paths.parseWorker, log, join(paths.userData, 'cache', PDF_CACHE_FOLDER)),
  );
  const settings = new SettingsStore(paths.userData);
  const search = new SearchService(paths.searchWorker, join(paths.userData, 'cache', 'search'), log);
  let root: string | null = null;
  let current: LibrarySnapshot | null = null;
  let store: AnnotationStore | null = null;
  /** The library the person asked for last: work for any other folder is dropped, not applied. */
  let wanted: string | null = null;
  /** Opening, rescanning and importing run one at a time, so their results land in the order asked for. */
  const work = new SerialQueue();
  const live = new LiveLibrary(changedOnDisk, log, options.watch);

  /** Switches to another library (or opens this one afresh); resolves with the library open once the switches asked for are done. */
  async function open(folder: string): Promise<LibrarySnapshot> {
    const target = resolve(folder);
    wanted = target;
    const opened = await work
      .run(() => (wanted === target ? switchTo(target) : Promise.resolve(null)))
      .catch((error: unknown) => {
        if (wanted === target) wanted = root;
        throw error;
      });
    return opened ?? (await settledSnapshot());
  }

  /** The library open once queued work is done: what a request overtaken by a later switch answers. */
  async function settledSnapshot(): Promise<LibrarySnapshot> {
    await work.idle();
    if (!current) throw new ApiError('library-unavailable', 'No library is open yet.');
    return current;
  }

  async function switchTo(target: string): Promise<LibrarySnapshot | null> {
    const snapshot = await library.open(target, progressReporter());
    if (wanted !== target) return null;
    if (snapshot.root !== root || !store) store = new AnnotationStore(snapshot.root);
    root = snapshot.root;
    current = snapshot;
    if (snapshot.available) {
      // Temp files and locks of a save killed mid-write: they never hold a note of their own.
      await removeLeftovers(snapshot.root);
      await settle(snapshot);
      await settings.rememberLibrary(snapshot.root);
    }
    live.follow(snapshot.root);
    return snapshot;
  }

  /** The open library looked at again (only new and changed files are read); null when another library is wanted by now. */
  async function rescan(folder: string): Promise<LibrarySnapshot | null> {
    if (folder !== wanted || folder !== root) return null;
    const snapshot = await library.open(folder, progressReporter());
    if (folder !== wanted) return null;
    current = snapshot;
    if (snapshot.available) await settle(snapshot);
    return snapshot;
  }

  /** What follows a new listing: notes and reading states follow renamed files, search indexes what changed. */
  async function settle(snapshot: LibrarySnapshot): Promise<void> {
    // A renamed or moved briefing keeps its notes: its sidecar follows the text fingerprint.
    const departed = library.departedFingerprints(snapshot.root);
    await store!
      .reconcile(
        snapshot.briefings.filter((briefing) => briefing.fingerprint),
        departed,
      )
      .catch((error: unknown) => log(`annotations could not be reconciled: ${String(error)}`));
    // So does the place it was read to, and its read mark.
    await settings
      .followRenames(snapshot.root, snapshot.briefings, departed)
      .catch((error: unknown) => log(`reading states could not follow renamed files: ${String(error)}`));
    // Indexing runs in the worker; the listing does not wait for it.
    search.open(snapshot.root, snapshot.briefings).catch((error: unknown) => log(`search could not open the library: ${String(error)}`));
    // The notes of a listing just made are searchable at once, not after the wait meant for bursts of edits.
    syncNotesSoon();
    syncNotesSoon.flush();
  }

  /** A batch from the watcher: briefings are rescanned (a burst makes one rescan), and changed notes told to the window. */
  function changedOnDisk(folder: string, change: LibraryChange): void {
    if (change.briefings) {
      void work.runOnce(`rescan ${folder}`, async () => {
        try {
          const snapshot = await rescan(folder);
          if (snapshot) emit({ type: 'library-changed', snapshot });
        } catch (error) {
          log(`the library could not be rescanned after a change: ${String(error)}`);
        }
      });
    }
    if (change.sidecars.length > 0) void notesChangedOnDisk(folder, change.sidecars);
  }

  async function notesChangedOnDisk(folder: string, paths: string[]): Promise<void> {
    const notes = store;
    if (folder !== root || !notes) return;
    const briefingIds = await notes.changedElsewhere(paths).catch((error: unknown) => {
      log(`changed annotations could not be checked: ${String(error)}`);
      return [];
    });
    if (briefingIds.length === 0 || notes !== store) return;
    syncNotesSoon();
    emit({ type: 'annotations-changed', root: folder, briefingIds });
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
    const folder = openRoot();
    return work.run(async () => {
      if (folder !== wanted)
        throw new ApiError(
          'library-unavailable',
          'Another library was opened meanwhile, so nothing was added. Open this library again and add the files once more.',
        );
      const result = await importIntoLibrary(folder, items);
      return { ...result, snapshot: (await rescan(folder)) ?? current! };
    });
  }

  function openRoot(): string {
    if (!root) throw new ApiError('library-unavailable', 'No library is open yet.');
    return root;
  }

  function openStore(): AnnotationStore {
    openRoot();
    return store!;
  }

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
  const syncNotesSoon = debounce(() => {
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
  }, 300);

  /** Set once disposing starts: the host may ask more than once (window closed, then quit). */
  let disposed: Promise<void> | undefined;
  /** Files this session exported: the only paths `showExportedFile` will reveal. */
  const exported = new Set<string>();
  let printFontCss: Promise<string> | undefined;
  /** Stops the export in progress; one at a time, as the dialog runs them. */
  let runningExport: AbortController | null = null;

  const listedIdSets = new WeakMap<LibrarySnapshot, Set<string>>();

  /**
   * Refuses a write about a briefing the open library does not list (an id gone stale after a
   * rename, or one made up): it would be kept for a file that is not there. Nothing is written.
   */
  function requireListed(ids: readonly string[], consequence: string): void {
    openRoot();
    let listed = listedIdSets.get(current!);
    if (!listed) listedIdSets.set(current!, (listed = new Set(current!.briefings.map((briefing) => briefing.id))));
    const unknown = ids.find((id) => !listed.has(id));
    if (unknown !== undefined) {
      throw new ApiError('not-found', `“${unknown.slice(0, 200)}” is not a briefing in this library (it may have been renamed or removed), so ${consequence}.`);
    }
  }

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
    async refreshLibrary() {
      const folder = openRoot();
      return (await work.run(() => rescan(folder))) ?? settledSnapshot();
    },
    readBriefing: (id) => library.read(openRoot(), id),
    getPreferences: () => settings.getPreferences(),
    getSettingsNotice: () => settings.takeNotice(),
    setPreferences: (patch) => settings.setPreferences(patch),
    getReadingPosition: (id) => settings.getReadingPosition(openRoot(), id),
    async setReadingPosition(id, fraction) {
      requireListed([id], 'its reading place was not kept');
      await settings.setReadingPosition(openRoot(), id, fraction, fingerprintOf(id));
    },
    getReadingStates: () => settings.getReadingStates(openRoot()),
    async setRead(ids, read) {
      requireListed(ids, `nothing was marked ${read ? 'read' : 'unread'}`);
      await settings.setRead(openRoot(), ids, read, fingerprintOf);
    },
    async listRecentLibraries() {
      return Promise.all(
        (await settings.getRecentLibraries()).map(async (path) => ({
          path,
          name: basename(path),
          available: await stat(path).then(
            (info) => info.isDirectory(),
            () => false,
          ),
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
      requireListed([briefingId], 'the note was not saved');
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
            throw new ApiError(
              'internal',
              'The fonts for printing are missing from this installation, so the PDF could not be made. Reinstall Briefing Reader, or export Markdown.',
            );
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
        const size = await stat(path).then(
          (info) => info.size,
          () => 0,
        );
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
        syncNotesSoon.cancel();
        runningExport?.abort(new Error('The app is closing.'));
        await live.close();
        await Promise.all([search.close(), library.close()]);
      })()),
    async libraryIdle() {
      await live.ready();
      await work.idle();
    },
    searchIdle: () => search.idle(),
  };
}
