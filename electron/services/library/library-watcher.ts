import { stat } from 'node:fs/promises';
import { basename, extname, relative, sep } from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { BRIEFING_EXTENSIONS } from './limits';

export interface WatchTimings {
  /** Quiet time after the last change before the library is rescanned. */
  debounceMs: number;
  /** Longest a steady stream of changes may postpone a rescan. */
  maxWaitMs: number;
  /** A file counts as written once its size has not changed for this long. */
  settleMs: number;
  /** How often a library folder that has gone is looked for again. */
  returnPollMs: number;
}

export const WATCH_TIMINGS: WatchTimings = { debounceMs: 150, maxWaitMs: 1_000, settleMs: 250, returnPollMs: 2_000 };

/**
 * Tells when a library folder's briefings change on disk: added, changed, renamed or removed,
 * by this app or any other. Changes are batched (a burst of 1,000 files is one call, or one per
 * second while it lasts); files still being written are reported once their size settles. When
 * the folder itself goes (deleted, unmounted), `onChange` is called so the caller can show it,
 * and the folder is looked for until it comes back, which is reported the same way.
 */
export class LibraryWatcher {
  private watcher: FSWatcher | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private firstPending = 0;
  private poll: ReturnType<typeof setInterval> | undefined;
  private closed = false;

  constructor(
    readonly root: string,
    private readonly onChange: () => void,
    private readonly timings: WatchTimings = WATCH_TIMINGS,
    private readonly log: (message: string) => void = () => undefined,
  ) {}

  /** Starts watching (or, when the folder is not there, looking for it); resolves once ready. */
  async start(): Promise<void> {
    if (this.closed) return;
    if (!(await stat(this.root).then((info) => info.isDirectory(), () => false))) {
      this.awaitReturn();
      return;
    }
    const watcher = watch(this.root, {
      ignoreInitial: true,
      // The library's own data (annotation sidecars, locks) and hidden files are not briefings.
      ignored: (path, stats) => this.isIgnored(path, stats?.isFile() ?? false),
      awaitWriteFinish: { stabilityThreshold: this.timings.settleMs, pollInterval: Math.min(100, this.timings.settleMs) },
      ignorePermissionErrors: true,
    });
    this.watcher = watcher;
    watcher.on('all', (event, path) => {
      if (path === this.root && event === 'unlinkDir') this.folderGone();
      else this.changed();
    });
    watcher.on('error', (error) => this.log(`watching ${this.root}: ${String(error)}`));
    await new Promise<void>((ready) => watcher.once('ready', () => ready()));
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    clearInterval(this.poll);
    await this.watcher?.close();
    this.watcher = null;
  }

  private isIgnored(path: string, isFile: boolean): boolean {
    const inside = relative(this.root, path);
    if (inside === '') return false;
    if (inside.split(sep).some((part) => part.startsWith('.'))) return true;
    return isFile && !(extname(basename(path)).toLowerCase() in BRIEFING_EXTENSIONS);
  }

  private changed(): void {
    if (this.closed) return;
    const now = Date.now();
    if (!this.timer) this.firstPending = now;
    clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(this.timings.debounceMs, this.firstPending + this.timings.maxWaitMs - now));
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (!this.closed) this.onChange();
    }, wait);
  }

  /** The folder went away: report it now, then look for it until it is back and watch it again. */
  private folderGone(): void {
    void this.watcher?.close();
    this.watcher = null;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.onChange();
    this.awaitReturn();
  }

  private awaitReturn(): void {
    clearInterval(this.poll);
    this.poll = setInterval(() => {
      void stat(this.root).then(
        async (info) => {
          if (!info.isDirectory() || this.closed || this.watcher) return;
          clearInterval(this.poll);
          await this.start();
          this.onChange();
        },
        () => undefined,
      );
    }, this.timings.returnPollMs);
  }
}
