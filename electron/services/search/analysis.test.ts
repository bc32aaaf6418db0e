import lunr from 'lunr';
import { describe, expect, it } from 'vitest';
import { analyseWord, foldedPattern, HYPHEN, normaliseWord, queryTerm, WORD_END, WORD_START, wordAround, wordSpans, type IndexLanguage } from './analysis';

const words = (text: string, query = false) => wordSpans(text, { query }).map((span) => span.word);
const termsOf = (text: string, language: IndexLanguage) => words(text).flatMap((word) => analyseWord(word, language).map(({ term }) => term));
/** The term a query typed as `text` (one word) looks for. */
const typed = (text: string, language: IndexLanguage = 'en') => queryTerm(words(text, true)[0], language);

describe('acronyms', () => {
  it('reads US, U.S., U.S and US’s as one word, distinct from the pronoun us', () => {
    expect(words('The U.S. and the US, the US’s aid, U.S policy; tell us.')).toEqual([
      'the',
      'u.s.',
      'and',
      'the',
      'u.s.',
      'the',
      'u.s.',
      'aid',
      'u.s.',
      'policy',
      'tell',
      'us',
    ]);
    const pronoun = termsOf('tell us', 'en')[1];
    expect(termsOf('U.S. aid, US aid, U.S aid', 'en').filter((term) => term !== 'aid')).toEqual([typed('US'), typed('US'), typed('US')]);
    expect(typed('US')).not.toBe(pronoun);
  });

  it('folds the dotted and plain forms of U.N., U.K. and E.U. together', () => {
    expect(words('U.N. UN U.K. UK E.U. EU')).toEqual(['un', 'un', 'uk', 'uk', 'eu', 'eu']);
  });

  it('tells WHO the organisation from who', () => {
    expect(words('WHO said who')).toEqual(['w.h.o.', 'said', 'who']);
  });

  it('keeps the acronym inside a compound', () => {
    expect(words('US-led talks')).toEqual(['u.s.-led', 'talks']);
    expect(termsOf('US-led', 'en')).toContain('u.s.');
    expect(termsOf('US-led', 'en')).not.toContain('us');
  });

  it('reads US in a line set in capitals as the plain word, since capitals say nothing there', () => {
    expect(words('WHAT THE US SAID\nThe US said')).toEqual(['what', 'the', 'us', 'said', 'the', 'u.s.', 'said']);
    expect(words('CONTACT US')).toEqual(['contact', 'us']);
    expect(words('US')).toEqual(['u.s.']);
  });

  it('reads a query’s US as the acronym even in capitals, and a lower-case us as the U.S. too', () => {
    expect(words('WHAT THE US SAID', true)).toEqual(['what', 'the', 'u.s.', 'said']);
    expect(words('us sanctions', true)).toEqual(['u.s.', 'sanctions']);
    expect(words('who WHO', true)).toEqual(['who', 'w.h.o.']);
  });

  it('keeps a lower-case us inside a quoted phrase the word, and US in it the acronym', () => {
    const quoted = (text: string) => wordSpans(text, { query: true, quoted: true }).map((span) => span.word);
    expect(quoted('tell us')).toEqual(['tell', 'us']);
    expect(quoted('WHAT THE US SAID')).toEqual(['what', 'the', 'u.s.', 'said']);
  });

  it('finds the acronym in the text it came from in every spelling', () => {
    const pattern = new RegExp(`${WORD_START}${foldedPattern('u.s.')}${WORD_END}`, 'giu');
    expect('U.S. aid, US aid, U.S aid'.match(pattern)).toEqual(['U.S.', 'US', 'U.S']);
  });

  it('gives wordAround the word wordSpans gives', () => {
    const text = 'WHAT THE US SAID\nthe US-led talks and U.S. aid';
    for (const span of wordSpans(text)) expect(wordAround(text, span.start)).toEqual(span);
  });
});

describe('numbers', () => {
  it('reads 15,000, 15.000 and 15 000 (no-break or thin space) as 15000', () => {
    expect(words('15,000 15.000 15\u00A0000 15\u202F000 15\u2009000 1,000,000')).toEqual(['15000', '15000', '15000', '15000', '15000', '1000000']);
  });

  it('leaves decimals, years and ordinary spaces alone', () => {
    expect(words('1.5 2024 3,5 in 2022 15 000')).toEqual(['1', '5', '2024', '3', '5', 'in', '2022', '15', '000']);
  });

  it('finds 15000 in the text however its groups are written', () => {
    const pattern = new RegExp(`${WORD_START}${foldedPattern('15000')}${WORD_END}`, 'giu');
    expect('15,000 and 15.000 and 15\u00A0000 and 15000'.match(pattern)).toHaveLength(4);
  });
});

describe('hyphens and soft hyphens', () => {
  it('counts U+2010 and U+2011 as hyphens inside a word', () => {
    expect(words('cease\u2010fire cease\u2011fire cease-fire')).toEqual(['cease-fire', 'cease-fire', 'cease-fire']);
  });

  it('ignores a soft hyphen inside a word', () => {
    expect(words('nego\u00ADtiations')).toEqual(['negotiations']);
    expect(termsOf('nego\u00ADtiations', 'en')).toEqual(termsOf('negotiations', 'en'));
  });

  it('matches the raw text of such words with foldedPattern', () => {
    const pattern = (word: string) => new RegExp(`${WORD_START}${foldedPattern(word)}${WORD_END}`, 'iu');
    expect(pattern('cease-fire').test('a cease\u2011fire now')).toBe(true);
    expect(pattern('negotiations').test('the nego\u00ADtiations')).toBe(true);
    expect(pattern("прем'єр-міністр").test('прем’єр\u2010міністр')).toBe(true);
    expect(new RegExp(foldedPattern('ceasefir', `${HYPHEN}?`), 'iu').test('cease\u2011fire')).toBe(true);
  });

  it('gives wordAround the whole word from any part of it', () => {
    const text = 'a cease\u2011fire and nego\u00ADtiations';
    const spans = wordSpans(text);
    expect(wordAround(text, text.indexOf('fire'))).toEqual(spans[1]);
  });
});

