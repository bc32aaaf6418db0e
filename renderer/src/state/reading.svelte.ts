import { markedRead, progressed, type ReadingPosition } from '../../../electron/common/model';
import { api, messageOf } from '../lib/api';
import { notices } from './notices.svelte';

/**
 * Where each briefing of the open library was left, and whether it is read: the host's record,
 * fetched once per library (library.svelte.ts) and then kept in step here as the reader and the
 * person change it, so the list never waits on the host to show a row's state.
 */
class ReadingState {
  /** By briefing id; absent means never opened. Raw and replaced whole, like the library's snapshot. */
  private byId = $state.raw<Readonly<Record<string, ReadingPosition>>>({});

  get states(): Readonly<Record<string, ReadingPosition>> {
    return this.byId;
  }

  /**
   * Loads the host's record for the library it has open now: when a library opens (before its
   * list shows, so neither library's rows show the other's marks) and when files went (the host
   * moved a renamed file's mark and place to its new name).
   */
  async reload(): Promise<void> {
    this.byId = await this.fetch();
  }

  private async fetch(): Promise<Record<string, ReadingPosition>> {
    try {
      return await api.getReadingStates();
    } catch (error) {
      notices.show(`Which briefings you have read could not be loaded: ${messageOf(error)}`);
      return {};
    }
  }

  /** The reader saved a position: the same rule as the host's, so the row agrees with what is stored. */
  noteProgress(id: string, fraction: number): void {
    this.byId = { ...this.byId, [id]: progressed(this.byId[id], Math.min(1, Math.max(0, fraction)), new Date().toISOString()) };
  }

  /** Shown at once; if the host cannot store it, its own record is loaded again and the person told. */
  async setRead(ids: readonly string[], read: boolean): Promise<void> {
    const updatedAt = new Date().toISOString();
    const next = { ...this.byId };
    for (const id of ids) next[id] = markedRead(next[id], read, updatedAt);
    this.byId = next;
    try {
      await api.setRead([...ids], read);
    } catch (error) {
      notices.show(`That could not be saved: ${messageOf(error)}`);
      await this.reload();
    }
  }
}

export const reading = new ReadingState();
