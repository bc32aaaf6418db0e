import type { ExportProgress } from './export-model';
import type { LibrarySnapshot } from './model';

/**
 * What the host tells the renderer without being asked: the progress of long work. One-way and
 * informational; the renderer never trusts an event for anything but what to show.
 */
export type BriefingEvent =
  | { type: 'export-progress'; progress: ExportProgress }
  /** The library folder changed on disk; here is its new listing (search and notes follow). */
  | { type: 'library-changed'; snapshot: LibrarySnapshot }
  /**
   * Another program (a sync tool, a text editor, another window) changed, merged or damaged the
   * notes of these briefings in the library at `root`: list them again. A damaged sidecar was, or
   * will be on that listing, moved aside, and the listing says so.
   */
  | { type: 'annotations-changed'; root: string; briefingIds: string[] }
  /** New or changed files being read after a change on disk: `done` of `total`. */
  | { type: 'library-progress'; done: number; total: number };

/** The IPC channel events travel on (main → renderer only). */
export const EVENT_CHANNEL = 'briefing:event';

/** `window.briefingEvents`: the one way to listen. Returns the function that stops listening. */
export interface BriefingEventSource {
  subscribe(listener: (event: BriefingEvent) => void): () => void;
}
