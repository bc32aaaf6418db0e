import type { BriefingSummary, Language } from '../../../electron/common/model';

/** Briefings that are translations of one another, by their shared pairId; only pairs with two or more members. */
export type Pairs = ReadonlyMap<string, readonly BriefingSummary[]>;

/** Groups a listing's briefings by pairId (front matter `pair_id`). */
export function pairsOf(briefings: readonly BriefingSummary[]): Pairs {
  const groups = new Map<string, BriefingSummary[]>();
  for (const briefing of briefings) {
    if (!briefing.pairId) continue;
    const group = groups.get(briefing.pairId);
    if (group) group.push(briefing);
    else groups.set(briefing.pairId, [briefing]);
  }
  for (const [pairId, group] of groups) if (group.length < 2) groups.delete(pairId);
  return groups;
}

const LANGUAGE_ORDER: Language[] = ['en', 'uk', 'ru', 'und'];

/** The translations of the briefing `id` (its pair without it), English first, then Ukrainian, then Russian. */
export function twinsOf(pairs: Pairs, id: string, pairId: string | undefined): BriefingSummary[] {
  const group = pairId ? pairs.get(pairId) : undefined;
  if (!group) return [];
  return group.filter((briefing) => briefing.id !== id).sort((a, b) => LANGUAGE_ORDER.indexOf(a.language) - LANGUAGE_ORDER.indexOf(b.language));
}

/** The link to a translation, named in the translation's own language, as a reader of it would look for it. */
const TWIN_LABELS: Record<Language, string> = {
  en: 'Also in English',
  uk: 'Українською',
  ru: 'На русском',
  und: 'Also in another language',
};

export function twinLabel(language: Language): string {
  return TWIN_LABELS[language];
}

/**
 * Search results with translations folded: of each pair only the best ranked result is kept, in its
 * place; `folded` counts the results left out. Results without a pair are kept as they are.
 */
export function foldTwins<T extends { id: string }>(results: readonly T[], pairIdOf: (id: string) => string | undefined): { shown: T[]; folded: number } {
  const seen = new Set<string>();
  const shown = results.filter((result) => {
    const pairId = pairIdOf(result.id);
    if (!pairId) return true;
    if (seen.has(pairId)) return false;
    seen.add(pairId);
    return true;
  });
  return { shown, folded: results.length - shown.length };
}
