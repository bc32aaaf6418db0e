import type { LibrarySnapshot } from '../../common/model';
import { LibraryWatcher, WATCH_TIMINGS, type WatchTimings } from '../library/library-watcher';

/**
 * Keeps the open library current while the app runs: watches its folder and, after each batch
 * of changes, rescans it (only new and changed files are read) and hands the new listing on.
 * Rescans never overlap; changes that arrive during one cause exactly one more.
 */
export class LiveLibrary {
  private watcher: LibraryWatcher | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private starting: Promise<void> = Promise.resolve();

  constructor(
    private readonly rescan: (root: string) => Promise<LibrarySnapshot>,
    private readonly changed: (snapshot: LibrarySnapshot) => void,
    private readonly log: (message: string) => void,
    private readonly timings: WatchTimings | false = WATCH_TIMINGS,
  ) {}

  /** Watches `root` from now on (and stops watching the folder before it, if another). */
  follow(root: string): void {
    if (!this.timings || this.watcher?.root === root) return;
    void this.watcher?.close();
    const watcher = new LibraryWatcher(root, () => this.refresh(root), this.timings, this.log);
    this.watcher = watcher;
    this.starting = watcher.start().catch((error: unknown) => this.log(`the library folder cannot be watched: ${String(error)}`));
  }

  /** Resolves when the watcher is watching and no rescan is running or queued (tests and benchmarks wait on it). */
  async idle(): Promise<void> {
    await this.starting;
    while (this.running) await this.running;
  }

  async close(): Promise<void> {
    await this.watcher?.close();
    this.watcher = null;
  }

  private refresh(root: string): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      do {
        this.again = false;
        if (this.watcher?.root !== root) return;
        try {
          this.changed(await this.rescan(root));
        } catch (error) {
          this.log(`the library could not be rescanned after a change: ${String(error)}`);
        }
      } while (this.again);
    })().finally(() => {
      this.running = null;
    });
  }
}
