import type { BriefingSummary, LibrarySnapshot } from '../../../electron/common/model';
import { api, messageOf } from '../lib/api';
import { facetsOf, filterBriefings, hasFilters, matchesFilters, NO_FILTERS, readStateOf, sortBriefings, type LibraryFilters } from '../lib/library-order';
import { keepPresent, moveCurrent, NO_SELECTION, selectOnly, type ListSelection } from '../lib/list-selection';
import { notices } from './notices.svelte';
import { preferences } from './preferences.svelte';
import { reading } from './reading.svelte';

/** Read when nothing filters by read state, so a position the reader saves does not re-filter the list. */
const NO_STATES: Readonly<Record<string, never>> = {};

/** The open library: its listing, the filters, the row the keyboard is on and the rows selected. */
class LibraryState {
  /**
   * Raw, not deeply reactive: a 10,000-row listing is replaced whole, never edited in place.
   * Private so every new listing (opened, imported into, changed on disk) goes through `applySnapshot`.
   */
  private current = $state.raw<LibrarySnapshot | null>(null);
  private filterText = $state('');
  private chosenFilters = $state.raw<LibraryFilters>(NO_FILTERS);
  /** Raw and replaced whole, like the snapshot: see lib/list-selection. */
  private chosen = $state.raw<ListSelection>(NO_SELECTION);
  loading = $state(false);
  /** Set when the library could not be opened at all; the view shows it instead of a list. */
  error = $state<string | null>(null);

  readonly sorted = $derived(this.current ? sortBriefings(this.current.briefings, preferences.value.sortKey, preferences.value.sortDescending) : []);
  readonly visible = $derived.by(() => {
    const titled = filterBriefings(this.sorted, this.filter);
    const filters = this.chosenFilters;
    if (!hasFilters(filters)) return titled;
    const states = filters.read === 'all' ? NO_STATES : reading.states;
    return titled.filter((briefing) => matchesFilters(briefing, filters, states[briefing.id]));
  });
  /** True when the list shows fewer than all: the title filter or any other is on. */
  readonly filtered = $derived(this.filterText.trim() !== '' || hasFilters(this.chosenFilters));
  /** The sources, tags and languages the filters offer, worked out once per listing. */
  readonly facets = $derived(facetsOf(this.current?.briefings ?? []));
  readonly problemCount = $derived(this.current?.briefings.filter((briefing) => briefing.problem?.severity === 'error').length ?? 0);
  /**
   * The selection as shown. Changes made here drop hidden rows for good; this also drops rows
   * that left the list on their own (read to the end in the reader while "Unread" is on).
   */
  private readonly shownSelection = $derived(keepPresent(this.chosen, this.visible));
  /** The selected briefings in the list's order: what the notes export means by "selected in the library". */
  readonly selectedBriefings = $derived(this.chosen.ids.size === 0 ? [] : this.visible.filter((briefing) => this.chosen.ids.has(briefing.id)));
  /** Every selected briefing is read already, so marking them means marking them unread. */
  readonly selectionRead = $derived(
    this.selectedBriefings.length > 0 && this.selectedBriefings.every((briefing) => readStateOf(reading.states[briefing.id]) === 'read'),
  );

  /** The open library's listing, or null before one is open. */
  get snapshot(): LibrarySnapshot | null {
    return this.current;
  }

  /**
   * The one way a listing replaces the shown one. A listing of another folder starts afresh:
   * its read marks are fetched before the list shows (so no row shows unread for a moment and
   * then read), and the filters and selection go, since ids are paths inside the library and in
   * another folder they would name other briefings.
   */
  async applySnapshot(snapshot: LibrarySnapshot): Promise<void> {
    if (snapshot.root !== this.current?.root) {
      await reading.reload();
      this.filterText = '';
      this.chosenFilters = NO_FILTERS;
      this.chosen = NO_SELECTION;
    }
    this.current = snapshot;
    this.chosen = keepPresent(this.chosen, this.visible);
  }

  get filter(): string {
    return this.filterText;
  }

