import { stat } from 'node:fs/promises';
import { basename, extname, relative, sep } from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { isQuarantined } from '../annotations/conflict-copies';
import { annotationsRoot } from '../annotations/paths';
import { BRIEFING_EXTENSIONS } from './limits';
import { debounce, type Debounced } from '../../common/async/debounce';

export interface WatchTimings {
  /** Quiet time after the last change before the library is rescanned. */
  debounceMs: number;
  /** Longest a steady stream of changes may postpone a rescan. */
  maxWaitMs: number;
  /** A file counts as written once its size has not changed for this long. */
  settleMs: number;
  /** How often the library folder itself is looked at (gone, back, or replaced by a new one). */
  returnPollMs: number;
}

/** One batch of changes: whether briefings changed, and which files in the annotations folder did. */
export interface LibraryChange {
  briefings: boolean;
  /** Absolute paths of sidecars and sync-tool conflict copies added, changed or removed. */
  sidecars: string[];
}

export const WATCH_TIMINGS: WatchTimings = { debounceMs: 150, maxWaitMs: 1_000, settleMs: 250, returnPollMs: 2_000 };

/**
 * Which folder is at the library's path: a folder deleted and made again is a different one, and
 * a watch on the old one hears nothing. Birth time tells them apart where a file system reuses
 * inode numbers. `null` when there is no folder there.
 */
async function folderIdentity(path: string): Promise<string | null> {
  const info = await stat(path).catch(() => null);
  return info?.isDirectory() ? `${info.dev}:${info.ino}:${info.birthtimeMs}` : null;
}

/**
 * Tells when a library folder's briefings change on disk: added, changed, renamed or removed,
 * by this app or any other; and so do the annotation sidecars in its hidden
 * `.briefing/annotations` folder (a sync tool, a text editor or another app may write them).
 * Changes are batched (a burst of 1,000 files is one call, or one per second while it lasts);
 * files still being written are reported once their size settles. When the folder itself goes
 * (deleted, unmounted, replaced), `onChange` is called so the caller can show it, and a folder
 * that comes back at the path is watched again and reported the same way.
 *
 * The folder is looked at on every `returnPollMs` as well as when the watcher says it went,
 * because not every file system tells: an unmount or a quick delete-and-recreate can pass
 * without an event for the folder itself.
 */
export class LibraryWatcher {
  private watcher: FSWatcher | null = null;
  private watchedIdentity: string | null = null;
  /** Reports the batch once changes pause (or have waited `maxWaitMs`). */
  private readonly reportSoon: Debounced<[]>;
  /**
   * One more report once every file added before the last batch has settled. The caller's rescan
   * reads the folder itself, so it may list a file whose `add` chokidar is still holding back until
   * its size settles; chokidar drops that add *and* the file's removal when the file goes before
   * then (a rename followed by a delete), and without this the list would keep a file that is gone.
   */
  private readonly confirmLater: Debounced<[]>;
  private briefingsChanged = false;
  private readonly sidecarsChanged = new Set<string>();
  private readonly sidecars: string;
  private poll: ReturnType<typeof setInterval> | undefined;
  private checking: Promise<void> | null = null;
  private closed = false;

  constructor(
    readonly root: string,
    private readonly onChange: (change: LibraryChange) => void,
    private readonly timings: WatchTimings = WATCH_TIMINGS,
    private readonly log: (message: string) => void = () => undefined,
  ) {
    this.sidecars = annotationsRoot(root);
    this.reportSoon = debounce(() => this.report(), timings.debounceMs, { maxWaitMs: timings.maxWaitMs });
    const settled = timings.settleMs + 2 * Math.min(100, timings.settleMs) + timings.debounceMs;
    this.confirmLater = debounce(() => {
      if (!this.closed && !this.reportSoon.pending) this.onChange({ briefings: true, sidecars: [] });
    }, settled);
  }

