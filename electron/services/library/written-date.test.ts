import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from './parse-markdown';
import { normaliseDate } from './written-date';

const sample = (path: string) => readFileSync(fileURLToPath(new URL(`../../../content/${path}`, import.meta.url)), 'utf8');

describe('normaliseDate', () => {
  it.each([
    ['2022-03-08', '2022-03-08'],
    ['2022-02-24T01:39:42', '2022-02-24T01:39:42'],
    ['2022-02-24 01:39', '2022-02-24T01:39:00'],
    ['2022-03-08 10:00 +0300', '2022-03-08'],
    ['2022', '2022'],
    ['2022-09', '2022-09'],
    ['2022 (September general debate)', '2022-09'],
    ['September 2022', '2022-09'],
    ['Sept. 2022', '2022-09'],
    ['вересня 2022', '2022-09'],
    ['сентябрь 2022 г.', '2022-09'],
    ['12 March 2022', '2022-03-12'],
    ['March 8, 2022', '2022-03-08'],
    ['March 8th, 2022', '2022-03-08'],
    ['12 березня 2022 року', '2022-03-12'],
    ['24 февраля 2022 г.', '2022-02-24'],
    ['Tue, 08 Mar 2022 10:00:00 GMT', '2022-03-08'],
    ['08.03.2022', '2022-03-08'],
    ['2022/03/08', '2022-03-08'],
    ['2022 (general debate)', '2022'],
    ['September–October 2022', '2022'],
    ['30 February 2022', '2022-02'],
    ['2022-02-30', '2022'],
    ['unknown (2022-2023)', null],
    ['2022 or 2023', null],
    ['soon', null],
    ['', null],
    [null, null],
  ])('reads %j as %j, never inventing a month or day', (input, expected) => {
    expect(normaliseDate(input)).toBe(expected);
  });

  it('dates the UN General Debate speeches in the sample library to September 2022, not January 1', () => {
    for (const file of ['2022-ukraine-zelenskyy-unga-77-general-debate.md', '2022-russia-lavrov-unga-77-general-debate.md']) {
      expect(parseMarkdown(file, sample(`un-general-debate/${file}`)).date).toBe('2022-09');
    }
  });

  it('keeps a bare year in front matter a year', () => {
    expect(parseMarkdown('a.md', '---\ndate: 2022\n---\nText.').date).toBe('2022');
  });
});
