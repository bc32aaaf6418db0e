import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { detectLanguage, languageFromMetadata } from './language';
import { splitFrontMatter } from './front-matter';

const sample = '../../../content/president-of-ukraine';

describe('language', () => {
  it.each([
    ['uk', 'uk'],
    ['en-US', 'en'],
    ['Ukrainian', 'uk'],
    ['en (official UN English version)', 'en'],
    ['ru', 'ru'],
    ['klingon', null],
    [42, null],
  ])('reads front matter language %j as %j', (value, expected) => {
    expect(languageFromMetadata(value)).toBe(expected);
  });

  it('tells Ukrainian, Russian and English apart on real text', async () => {
    const read = async (path: string) => splitFrontMatter(await readFile(new URL(`${sample}/${path}`, import.meta.url), 'utf8')).body;
    expect(detectLanguage(await read('uk/2022-03-19-meaningful-talks-on-peace-and-security-uk.md'))).toBe('uk');
    expect(detectLanguage(await read('en/2022-03-19-meaningful-talks-on-peace-and-security.md'))).toBe('en');
    expect(detectLanguage('Мы будем защищать нашу страну, это наш общий долг перед будущими поколениями и перед всем миром.')).toBe('ru');
    expect(detectLanguage('The United States and Ukraine agreed on twenty-two concrete steps toward a ceasefire.')).toBe('en');
  });

  it('falls back on letters for very short text', () => {
    expect(detectLanguage('Київ і їжак')).toBe('uk');
    expect(detectLanguage('Съезд')).toBe('ru');
    expect(detectLanguage('12 34')).toBe('und');
  });
});
