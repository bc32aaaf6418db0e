import { describe, expect, it } from 'vitest';
import { formatDate, readingTime } from './format';

describe('formatDate', () => {
  it('shows dates at the precision the source gave, in UTC', () => {
    expect(formatDate('2022-02-24', 'en-US')).toBe('Feb 24, 2022');
    expect(formatDate('2022-02-24T23:59:00', 'en-US')).toBe('Feb 24, 2022');
    expect(formatDate('2022', 'en-US')).toBe('2022');
    expect(formatDate('2022-03', 'en-US')).toBe('March 2022');
    expect(formatDate(null)).toBe('Undated');
  });
});

describe('readingTime', () => {
  it('rounds to whole minutes, at least one', () => {
    expect(readingTime(0)).toBe('');
    expect(readingTime(50)).toBe('1 min read');
    expect(readingTime(2300)).toBe('10 min read');
  });
});
