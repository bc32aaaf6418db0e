import type { Passage } from './corpus';
import { mulberry32 } from './seeded-random';

const SEED = 20_240_917;
/** A second seed for the type-ahead and phrase queries, so that the first 240 stay as they were. */
const TYPED_SEED = 20_261_130;
const QUERIES = 240;
/** Words typed letter by letter (each gives one query per state from its third letter on). */
const TYPED_WORDS = 10;
const PHRASES = 40;

const STOP_WORDS = new Set(
  `about above after again against also among because been before being below between both could does doing down during each
  even ever every from further have having here into itself just many more most much must only other ours over same shall
  should some such than that their theirs them then there these they this those through under until upon very were what when
  where which while whom will with within without would your yours made make well like ourselves themselves`.split(/\s+/),
);

/** Lowercase words of four letters or more that are not stop words, in passage order. */
export const contentWords = (text: string) => (text.toLowerCase().match(/[a-z]+/g) ?? []).filter((word) => word.length >= 4 && !STOP_WORDS.has(word));

/**
 * The fixed query list, chosen by seeded generators from `passages`, all runs of neighbouring
 * words of one passage (so that words that are all required still meet):
 * - 240 of one to three content words: about 60% whole words ending in a space, 20% ending in a
 *   word cut to a prefix of four letters or more (no space: typing), 20% with one word misspelled
 *   by swapping two inner letters;
 * - type-ahead: ten words of seven letters or more, each typed letter by letter from its third
 *   letter to its last (no space), half of them after a whole word, as the search box sends them;
 * - 40 quoted phrases of two to four words as written, stop words included, then a space.
 */
export function makeQueries(passages: Passage[]): string[] {
  return [...wordQueries(passages), ...typedQueries(passages), ...phraseQueries(passages)];
}

function wordQueries(passages: Passage[]): string[] {
  const random = mulberry32(SEED);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
  const queries: string[] = [];
  while (queries.length < QUERIES) {
    const words = contentWords(pick(passages).text);
    const count = 1 + Math.floor(random() * 3);
    if (words.length < count) continue;
    const from = Math.floor(random() * (words.length - count + 1));
    const chosen = words.slice(from, from + count);
    const kind = queries.length % 5; // 0–2 whole words, 3 prefix, 4 misspelled
    if (kind === 3) {
      const last = chosen[count - 1];
      if (last.length < 5) continue;
      chosen[count - 1] = last.slice(0, 4 + Math.floor(random() * (last.length - 4)));
      queries.push(chosen.join(' '));
    } else if (kind === 4) {
      const at = Math.floor(random() * count);
      const word = chosen[at];
      const i = 1 + Math.floor(random() * (word.length - 3)); // swaps letters i and i+1, never the first or last
      if (word[i] === word[i + 1]) continue;
      chosen[at] = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
      queries.push(`${chosen.join(' ')} `);
    } else {
      queries.push(`${chosen.join(' ')} `);
    }
  }
  return queries;
}

function typedQueries(passages: Passage[]): string[] {
  const random = mulberry32(TYPED_SEED);
  const queries: string[] = [];
  for (let typed = 0; typed < TYPED_WORDS;) {
    const words = contentWords(passages[Math.floor(random() * passages.length)].text);
    const at = 1 + Math.floor(random() * (words.length - 1));
    const word = words[at];
    if (!word || word.length < 7) continue;
    const before = typed % 2 === 1 ? `${words[at - 1]} ` : '';
    for (let length = 3; length <= word.length; length++) queries.push(before + word.slice(0, length));
    typed++;
  }
  return queries;
}

function phraseQueries(passages: Passage[]): string[] {
  const random = mulberry32(TYPED_SEED + 1);
  const queries: string[] = [];
  while (queries.length < PHRASES) {
    const words = passages[Math.floor(random() * passages.length)].text.match(/[A-Za-z]+(?:['’][a-z]+)?/g) ?? [];
    const count = 2 + Math.floor(random() * 3);
    if (words.length < count) continue;
    const from = Math.floor(random() * (words.length - count + 1));
    const chosen = words.slice(from, from + count);
    // A phrase of function words alone ("of the") is not what anyone quotes.
    if (contentWords(chosen.join(' ')).length === 0) continue;
    queries.push(`"${chosen.join(' ')}" `);
  }
  return queries;
}
