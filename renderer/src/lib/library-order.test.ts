import { describe, expect, it } from 'vitest';
import type { BriefingSummary, ReadingPosition } from '../../../electron/common/model';
import { facetsOf, filterBriefings, hasFilters, matchesFilters, NO_FILTERS, readStateOf, sortBriefings, type LibraryFilters } from './library-order';
import { summary } from '../../../electron/common/test-support/summary';

const briefing = (id: string, title: string, date: string | null, source: string | null = 'White House'): BriefingSummary =>
  summary(id, { title, date, source });

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

  it('sorts a date known to the year or month as its first day, so it follows the dated briefings of that period when newest is first', () => {
    const mixed = [
      briefing('year', 'UN statement', '2022'),
      briefing('day', 'Readout', '2022-09-21'),
      briefing('month', 'General debate', '2022-09'),
      briefing('later', 'Fact sheet', '2022-12-01T09:00:00'),
      briefing('earlier', 'Remarks', '2021-06-01'),
    ];
    expect(sortBriefings(mixed, 'date', true).map((b) => b.id)).toEqual(['later', 'day', 'month', 'year', 'earlier']);
    expect(sortBriefings(mixed, 'date', false).map((b) => b.id)).toEqual(['earlier', 'year', 'month', 'day', 'later']);
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

describe('readStateOf', () => {
  const at = (fraction: number, read?: boolean): ReadingPosition => ({ fraction, updatedAt: '2024-05-01T10:00:00Z', ...(read ? { read } : {}) });

  it('is unread when never opened or left at the top, in progress from 1 %, read when marked', () => {
    expect(readStateOf(undefined)).toBe('unread');
    expect(readStateOf(at(0.004))).toBe('unread');
    expect(readStateOf(at(0.42))).toBe('in-progress');
    // Marked unread after reading to the end: the host keeps the place, just under the read mark.
    expect(readStateOf(at(0.94))).toBe('in-progress');
    expect(readStateOf(at(0, true))).toBe('read');
  });
});

describe('matchesFilters', () => {
  const tagged = { ...briefing('f', 'Sitrep', '2022-03', 'OCHA'), language: 'uk' as const, tags: ['humanitarian', 'Kharkiv'] };
  const all = [...list, tagged];
  const states: Record<string, ReadingPosition> = {
    a: { fraction: 1, updatedAt: '2024-05-01T10:00:00Z', read: true },
    b: { fraction: 0.42, updatedAt: '2024-05-01T10:00:00Z' },
    c: { fraction: 0, updatedAt: '2024-05-01T10:00:00Z' },
  };
  const ids = (filters: Partial<LibraryFilters>) =>
    all.filter((item) => matchesFilters(item, { ...NO_FILTERS, ...filters }, states[item.id])).map((item) => item.id);

  it('lets everything through with no filter on', () => {
    expect(hasFilters(NO_FILTERS)).toBe(false);
    expect(ids({})).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('filters by source, language and tag', () => {
    expect(hasFilters({ ...NO_FILTERS, tag: 'Kharkiv' })).toBe(true);
    expect(ids({ source: 'White House' })).toEqual(['a', 'e']);
    expect(ids({ languages: ['uk'] })).toEqual(['f']);
    expect(ids({ languages: ['uk', 'en'] })).toHaveLength(6);
    expect(ids({ tag: 'Kharkiv' })).toEqual(['f']);
    expect(ids({ tag: 'kharkiv' })).toEqual([]);
    expect(ids({ source: 'White House', languages: ['uk'] })).toEqual([]);
  });

  it('by read state: unread includes the briefings in progress', () => {
    expect(ids({ read: 'read' })).toEqual(['a']);
    expect(ids({ read: 'in-progress' })).toEqual(['b']);
    expect(ids({ read: 'unread' })).toEqual(['b', 'c', 'd', 'e', 'f']);
  });

  it('by date: a timestamp counts as its day, a year or month only when the range holds all of it', () => {
    expect(ids({ dateFrom: '2022-02-25', dateTo: '2022-02-25' })).toEqual(['b']);
    expect(ids({ dateFrom: '2022-10-01' })).toEqual(['a', 'e']);
    expect(ids({ dateTo: '2022-03-31' })).toEqual(['b', 'f']);
    expect(ids({ dateFrom: '2022-03-02', dateTo: '2022-12-31' })).toEqual(['a']);
    expect(ids({ dateFrom: '2022-01-01', dateTo: '2022-12-31' })).toEqual(['a', 'b', 'd', 'f']);
    // Undated briefings are in no range.
    expect(ids({ dateFrom: '1900-01-01' })).not.toContain('c');
  });
});

describe('facetsOf', () => {
  it('lists each source and tag once, in order, and the languages present', () => {
    const tagged = { ...briefing('f', 'Sitrep', null, 'OCHA'), language: 'uk' as const, tags: ['sanctions', 'Energy'] };
    const again = { ...briefing('g', 'Sitrep 2', null, 'OCHA'), language: 'und' as const, tags: ['sanctions'] };
    expect(facetsOf([...list, tagged, again])).toEqual({
      sources: ['OCHA', 'Office of the President', 'Treasury', 'White House'],
      tags: ['Energy', 'sanctions'],
      languages: ['en', 'uk'],
    });
  });
});
