import { describe, expect, it } from 'vitest';
import type { BriefingSummary, Language } from '../../../electron/common/model';
import { summary } from '../../../electron/common/test-support/summary';
import { foldTwins, pairsOf, twinLabel, twinsOf } from './twins';

const briefing = (id: string, language: Language, pairId?: string): BriefingSummary => summary(id, { language, ...(pairId ? { pairId } : {}) });

const LISTING = [
  briefing('uk/talks-uk.md', 'uk', 'talks'),
  briefing('ru/talks-ru.md', 'ru', 'talks'),
  briefing('en/talks.md', 'en', 'talks'),
  briefing('uk/azovstal-uk.md', 'uk', 'azovstal'),
  briefing('seed.txt', 'en'),
];

describe('twins', () => {
  it('links each briefing to its translations, English first, and nothing to a briefing whose pair is not in the library', () => {
    const pairs = pairsOf(LISTING);
    expect(twinsOf(pairs, 'uk/talks-uk.md', 'talks').map((twin) => twin.id)).toEqual(['en/talks.md', 'ru/talks-ru.md']);
    expect(twinsOf(pairs, 'en/talks.md', 'talks').map((twin) => twin.id)).toEqual(['uk/talks-uk.md', 'ru/talks-ru.md']);
    expect(twinsOf(pairs, 'uk/azovstal-uk.md', 'azovstal')).toEqual([]);
    expect(twinsOf(pairs, 'seed.txt', undefined)).toEqual([]);
  });

  it('names the link in the language it leads to', () => {
    expect(['en', 'uk', 'ru'].map((language) => twinLabel(language as Language))).toEqual(['Also in English', 'Українською', 'На русском']);
  });

  it('folds search results to the best ranked of each pair, keeping the order and the results without a pair', () => {
    const pairs = new Map(LISTING.filter((item) => item.pairId).map((item) => [item.id, item.pairId]));
    const ranked = ['en/talks.md', 'seed.txt', 'uk/talks-uk.md', 'uk/azovstal-uk.md', 'ru/talks-ru.md'].map((id) => ({ id }));
    const { shown, folded } = foldTwins(ranked, (id) => pairs.get(id));
    expect(shown.map((hit) => hit.id)).toEqual(['en/talks.md', 'seed.txt', 'uk/azovstal-uk.md']);
    expect(folded).toBe(2);
  });
});
