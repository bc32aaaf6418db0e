import { describe, expect, it } from 'vitest';
import { dateInRange, daySpan } from './date-range';

describe('daySpan', () => {
  it('covers a whole year, a whole month (its real last day) or one day', () => {
    expect(daySpan('2022')).toEqual(['2022-01-01', '2022-12-31']);
    expect(daySpan('2024-02')).toEqual(['2024-02-01', '2024-02-29']);
    expect(daySpan('2023-02')).toEqual(['2023-02-01', '2023-02-28']);
    expect(daySpan('2022-11')).toEqual(['2022-11-01', '2022-11-30']);
    expect(daySpan('2022-02-24T05:00:00+02:00')).toEqual(['2022-02-24', '2022-02-24']);
  });
});

describe('dateInRange', () => {
  it('takes a briefing when all of its date lies in the range', () => {
    expect(dateInRange('2022-02-24', '2022-02-24', '2022-02-24')).toBe(true);
    expect(dateInRange('2022-02', '2022-02-01', '2022-02-28')).toBe(true);
    expect(dateInRange('2022', '2022-01-01', '2022-12-31')).toBe(true);
    expect(dateInRange('2022', '2022-03-01', '2022-12-31')).toBe(false);
    expect(dateInRange('2022-02-24', '2022-02-25')).toBe(false);
    expect(dateInRange('2022-02-24', '', '2022-02-23')).toBe(false);
  });

  it('reads bounds typed as a year or a month as all of it', () => {
    expect(dateInRange('2025-03-01', '2025')).toBe(true);
    expect(dateInRange('2025-03-01', '', '2025')).toBe(true);
    expect(dateInRange('2025-03-01', '2025-03', '2025-03')).toBe(true);
    expect(dateInRange('2024-12-31', '2025')).toBe(false);
  });

  it('keeps undated things out of any range, and in when there is none', () => {
    expect(dateInRange(null, '2022-01-01')).toBe(false);
    expect(dateInRange(null)).toBe(true);
  });
});
