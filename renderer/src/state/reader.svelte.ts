import type { Article } from '../../../electron/common/model';
import { api, messageOf } from '../lib/api';
import { warmPdfjs } from '../lib/pdf/pdf-document';
import { annotations } from './annotations.svelte';
import { find } from './find.svelte';
import { readStateOf } from '../lib/library-order';
import { library } from './library.svelte';
import { notices } from './notices.svelte';
import { reading } from './reading.svelte';

/** Which briefing is open in the reader, and its article once loaded. */
class ReaderState {
  openId = $state<string | null>(null);
  article = $state.raw<Article | null>(null);
  loading = $state(false);
  error = $state<string | null>(null);
  /** Where to put the reader when the article has rendered, as a share of its height. */
  restoreFraction = $state(0);
  /** A note to show once the article has rendered (opened from the notes view). */
  focusAnnotationId = $state<string | null>(null);
  /** A PDF page (1-based) to open at, from a search hit on it: it wins over the saved position. */
  initialPage = $state<number | null>(null);

  /** Counts loads, so a load that `gone` (or a later open) overtook does not show its result. */
  private load = 0;

  /**
   * Opens a briefing; `hitWords` (from a search result) are highlighted and the first one shown.
   * `page` (a PDF search hit's page, 1-based) is where a PDF opens, instead of where reading stopped.
   */
  async open(id: string, hitWords: string[] = [], focusAnnotationId: string | null = null, page: number | null = null): Promise<void> {
    const load = ++this.load;
    const current = () => this.load === load;
    this.openId = id;
    this.focusAnnotationId = focusAnnotationId;
    this.initialPage = page;
    library.selectedId = id;
    this.loading = true;
    this.error = null;
    // pdf.js and its worker start while the file is read: a PDF's first page is waiting on both.
    if (library.find(id)?.format === 'pdf') warmPdfjs().catch(() => undefined);
    try {
      const [article, position] = await Promise.all([api.readBriefing(id), api.getReadingPosition(id).catch(() => null)]);
      if (!current()) return;
      await annotations.load(id, article.summary.fingerprint);
      if (!current()) return;
      this.restoreFraction = position?.fraction ?? 0;
      if (hitWords.length > 0) find.showSearchHits(hitWords);
      else find.close();
      this.article = article;
    } catch (error) {
      if (!current()) return;
      this.article = null;
      this.error = messageOf(error);
    } finally {
      if (current()) this.loading = false;
    }
  }

  /** The open briefing's file was removed or moved out of the library: say so in its place (a load still running is dropped). */
  gone(): void {
    this.load++;
    this.loading = false;
    annotations.clear();
    this.article = null;
    this.error = 'This briefing was removed from the library folder, or moved out of it. Its notes are kept: they are listed under Notes.';
  }

  close(): void {
    annotations.clear();
    find.close();
    find.clearHighlights();
    this.openId = null;
    this.article = null;
    this.error = null;
  }

  /**
   * R in the reader: the open briefing becomes read, or unread when it is read already. Keyed on the
   * briefing being opened, not the article shown, so R pressed while it still loads is not lost.
   */
  async toggleRead(): Promise<void> {
    const id = this.openId;
    if (!id) return;
    const read = readStateOf(reading.states[id]) !== 'read';
    await reading.setRead([id], read);
    notices.show(read ? 'Marked read.' : 'Marked unread.', 3);
  }

  /** Opens the next (+1) or previous (-1) briefing in the library's current order. */
  step(offset: number): Promise<void> | undefined {
    if (!this.openId) return;
    const next = library.neighbour(this.openId, offset);
    return next ? this.open(next.id) : undefined;
  }

  /** Takes the id explicitly: a debounced save may land after the reader moved on to another briefing. */
  savePosition(id: string, fraction: number): void {
    reading.noteProgress(id, fraction);
    api.setReadingPosition(id, Math.min(1, Math.max(0, fraction))).catch(() => undefined);
  }
}

export const reader = new ReaderState();
