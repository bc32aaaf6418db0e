import type { LibrarySnapshot } from '../../../electron/common/model';
import { onHostEvent } from '../lib/api';
import { library } from './library.svelte';
import { reader } from './reader.svelte';

/**
 * Follows the library folder as it changes on disk (the host watches it): the new listing
 * replaces the old, the open briefing is reloaded when its text changed (its notes re-anchor),
 * and the reading of many new files shows as progress.
 */
class LiveLibraryState {
  /** New or changed files being read, while there are many; null otherwise. */
  progress = $state.raw<{ done: number; total: number } | null>(null);

  constructor() {
    onHostEvent((event) => {
      if (event.type === 'library-progress') this.progress = event.done < event.total ? { done: event.done, total: event.total } : null;
      if (event.type === 'library-changed') this.changed(event.snapshot);
    });
  }

  private changed(snapshot: LibrarySnapshot): void {
    // A listing of a library that is no longer the open one (the person switched meanwhile) is stale.
    if (snapshot.root !== library.snapshot?.root) return;
    this.progress = null;
    library.snapshot = snapshot;
    const open = reader.article?.summary;
    if (!open || !snapshot.available) return;
    const now = snapshot.briefings.find((briefing) => briefing.id === open.id);
    if (!now) reader.gone();
    else if (now.fingerprint !== open.fingerprint) void reader.open(open.id);
  }
}

export const liveLibrary = new LiveLibraryState();
