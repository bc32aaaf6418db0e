import type { Language } from '../../../electron/common/model';
import type { SearchFilters, SearchResponse } from '../../../electron/common/search-model';
import { api, messageOf } from '../lib/api';
import { foldTwins } from '../lib/twins';
import { preferences } from './preferences.svelte';
import { twins } from './twins.svelte';

/** Results asked for at once: a screenful and then some; the total is counted anyway. */
const RESULT_LIMIT = 50;
/** Typing pauses shorter than this do not start a query. */
const TYPING_PAUSE_MS = 60;
/** While the index is still being built, the query is re-run this often so results fill in. */
const INDEXING_REFRESH_MS = 800;

/** The full-text search screen: what was typed, the filters, and the latest answer. */
class SearchState {
  text = $state('');
  sources = $state<string[]>([]);
  languages = $state<Language[]>([]);
  dateFrom = $state('');
  dateTo = $state('');
  response = $state.raw<SearchResponse | null>(null);
  error = $state<string | null>(null);
  selectedIndex = $state(0);
  /** Set by "Search instead for …" after a correction: the words as typed, none corrected. Typing clears it. */
  exact = $state(false);

  private timer: ReturnType<typeof setTimeout> | undefined;
  private sequence = 0;

  readonly filters = $derived<SearchFilters>({
    ...(this.sources.length ? { sources: [...this.sources] } : {}),
    ...(this.languages.length ? { languages: [...this.languages] } : {}),
    ...(this.dateFrom ? { dateFrom: this.dateFrom } : {}),
    ...(this.dateTo ? { dateTo: this.dateTo } : {}),
  });

  /** One result per translated pair when the preference says so; `folded` counts those left out. */
  private readonly folding = $derived.by(() => {
    const results = this.response?.results ?? [];
    return preferences.value.collapseTwins ? foldTwins(results, (id) => twins.pairIdOf(id)) : { shown: results, folded: 0 };
  });

  /** The results shown, best first: the response's, with translations folded when that is on. */
  get results() {
    return this.folding.shown;
  }

  /** How many results of this page were left out as translations of a better ranked one. */
  get folded(): number {
    return this.folding.folded;
  }

  /** The query was edited: search the new words (corrected again where they are misspelt). */
  edited(): void {
    this.exact = false;
    this.schedule();
  }

  /** "Search instead for …": the words as typed, at once. */
  searchAsTyped(): void {
    this.exact = true;
    this.schedule(0);
  }

  /** Folds translations in the results, or shows them all again; remembered in the preferences. */
  async toggleCollapseTwins(): Promise<void> {
    await preferences.update({ collapseTwins: !preferences.value.collapseTwins });
    this.select(this.selectedIndex);
  }

  /** Runs the query after a short pause in typing; only the latest answer is kept. */
  schedule(delay = TYPING_PAUSE_MS): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(), delay);
  }

  async run(): Promise<void> {
    const sequence = ++this.sequence;
    if (!this.text.trim()) {
      this.response = null;
      this.error = null;
      return;
    }
    try {
      const request = { text: this.text, filters: $state.snapshot(this.filters), limit: RESULT_LIMIT, ...(this.exact ? { exact: true } : {}) };
      const response = await api.search(request);
      if (sequence !== this.sequence) return;
      this.response = response;
      this.error = null;
      this.select(this.selectedIndex);
      // After a restart the same query would only stall the worker again: the person retypes instead.
      if (response.coverage.indexing && response.stopped !== 'restarted') this.schedule(INDEXING_REFRESH_MS);
    } catch (error) {
      if (sequence === this.sequence) this.error = messageOf(error);
    }
  }

  /** Makes result `index` the selected one, kept within the results shown. */
  select(index: number): void {
    const count = this.results.length;
    this.selectedIndex = Math.max(0, Math.min(count - 1, index));
  }

  /** The source filter: one source, or every source with ''. Runs the query again at once. */
  setSource(source: string): void {
    this.sources = source ? [source] : [];
    this.schedule(0);
  }

  toggleLanguage(language: Language): void {
    this.languages = this.languages.includes(language) ? this.languages.filter((item) => item !== language) : [...this.languages, language];
    this.schedule(0);
  }

  clearFilters(): void {
    this.sources = [];
    this.languages = [];
    this.dateFrom = '';
    this.dateTo = '';
    this.schedule(0);
  }
}

export const search = new SearchState();
