import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BriefingSummary } from '../../common/model';
import type { SnippetPart } from '../../common/search-model';
import { queryTerm, wordSpans, type IndexLanguage } from './analysis';
import { loadSearchDoc, type SearchDoc } from './search-document';
import { containsPhrase, highlight, type Highlighting, type MatchedWords } from './snippet';

/** Snippets and phrase checks on real briefings (shared/corpus/README.md), as the search index holds their text. */
const BRIEFINGS = fileURLToPath(new URL('../../../../shared/corpus/briefings/', import.meta.url));
const available = existsSync(BRIEFINGS);
if (!available) console.log(`snippet tests: skipped, the corpus folder ${BRIEFINGS} is missing`);

/** The text search cuts snippets from, read and parsed as the app does. */
async function briefing(path: string): Promise<SearchDoc> {
  const [folder, id] = path.split('/');
  const doc = await loadSearchDoc(`${BRIEFINGS}${folder}`, { id, format: 'markdown' } as BriefingSummary);
  if (!doc) throw new Error(`${path} could not be read`);
  return doc;
}

const docOf = (doc: SearchDoc, text: string, title = doc.title): SearchDoc => ({ ...doc, text, title });

const words = (text: string) => wordSpans(text).map((span) => span.word);

/** What a result matched for `query`, as the engine passes it: the query words' terms, the words themselves as the vocabulary's spellings. */
function matched(query: string, language: IndexLanguage = 'en'): MatchedWords {
  const meaningful = words(query).filter((word) => queryTerm(word, language) !== null);
  return { terms: new Set(meaningful.map((word) => queryTerm(word, language)!)), surfaces: meaningful };
}

const marked = (highlighting: Highlighting) => highlighting.snippet.filter((part) => part.hit).map((part) => part.text);
const shown = (snippet: readonly SnippetPart[]) => snippet.map((part) => part.text).join('');
/** Where `phrase` (its words apart by any spacing or punctuation) first appears in `text`. */
const indexOf = (text: string, phrase: string) => text.search(new RegExp(phrase.split(' ').join('[^\\p{L}\\p{N}]+'), 'iu'));

