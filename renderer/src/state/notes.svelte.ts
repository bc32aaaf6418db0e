import { commentOf, quoteOf, tagsOf, type ColourSlot } from '../../../electron/common/annotation-model';
import { dateInRange } from '../../../electron/common/date-range';
import type { LibraryNotes, NoteItem } from '../../../electron/common/notes-model';
import { api, messageOf } from '../lib/api';

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();

/** The notes view: every annotation in the library, and the filters over them. */
class NotesState {
  data = $state.raw<LibraryNotes | null>(null);
  error = $state<string | null>(null);
  text = $state('');
  colours = $state<ColourSlot[]>([]);
  tag = $state('');
  source = $state('');
  briefing = $state('');
  dateFrom = $state('');
  dateTo = $state('');

  readonly tags = $derived([...new Set((this.data?.items ?? []).flatMap((item) => tagsOf(item.annotation)))].sort((a, b) => a.localeCompare(b)));
  readonly sources = $derived([...new Set((this.data?.items ?? []).map((item) => item.source).filter((source): source is string => !!source))].sort());
  readonly briefings = $derived(
    [...new Map((this.data?.items ?? []).map((item) => [item.briefingId, item.title])).entries()].sort((a, b) => a[1].localeCompare(b[1])),
  );

  /** True when any filter narrows the list: the export dialog then offers "the notes view's filter". */
  readonly filtered = $derived(!!(this.text.trim() || this.colours.length || this.tag || this.source || this.briefing || this.dateFrom || this.dateTo));

  readonly visible = $derived.by(() => {
    const words = fold(this.text).split(/\s+/).filter(Boolean);
    return (this.data?.items ?? [])
      .filter((item) => this.matches(item, words))
      .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.title.localeCompare(b.title) || startOf(a) - startOf(b));
  });

  async load(): Promise<void> {
    try {
      this.data = await api.listAllAnnotations();
      this.error = null;
    } catch (error) {
      this.error = messageOf(error);
    }
  }

  clearFilters(): void {
    this.text = '';
    this.colours = [];
    this.tag = '';
    this.source = '';
    this.briefing = '';
    this.dateFrom = '';
    this.dateTo = '';
  }

  private matches(item: NoteItem, words: string[]): boolean {
    const annotation = item.annotation;
    if (this.colours.length && !this.colours.includes(annotation['briefing:colour'])) return false;
    if (this.tag && !tagsOf(annotation).includes(this.tag)) return false;
    if (this.source && item.source !== this.source) return false;
    if (this.briefing && item.briefingId !== this.briefing) return false;
    if (!dateInRange(item.date, this.dateFrom, this.dateTo)) return false;
    if (words.length === 0) return true;
    const haystack = fold(`${quoteOf(annotation).exact} ${commentOf(annotation)} ${tagsOf(annotation).join(' ')} ${item.title}`);
    return words.every((word) => haystack.includes(word));
  }
}

const startOf = (item: NoteItem) => item.annotation.target.selector[1].start;

export const notes = new NotesState();
