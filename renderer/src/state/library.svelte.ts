import type { BriefingSummary, LibrarySnapshot } from '../../../electron/common/model';
import { api, messageOf } from '../lib/api';
import { filterBriefings, sortBriefings } from '../lib/library-order';
import { notices } from './notices.svelte';
import { preferences } from './preferences.svelte';

/** The open library: its listing, the quick filter, and the row the keyboard is on. */
class LibraryState {
  /** Raw, not deeply reactive: a 10,000-row listing is replaced whole, never edited in place. */
  snapshot = $state.raw<LibrarySnapshot | null>(null);
  filter = $state('');
  selectedId = $state<string | null>(null);
  loading = $state(false);
  /** Set when the library could not be opened at all; the view shows it instead of a list. */
  error = $state<string | null>(null);

  readonly sorted = $derived(
    this.snapshot ? sortBriefings(this.snapshot.briefings, preferences.value.sortKey, preferences.value.sortDescending) : [],
  );
  readonly visible = $derived(filterBriefings(this.sorted, this.filter));
  readonly problemCount = $derived(this.snapshot?.briefings.filter((briefing) => briefing.problem?.severity === 'error').length ?? 0);

  private async load(request: () => Promise<LibrarySnapshot | null>): Promise<void> {
    this.loading = true;
    try {
      const snapshot = await request();
      if (snapshot) {
        // Paired with `briefing:library-painted` (BriefingList): the bench measures the gap.
        performance.mark('briefing:library-data');
        if (snapshot.root !== this.snapshot?.root) this.filter = '';
        this.snapshot = snapshot;
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
