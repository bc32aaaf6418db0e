import { LibraryWatcher, WATCH_TIMINGS, type LibraryChange, type WatchTimings } from '../library/library-watcher';

/**
 * Watches the open library's folder, and only that one: following another folder stops watching
 * the one before. Each batch of changes is handed on with the folder it came from, so a batch
 * that arrives after a switch can be told apart and dropped.
 */
export class LiveLibrary {
  private watcher: LibraryWatcher | null = null;
  private starting: Promise<void> = Promise.resolve();

  constructor(
    private readonly changed: (root: string, change: LibraryChange) => void,
    private readonly log: (message: string) => void,
    private readonly timings: WatchTimings | false = WATCH_TIMINGS,
  ) {}

  /** Watches `root` from now on (and stops watching the folder before it, if another). */
  follow(root: string): void {
    if (!this.timings || this.watcher?.root === root) return;
    void this.watcher?.close();
    const watcher = new LibraryWatcher(root, (change) => this.changed(root, change), this.timings, this.log);
    this.watcher = watcher;
    this.starting = watcher.start().catch((error: unknown) => this.log(`the library folder cannot be watched: ${String(error)}`));
  }

  /** Resolves once the folder followed last is being watched. */
  ready(): Promise<void> {
    return this.starting;
  }

  async close(): Promise<void> {
    await this.watcher?.close();
    this.watcher = null;
  }
}
