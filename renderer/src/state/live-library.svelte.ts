import type { LibrarySnapshot } from '../../../electron/common/model';
import { onHostEvent } from '../lib/api';
import { annotations } from './annotations.svelte';
import { library } from './library.svelte';
import { notes } from './notes.svelte';
import { reader } from './reader.svelte';
import { reading } from './reading.svelte';

/**
 * Follows the library folder as it changes on disk (the host watches it): the new listing
 * replaces the old, the open briefing is reloaded when its text changed (its notes re-anchor)
 * and followed when its file was renamed, notes changed by another program are listed again in
 * the reader and the notes view, and the reading of many new files shows as progress.
 */
class LiveLibraryState {
  /** New or changed files being read, while there are many; null otherwise. */
  progress = $state.raw<{ done: number; total: number } | null>(null);

  constructor() {
    onHostEvent((event) => {
      if (event.type === 'library-progress') this.progress = event.done < event.total ? { done: event.done, total: event.total } : null;
      if (event.type === 'library-changed') this.changed(event.snapshot);
      if (event.type === 'annotations-changed' && event.root === library.snapshot?.root) {
        void annotations.reloadChanged(event.briefingIds);
        if (notes.data) void notes.load();
      }
    });
  }

  private changed(snapshot: LibrarySnapshot): void {
    // A listing of a library that is no longer the open one (the person switched meanwhile) is stale.
    if (snapshot.root !== library.snapshot?.root) return;
    this.progress = null;
    const before = library.snapshot;
    const listed = new Set(snapshot.briefings.map((briefing) => briefing.id));
    const someWent = before.briefings.some((briefing) => !listed.has(briefing.id));
    void library.applySnapshot(snapshot);
    // A file that went may have been renamed: the host moved its read mark and place to the new name.
    if (someWent && snapshot.available) void reading.reload();
    // The briefing shown, or being opened (a rename can land while it loads).
    const id = reader.openId;
    if (!id || !snapshot.available) return;
    const shown = reader.article?.summary.id === id ? reader.article.summary : undefined;
    const now = snapshot.briefings.find((briefing) => briefing.id === id);
    if (now) {
      if (shown && now.fingerprint !== shown.fingerprint) void reader.open(id);
      return;
    }
    // The same text under one new name is the same briefing, renamed or moved: keep reading it.
    const fingerprint = shown?.fingerprint ?? before.briefings.find((briefing) => briefing.id === id)?.fingerprint;
    const renamed = fingerprint ? snapshot.briefings.filter((briefing) => briefing.fingerprint === fingerprint) : [];
    if (renamed.length === 1) void reader.open(renamed[0].id);
    else reader.gone();
  }
}

export const liveLibrary = new LiveLibraryState();
