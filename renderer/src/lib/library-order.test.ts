import { describe, expect, it } from 'vitest';
import type { BriefingSummary } from '../../../electron/common/model';
import { filterBriefings, sortBriefings } from './library-order';

const briefing = (id: string, title: string, date: string | null, source: string | null = 'White House'): BriefingSummary => ({
  id,
  title,
  date,
  source,
  language: 'en',
  tags: [],
  format: 'markdown',
  sizeBytes: 1,
  wordCount: 1,
  fingerprint: id,
  problem: null,
});

const list = [
  briefing('a', 'Readout of a call', '2022-10-04'),
  briefing('b', 'Звернення Президента', '2022-02-25T23:35:32', 'Office of the President'),
  briefing('c', 'Undated fact sheet', null, 'Treasury'),
  briefing('d', 'Statement 2', '2022', null),
  briefing('e', 'Statement 10', '2023-01-01'),
];

describe('sortBriefings', () => {
  it('puts the newest first and undated briefings last', () => {
    expect(sortBriefings(list, 'date', true).map((b) => b.id)).toEqual(['e', 'a', 'b', 'd', 'c']);
  });

  it('keeps undated briefings last in ascending order too', () => {
    expect(sortBriefings(list, 'date', false).map((b) => b.id)).toEqual(['d', 'b', 'a', 'e', 'c']);
  });

  it('sorts titles naturally (2 before 10) and across scripts', () => {
    expect(sortBriefings(list, 'title', false).map((b) => b.title)).toEqual([
      'Readout of a call',
      'Statement 2',
      'Statement 10',
      'Undated fact sheet',
      'Звернення Президента',
    ]);
  });

  it('sorts by source with briefings without a source last', () => {
    expect(sortBriefings(list, 'source', false).map((b) => b.id)).toEqual(['b', 'c', 'a', 'e', 'd']);
  });
});

describe('filterBriefings', () => {
  it('needs every word, in any order, in the title or source', () => {
    expect(filterBriefings(list, 'call readout').map((b) => b.id)).toEqual(['a']);
    expect(filterBriefings(list, 'treasury').map((b) => b.id)).toEqual(['c']);
    expect(filterBriefings(list, 'readout treasury')).toEqual([]);
  });

  it('ignores case and accents, including in Cyrillic', () => {
    expect(filterBriefings(list, 'звернення').map((b) => b.id)).toEqual(['b']);
    expect(filterBriefings(list, 'ЗВЕРНЕННЯ президента').map((b) => b.id)).toEqual(['b']);
  });

  it('shows everything for an empty or blank filter', () => {
    expect(filterBriefings(list, '   ')).toHaveLength(5);
  });
});