describe.runIf(available)('snippets of real briefings', () => {
  let ukraine2018: SearchDoc;
  let ukraine2022: SearchDoc;
  beforeAll(async () => {
    ukraine2018 = await briefing('un-debate/2018_UKR_73.md');
    ukraine2022 = await briefing('un-debate/2022_UKR_77.md');
  });

  it('centres a phrase’s snippet on where it first appears, the phrase’s words marked there', () => {
    // `peace` and `formula` are both in the speech's opening; the phrase comes later.
    const highlighting = highlight(ukraine2022, matched('peace formula'), [['peace', 'formula']]);
    expect(highlighting.at).toBe(indexOf(ukraine2022.text, 'peace formula'));
    expect(highlighting.at).toBeGreaterThan(indexOf(ukraine2022.text, 'peace'));
    const parts = highlighting.snippet;
    const first = parts.findIndex((part) => part.hit && part.text === 'peace');
    expect(parts[first + 2]).toEqual({ text: 'formula', hit: true });
    const before = words(shown(parts.slice(0, first))).length;
    const after = words(shown(parts.slice(first + 3))).length;
    expect(before).toBeGreaterThanOrEqual(10);
    expect(Math.abs(before - after)).toBeLessThanOrEqual(1);
    expect(highlighting.titleOnly).toBe(false);
  });

  it('shows a long phrase whole, every word of it marked, stop words included', () => {
    const phrase = 'who is the only one who wants war There is only one entity among all UN Member States';
    const highlighting = highlight(ukraine2022, matched(phrase), [words(phrase)]);
    expect(highlighting.at).toBe(indexOf(ukraine2022.text, phrase));
    expect(marked(highlighting).join(' ')).toContain('who is THE ONLY ONE who wants war There is only one entity among all UN Member States');
    const text = shown(highlighting.snippet);
    expect(words(text.slice(0, text.indexOf('who is THE'))).length).toBeGreaterThanOrEqual(6);
    expect(words(text.slice(text.indexOf('Member States') + 'Member States'.length)).length).toBeGreaterThanOrEqual(6);
    // The reader highlights hitWords everywhere: the phrase's stop words would light up every `is` and `the`.
    expect(highlighting.hitWords).not.toContain('is');
    expect(highlighting.hitWords).not.toContain('THE');
    expect(highlighting.hitWords).toEqual(expect.arrayContaining(['ONLY', 'war', 'entity', 'Member', 'States']));
  });

  it('marks only the words that matched: not the query’s stop words, nor words that merely begin like one', () => {
    const line = ukraine2018.text.slice(indexOf(ukraine2018.text, 'to react to the emerging threats'), indexOf(ukraine2018.text, 'Peacekeeping concept'));
    const highlighting = highlight(docOf(ukraine2018, line), matched('peace and security'));
    expect(marked(highlighting)).toEqual(['peace', 'security']);
    expect(shown(highlighting.snippet)).toContain(
      'international peace and security. Ukraine fully shares the approach of the Secretary-General to the peacekeeping activity',
    );
    expect(highlighting.hitWords).toEqual(['peace', 'security']);
  });

  it('marks every inflected form that analyses to a matched term, and gives them as written', () => {
    const highlighting = highlight(ukraine2018, matched('nations'));
    expect(marked(highlighting).length).toBeGreaterThan(0);
    for (const word of marked(highlighting)) expect(word).toMatch(/^Nations?(-mandated)?$/);
    expect(highlighting.hitWords).toEqual(expect.arrayContaining(['Nations', 'Nations-mandated']));
  });

  it('says when only the title matched: the text’s opening, nothing marked', async () => {
    const lavrov = await briefing('un-debate/2014_RUS_69.md');
    expect(lavrov.title).toContain('Lavrov');
    const highlighting = highlight(lavrov, matched('lavrov'));
    expect(highlighting).toMatchObject({ at: null, titleOnly: true, hitWords: [] });
    expect(marked(highlighting)).toEqual([]);
    expect(shown(highlighting.snippet)).toMatch(
      /^There is growing evidence today of a contradiction between the need for collective and partnership efforts .* …$/,
    );
  });

  it('does not claim a title match when the title holds none of the words either', () => {
    const highlighting = highlight(ukraine2018, matched('reykjavik'));
    expect(highlighting).toMatchObject({ at: null, titleOnly: false, hitWords: [] });
    expect(marked(highlighting)).toEqual([]);
  });

  it('finds a phrase typed with another apostrophe, not inside a longer compound', async () => {
    const lithuania = await briefing('zelensky-uk/2022-04-11_a-1sRIwY_s0.md');
    expect(lithuania.text).toContain('Премʼєр-міністр Литви');
    const phrase = words("прем'єр-міністр литви");
    expect(containsPhrase(lithuania.text, phrase)).toBe(true);
    const highlighting = highlight(lithuania, matched("прем'єр-міністр литви", 'uk'), [phrase]);
    expect(marked(highlighting)).toEqual(['Премʼєр-міністр', 'Литви']);

    const poland = await briefing('zelensky-uk/2022-03-16_HXIPiuXraik.md');
    expect(poland.text).toContain('віце-премʼєр-міністр пан');
    expect(containsPhrase(poland.text, words("прем'єр-міністр пан"))).toBe(false);
  });
});

describe.runIf(available)('a 40,000-word transcript', () => {
  let transcript: SearchDoc;
  beforeAll(async () => {
    const folder = `${BRIEFINGS}un-debate`;
    const docs = await Promise.all(
      readdirSync(folder)
        .sort()
        .map((id) => briefing(`un-debate/${id}`)),
    );
    const text = docs.map((doc) => doc.text).join('\n\n');
    transcript = docOf(docs[0], text.slice(0, wordSpans(text)[39_999].end), 'UN General Debate, 2014–2024');
  });

  it('cuts the snippet where a word first appears near the end', () => {
    const highlighting = highlight(transcript, matched('pernicious'));
    expect(highlighting.at).toBe(indexOf(transcript.text, 'pernicious'));
    expect(highlighting.at).toBeGreaterThan(transcript.text.length * 0.85);
    expect(marked(highlighting)).toEqual(['pernicious']);
    expect(shown(highlighting.snippet).length).toBeLessThan(400);
  });

  it('centres on a phrase that first appears at its very end, though its words are everywhere', () => {
    const phrase = 'invaded its neighbour and attempted to erase';
    const highlighting = highlight(transcript, matched(phrase), [words(phrase)]);
    expect(highlighting.at).toBe(indexOf(transcript.text, phrase));
    expect(highlighting.at).toBeGreaterThan(transcript.text.length * 0.99);
    expect(marked(highlighting)).toEqual(words(phrase));
    // Nothing follows the map, so the words missing after it are shown before.
    expect(shown(highlighting.snippet)).toBe(
      '… one man, to be very blunt. Let me speak plainly. A permanent member of the Security Council invaded its neighbour and attempted to erase a sovereign State from the map',
    );
    expect(words(shown(highlighting.snippet))).toHaveLength(30);
  });

  it('says whether it holds a phrase exactly as a word-by-word reading of it does', () => {
    const text = transcript.text;
    const spans = wordSpans(text);
    const plain = (word: string) => /^\p{Ll}{2,}$/u.test(word) && word !== 'us' && word !== 'who';
    let found = 0;
    for (let start = 17; start < spans.length - 8; start += 397) {
      const present = spans.slice(start, start + 2 + (start % 5)).map((span) => span.word);
      if (!present.every(plain)) continue;
      // The same words with the last one taken from far away: present only by chance.
      const shuffled = [...present.slice(0, -1), spans[(start * 7) % spans.length].word];
      for (const phrase of [present, shuffled]) {
        const expected = firstAppearance(spans, phrase);
        expect(containsPhrase(text, phrase), phrase.join(' ')).toBe(expected !== null);
        if (expected !== null) expect(highlight(transcript, matched(phrase.join(' ')), [phrase]).at, phrase.join(' ')).toBe(expected);
        if (expected !== null) found++;
      }
    }
    expect(found).toBeGreaterThan(90);
  });
});