  set filter(text: string) {
    this.filterText = text;
    this.chosen = keepPresent(this.chosen, this.visible);
  }

  get filters(): LibraryFilters {
    return this.chosenFilters;
  }

  /** Like the title filter, a filter that hides selected rows takes them out of the selection. */
  setFilters(patch: Partial<LibraryFilters>): void {
    this.chosenFilters = { ...this.chosenFilters, ...patch };
    this.chosen = keepPresent(this.chosen, this.visible);
  }

  clearFilters(): void {
    this.filterText = '';
    this.chosenFilters = NO_FILTERS;
  }

  /**
   * R and the Mark read button: the selected rows become read, or unread when all of them are read
   * already. Rows a read-state filter now hides leave the list; if the current row was one, the row
   * that takes its place becomes current, so R can go on down the list.
   */
  async toggleRead(): Promise<void> {
    const ids = this.selectedBriefings.map((briefing) => briefing.id);
    if (ids.length === 0) return;
    const index = this.visible.findIndex((briefing) => briefing.id === this.chosen.current);
    const marking = reading.setRead(ids, !this.selectionRead);
    const gone = index >= 0 && !this.visible.some((briefing) => briefing.id === this.chosen.current);
    this.chosen = gone ? selectOnly(this.visible[Math.min(index, this.visible.length - 1)]?.id ?? null) : keepPresent(this.chosen, this.visible);
    await marking;
  }

  /**
   * The current row, the anchor and the selected ids, as the list changes them. Only rows shown
   * can be selected: a row the filter hides, or a briefing gone from the library, drops out.
   */
  get selection(): ListSelection {
    return this.shownSelection;
  }

  set selection(next: ListSelection) {
    this.chosen = keepPresent(next, this.visible);
  }

  /** The current row (the reader opens it and steps from it); setting it moves the current row. */
  get selectedId(): string | null {
    return this.chosen.current;
  }

  set selectedId(id: string | null) {
    this.selection = moveCurrent(this.chosen, id);
  }

  get selectedIds(): ReadonlySet<string> {
    return this.shownSelection.ids;
  }

  private async load(request: () => Promise<LibrarySnapshot | null>): Promise<void> {
    this.loading = true;
    try {
      const snapshot = await request();
      if (snapshot) {
        // Paired with `briefing:library-painted` (BriefingList): the bench measures the gap.
        performance.mark('briefing:library-data');
        await this.applySnapshot(snapshot);
        this.error = null;
      }
    } catch (error) {
      if (this.snapshot) notices.show(messageOf(error));
      else this.error = messageOf(error);
    } finally {
      this.loading = false;
    }
  }

  openCurrent = () => this.load(() => api.openCurrentLibrary());
  choose = () => this.load(() => api.chooseLibrary());
  openRecent = (path: string) => this.load(() => api.openRecentLibrary(path));
  refresh = () => (this.current ? this.load(() => api.refreshLibrary()) : Promise.resolve());

  find(id: string): BriefingSummary | undefined {
    return this.current?.briefings.find((briefing) => briefing.id === id);
  }

  /**
   * The briefing `offset` rows away from `id` in the list as shown (sorted and filtered). A briefing
   * the filters hide now (read to the end while "Unread" is on) is stepped from where it stood.
   */
  neighbour(id: string, offset: number): BriefingSummary | undefined {
    const list = this.visible.length > 0 ? this.visible : this.sorted;
    const index = list.findIndex((briefing) => briefing.id === id);
    if (index >= 0) return list[index + offset];
    const from = this.sorted.findIndex((briefing) => briefing.id === id);
    if (from < 0 || offset === 0) return undefined;
    const shown = new Set(list.map((briefing) => briefing.id));
    const step = Math.sign(offset);
    let left = Math.abs(offset);
    for (let at = from + step; at >= 0 && at < this.sorted.length; at += step) {
      if (shown.has(this.sorted[at].id) && --left === 0) return this.sorted[at];
    }
    return undefined;
  }
}

export const library = new LibraryState();