describe('the language of each word', () => {
  it('stems a Latin word in a Ukrainian or Russian briefing as English', () => {
    for (const language of ['uk', 'ru'] as const) expect(termsOf('negotiations sanctions', language)).toEqual(termsOf('negotiations sanctions', 'en'));
    expect(queryTerm('negotiations', 'uk')).toBe(lunr.stemmer(new lunr.Token('negotiations', {})).toString());
  });

  it('stems a Cyrillic word in an English briefing as Ukrainian or Russian by its letters', () => {
    expect(termsOf('окупацією допомозі', 'en')).toEqual(termsOf('окупацією допомозі', 'uk'));
    expect(termsOf('защиты', 'en')).toEqual(termsOf('защиты', 'ru'));
  });

  it('stems a word with letters only the other language has in that language', () => {
    expect(queryTerm('допомозі', 'ru')).toBe(queryTerm('допомога', 'uk'));
    expect(queryTerm('войны', 'uk')).toBe(queryTerm('война', 'ru'));
  });

  it('stems a word without such letters in the briefing’s own language', () => {
    // -ці is Ukrainian for руці, so Ukrainian briefings put руки and руці on one term.
    expect(queryTerm('руки', 'uk')).toBe(queryTerm('руці', 'uk'));
    expect(queryTerm('руки', 'ru')).toBe(queryTerm('руке', 'ru'));
  });

  it('drops stop words of the word’s own language', () => {
    expect(queryTerm('the', 'uk')).toBeNull();
    expect(queryTerm('і', 'en')).toBeNull();
    expect(queryTerm('что', 'en')).toBeNull();
    expect(analyseWord('the', 'ru')).toEqual([]);
  });

  it('gives a query word the term the index holds for it', () => {
    for (const [text, language] of [
      ['окупацією', 'uk'],
      ['Zelenskyy', 'en'],
      ['negotiations', 'uk'],
      ['прем’єр-міністр', 'uk'],
      ['U.S.', 'en'],
    ] as const) {
      const indexed = termsOf(text, language);
      expect(indexed).toContain(typed(text, language));
    }
  });
});

describe('names', () => {
  const sameTerm = (language: IndexLanguage, ...spellings: string[]) => {
    const terms = spellings.map((spelling) => [spelling, typed(spelling, language)]);
    expect(terms).toEqual(spellings.map((spelling) => [spelling, terms[0][1]]));
  };

  it('folds transliterations and the Ukrainian and Russian spellings of a name, inflected forms included', () => {
    for (const language of ['en', 'uk', 'ru'] as const) {
      sameTerm(language, 'Zelensky', 'Zelenskyy', 'Zelenskiy', 'Zelenskyi', 'Зеленський', 'Зеленського', 'Зеленскому', 'Zelenskyy’s');
      sameTerm(language, 'Kyiv', 'Kiev', 'Київ', 'Києві', 'Києва', 'Киев', 'Киеве');
      sameTerm(language, 'Kharkiv', 'Kharkov', 'Харків', 'Харкові', 'Харьков', 'Харькове');
      sameTerm(language, 'Podoliak', 'Podolyak', 'Подоляк');
      sameTerm(language, 'Odesa', 'Odessa', 'Одеса', 'Одесі', 'Одессе');
      sameTerm(language, 'Lviv', 'Lvov', 'Львів', 'Львові');
      sameTerm(language, 'Mykolaiv', 'Nikolaev', 'Миколаїв', 'Миколаєві', 'Николаеве');
      sameTerm(language, 'Zaporizhzhia', 'Zaporozhye', 'Zaporizhia', 'Запоріжжя', 'Запоріжжі');
      sameTerm(language, 'Luhansk', 'Lugansk');
      sameTerm(language, 'Chernihiv', 'Chernigov', 'Чернігові');
      sameTerm(language, 'Dnipro', 'Dnepr');
      sameTerm(language, 'Vinnytsia', 'Vinnitsa');
      sameTerm(language, 'Yermak', 'Ermak', 'Єрмака');
      sameTerm(language, 'Shmyhal', 'Shmygal');
      sameTerm(language, 'Zaluzhnyi', 'Zaluzhny');
      sameTerm(language, 'Putin', 'Путін', 'Путина');
    }
  });

  it('keeps names apart from words and other names that share their beginning', () => {
    expect(typed('Микола', 'uk')).not.toBe(typed('Миколаїв', 'uk'));
    expect(typed('Nikolai')).not.toBe(typed('Nikolaev'));
    expect(typed('Kyivan')).not.toBe(typed('Kyiv'));
  });

  it('folds Latin -yy, -iy, -yi, -ii endings of transliterated names but no English word', () => {
    expect(typed('Serhiy')).toBe(typed('Serhii'));
    expect(typed('Andriy')).toBe(typed('Andrii'));
    for (const word of ['taxi', 'ski', 'xviii', 'boy', 'policy', 'army', 'daily']) {
      expect(typed(word)).toBe(lunr.stemmer(new lunr.Token(word, {})).toString());
    }
  });
});

describe('normaliseWord', () => {
  it('changes nothing in a word it has normalised', () => {
    for (const raw of ['U.S.', 'US’s', 'WHO', 'Ukraine’s', 'Ёлка', '15\u00A0000', 'cease\u2011fire', 'US-led']) {
      const once = normaliseWord(raw);
      expect(normaliseWord(once)).toBe(once);
    }
  });
});
