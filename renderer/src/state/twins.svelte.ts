import type { BriefingSummary } from '../../../electron/common/model';
import { pairsOf, twinsOf } from '../lib/twins';
import { library } from './library.svelte';

/**
 * Translations in the open library, worked out once per listing from the summaries' pairId. Read
 * only: the library's listing is its one source, so a twin added or removed on disk shows at once.
 */
class TwinsState {
  readonly pairs = $derived(pairsOf(library.snapshot?.briefings ?? []));
  private readonly pairIds = $derived(new Map([...this.pairs.values()].flat().map((briefing) => [briefing.id, briefing.pairId!])));

  /** The translations of briefing `id` in the library, English first; none when it has no pair there. */
  of(id: string): BriefingSummary[] {
    return twinsOf(this.pairs, id, this.pairIds.get(id));
  }

  /** The pair briefing `id` belongs to, when it has a translation in the library. */
  pairIdOf(id: string): string | undefined {
    return this.pairIds.get(id);
  }
}

export const twins = new TwinsState();