/** Where the words of `phrase` first follow one another in `spans`, read word by word. */
function firstAppearance(spans: readonly { word: string; start: number }[], phrase: readonly string[]): number | null {
  for (let i = 0; i + phrase.length <= spans.length; i++) if (phrase.every((word, j) => spans[i + j].word === word)) return spans[i].start;
  return null;
}

describe.runIf(available)('hostile text', () => {
  let ukraine2018: SearchDoc;
  beforeAll(async () => {
    ukraine2018 = await briefing('un-debate/2018_UKR_73.md');
  });

  it('passes over a 1 MB "word" to the real hit after it, with a short snippet', () => {
    const sentence = ukraine2018.text.slice(indexOf(ukraine2018.text, 'to react to the emerging threats'), indexOf(ukraine2018.text, 'Peacekeeping concept'));
    const text = `${'peace'.repeat(200_000)} ${sentence}`;
    const highlighting = highlight(docOf(ukraine2018, text), matched('peace security'));
    expect(highlighting.at).toBe(indexOf(text, 'international peace') + 'international '.length);
    expect(marked(highlighting)).toEqual(['peace', 'security']);
    expect(shown(highlighting.snippet).length).toBeLessThan(400);
    expect(highlighting.hitWords).toEqual(['peace', 'security']);
  });

  it('marks a window of a text with 100,000 hits, and finds a phrase only at its end', () => {
    const sentence = 'Peace and security. ';
    const text = `${sentence.repeat(100_000)}Security and peace.`;
    const doc = docOf(ukraine2018, text);
    const highlighting = highlight(doc, matched('peace security'));
    expect(highlighting.at).toBe(0);
    expect(marked(highlighting)).toHaveLength(20);
    expect(highlighting.hitWords).toEqual(['Peace', 'security']);
    expect(shown(highlighting.snippet).length).toBeLessThan(400);

    // `peace` and `security`, the longest words, are everywhere; the phrases are only at the end, or nowhere.
    expect(containsPhrase(text, ['and', 'security', 'and'])).toBe(false);
    expect(containsPhrase(text, ['and', 'peace'])).toBe(true);
    const atEnd = highlight(doc, matched('and peace'), [['and', 'peace']]);
    expect(atEnd.at).toBe(text.length - 'and peace.'.length);
    expect(marked(atEnd).slice(-2)).toEqual(['and', 'peace']);
  });

  it('tells letters of other scripts from the spacing between words', () => {
    // Patterns made per query sift with Latin and Cyrillic letters only; the rest is told exactly.
    expect(containsPhrase('peace and security', ['peace', 'and', 'security'])).toBe(true);
    expect(containsPhrase('peace α and security', ['peace', 'and', 'security'])).toBe(false);
    expect(containsPhrase('ειρήνηpeace and security', ['peace', 'and', 'security'])).toBe(false);
    const highlighting = highlight(docOf(ukraine2018, 'ειρήνηpeace, then peace and security.'), matched('peace'));
    expect(marked(highlighting)).toEqual(['peace']);
    expect(highlighting.at).toBe('ειρήνηpeace, then '.length);
  });

  it('keeps a phrase’s words within a line or two of each other', () => {
    const phrase = ['peace', 'and', 'security'];
    expect(containsPhrase('peace\n\n— and, “security”', phrase)).toBe(true);
    expect(containsPhrase(`peace ${'-'.repeat(100)} and security`, phrase)).toBe(false);
  });
});