  /** Starts watching (or, when the folder is not there, looking for it); resolves once ready. */
  async start(): Promise<void> {
    if (this.closed || this.poll) return;
    await this.lookAtFolder(false);
    this.poll = setInterval(() => void this.lookAtFolder(true), this.timings.returnPollMs);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.poll);
    await this.checking;
    await this.stopWatching();
  }

  /** Compares the folder at the path with the one watched; on a difference, watches the new one. */
  private lookAtFolder(report: boolean): Promise<void> {
    this.checking ??= (async () => {
      try {
        const identity = await folderIdentity(this.root);
        if (identity === this.watchedIdentity || this.closed) return;
        await this.stopWatching();
        if (identity) await this.watchFolder(identity);
        if (report && !this.closed) this.onChange({ briefings: true, sidecars: [] });
      } finally {
        this.checking = null;
      }
    })();
    return this.checking;
  }

  private async watchFolder(identity: string): Promise<void> {
    const watcher = watch(this.root, {
      ignoreInitial: true,
      ignored: (path, stats) => this.isIgnored(path, stats?.isFile() ?? false),
      awaitWriteFinish: { stabilityThreshold: this.timings.settleMs, pollInterval: Math.min(100, this.timings.settleMs) },
      ignorePermissionErrors: true,
      // A link out of the library is never read, so nothing behind it is watched: a link to / would walk the whole disk.
      followSymlinks: false,
    });
    this.watcher = watcher;
    this.watchedIdentity = identity;
    watcher.on('all', (event, path) => {
      if (path === this.root && event === 'unlinkDir') void this.lookAtFolder(true);
      else if (!this.holdsSidecars(path)) this.changed(null);
      else if (event === 'add' || event === 'change' || event === 'unlink') this.changed(path);
    });
    watcher.on('error', (error) => {
      this.log(`watching ${this.root}: ${String(error)}`);
      void this.lookAtFolder(true);
    });
    await new Promise<void>((ready) => watcher.once('ready', () => ready()));
  }

  private async stopWatching(): Promise<void> {
    this.reportSoon.cancel();
    this.confirmLater.cancel();
    this.briefingsChanged = false;
    this.sidecarsChanged.clear();
    const watcher = this.watcher;
    this.watcher = null;
    this.watchedIdentity = null;
    await watcher?.close();
  }

  /** True for the annotations folder, the folders on the way to it, and everything in it. */
  private holdsSidecars(path: string): boolean {
    return path === this.sidecars || path.startsWith(this.sidecars + sep) || this.sidecars.startsWith(path + sep);
  }

  /**
   * Hidden files and folders are not briefings, except the annotations folder: there, sidecars
   * and conflict copies are watched, and this app's own temp and lock files (dot-files) and the
   * files it moved aside are not.
   */
  private isIgnored(path: string, isFile: boolean): boolean {
    const inside = relative(this.root, path);
    if (inside === '') return false;
    if (this.holdsSidecars(path)) {
      const name = basename(path);
      if (path.length > this.sidecars.length && name.startsWith('.')) return true;
      return isFile && (!name.endsWith('.json') || isQuarantined(name));
    }
    if (inside.split(sep).some((part) => part.startsWith('.'))) return true;
    return isFile && !(extname(basename(path)).toLowerCase() in BRIEFING_EXTENSIONS);
  }

  /** Notes a change (a sidecar's path, or null for briefings) and reports the batch once changes pause. */
  private changed(sidecar: string | null): void {
    if (this.closed) return;
    if (sidecar) this.sidecarsChanged.add(sidecar);
    else this.briefingsChanged = true;
    this.reportSoon();
  }

  private report(): void {
    const change: LibraryChange = { briefings: this.briefingsChanged, sidecars: [...this.sidecarsChanged].sort() };
    this.briefingsChanged = false;
    this.sidecarsChanged.clear();
    if (this.closed) return;
    this.onChange(change);
    this.confirmLater();
  }
}
