import type { BriefingSummary, LibrarySnapshot } from '../../../electron/common/model';
import { api, messageOf } from '../lib/api';
import { filterBriefings, sortBriefings } from '../lib/library-order';
import { keepPresent, moveCurrent, NO_SELECTION, type ListSelection } from '../lib/list-selection';
import { notices } from './notices.svelte';
import { preferences } from './preferences.svelte';

/** The open library: its listing, the quick filter, the row the keyboard is on and the rows selected. */
class LibraryState {
  /** Raw, not deeply reactive: a 10,000-row listing is replaced whole, never edited in place. */
  snapshot = $state.raw<LibrarySnapshot | null>(null);
  private filterText = $state('');
  /** Raw and replaced whole, like the snapshot: see lib/list-selection. */
  private chosen = $state.raw<ListSelection>(NO_SELECTION);
  loading = $state(false);
  /** Set when the library could not be opened at all; the view shows it instead of a list. */
  error = $state<string | null>(null);

  readonly sorted = $derived(
    this.snapshot ? sortBriefings(this.snapshot.briefings, preferences.value.sortKey, preferences.value.sortDescending) : [],
  );
  readonly visible = $derived(filterBriefings(this.sorted, this.filter));
  readonly problemCount = $derived(this.snapshot?.briefings.filter((briefing) => briefing.problem?.severity === 'error').length ?? 0);
  /** The selected briefings in the list's order: what the notes export means by "selected in the library". */
  readonly selectedBriefings = $derived(this.chosen.ids.size === 0 ? [] : this.visible.filter((briefing) => this.chosen.ids.has(briefing.id)));

  get filter(): string {
    return this.filterText;
  }

  set filter(text: string) {
    this.filterText = text;
    this.chosen = keepPresent(this.chosen, this.visible);
  }

  /**
   * The current row, the anchor and the selected ids, as the list changes them. Only rows shown
   * can be selected: a row the filter hides, or a briefing gone from the library, drops out.
   */
  get selection(): ListSelection {
    return this.chosen;
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
    return this.chosen.ids;
  }

  private async load(request: () => Promise<LibrarySnapshot | null>): Promise<void> {
    this.loading = true;
    try {
      const snapshot = await request();
      if (snapshot) {
        // Paired with `briefing:library-painted` (BriefingList): the bench measures the gap.
        performance.mark('briefing:library-data');
        if (snapshot.root !== this.snapshot?.root) {
          // Ids are paths inside the library: in another folder they would name other briefings.
          this.filterText = '';
          this.chosen = NO_SELECTION;
        }
        this.snapshot = snapshot;
        this.chosen = keepPresent(this.chosen, this.visible);
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
  refresh = () => (this.snapshot ? this.load(() => api.refreshLibrary()) : Promise.resolve());

  find(id: string): BriefingSummary | undefined {
    return this.snapshot?.briefings.find((briefing) => briefing.id === id);
  }

  /** The briefing `offset` rows away from `id` in the list as shown (sorted and filtered). */
  neighbour(id: string, offset: number): BriefingSummary | undefined {
    const list = this.visible.length > 0 ? this.visible : this.sorted;
    const index = list.findIndex((briefing) => briefing.id === id);
    return index < 0 ? undefined : list[index + offset];
  }
}

export const library = new LibraryState();
