import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { contradictedLanguage, detectLanguage, languageFromMetadata } from './language';
import { splitFrontMatter } from './front-matter';

const sample = '../../../content/president-of-ukraine';
const CORPUS = fileURLToPath(new URL('../../../../shared/corpus/briefings/', import.meta.url));
const read = async (path: string) => splitFrontMatter(await readFile(new URL(`${sample}/${path}`, import.meta.url), 'utf8')).body;
/** Written for this test: a Russian paragraph of the kind a briefing quotes, long enough to judge. */
const RUSSIAN =
  'Министерство иностранных дел заявило, что переговоры будут продолжены на следующей неделе. ' +
  'Стороны обсудили вопросы безопасности, обмена пленными и гуманитарных коридоров для мирного населения. ' +
  'По словам представителя ведомства, объявленные договорённости пока не выполнены, и ответственность за это лежит на другой стороне.';

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

describe('a front matter language the text contradicts', () => {
  it('is named when the whole text is in another language', async () => {
    const ukrainian = await read('uk/2022-03-19-meaningful-talks-on-peace-and-security-uk.md');
    const english = await read('en/2022-03-19-meaningful-talks-on-peace-and-security.md');
    expect(contradictedLanguage('en', ukrainian)).toBe('uk');
    expect(contradictedLanguage('ru', ukrainian)).toBe('uk');
    expect(contradictedLanguage('uk', english)).toBe('en');
    expect(contradictedLanguage('uk', RUSSIAN)).toBe('ru');
    expect(contradictedLanguage('en', RUSSIAN)).toBe('ru');
  });

  it('is not named when the text agrees, is short, is mixed, or no language was declared', async () => {
    const english = await read('en/2022-03-19-meaningful-talks-on-peace-and-security.md');
    expect(contradictedLanguage('en', english)).toBeNull();
    expect(contradictedLanguage('ru', RUSSIAN)).toBeNull();
    expect(contradictedLanguage('en', 'Слава Україні! Героям слава!')).toBeNull();
    // An English statement that quotes a long Ukrainian passage is still English.
    expect(
      contradictedLanguage('en', `${english.slice(0, 2500)}\n\n${(await read('uk/2022-03-19-meaningful-talks-on-peace-and-security-uk.md')).slice(0, 1200)}`),
    ).toBeNull();
    expect(contradictedLanguage('und', RUSSIAN)).toBeNull();
  });

  it('flags no briefing of the shared corpus, whose front matter is right', async () => {
    const flagged: string[] = [];
    for (const folder of readdirSync(CORPUS)) {
      for (const name of readdirSync(`${CORPUS}${folder}`).filter((file) => file.endsWith('.md'))) {
        const { metadata, body } = splitFrontMatter(await readFile(`${CORPUS}${folder}/${name}`, 'utf8'));
        const declared = languageFromMetadata(metadata.language);
        expect(declared, `${folder}/${name} declares a language`).not.toBeNull();
        if (contradictedLanguage(declared!, body)) flagged.push(`${folder}/${name}`);
      }
    }
    expect(flagged).toEqual([]);
  });
});
