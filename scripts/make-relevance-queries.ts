/**
 * `npx tsx scripts/make-relevance-queries.ts`: writes bench/relevance/queries.json, the labelled
 * known-item queries of `npm run bench -- relevance`, from the shared corpus alone (its text as the
 * app's parser reads it, never anything a search returns), with a seeded generator so the same
 * corpus always gives the same file.
 *
 * A query is what a person types who remembers one document: words of one passage of it in other
 * inflected forms (`inflected`), a quoted run of its words (`phrase`), its words with one typo
 * (`typo`), or with the last word half typed (`prefix`); plus the hand-written queries of
 * bench/relevance/hand-queries.json. The words come from one 40-word window, are distinctive (few
 * documents hold them) and together are held by no document outside the target's group, so the
 * target is the one right answer. Documents that are near-duplicates (word 5-shingle Jaccard at or
 * over DUPLICATE_JACCARD) form one group: any member is a right answer.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Language } from '../electron/common/model';
import { openRelevanceLibrary, type RelevanceDoc } from '../bench/relevance-corpus';
import { mulberry32 } from '../bench/seeded-random';
import { inflections } from '../bench/relevance-inflect';
import type { HandQuery, QueryKind, RelevanceQuery, RelevanceSet } from '../bench/relevance-set';

const SEED = 20_261_130;
const OUT = fileURLToPath(new URL('../bench/relevance/queries.json', import.meta.url));
const HAND = fileURLToPath(new URL('../bench/relevance/hand-queries.json', import.meta.url));
/** Near-duplicates: most of their 5-word runs are shared. Translations share none, so twins stay apart. */
const DUPLICATE_JACCARD = 0.5;
const SHINGLE = 5;
/** A distinctive word is held by at most this many document groups. */
const DF_MAX = 6;
const WINDOW = 40;
/** At most this many generated queries target one document, so long documents do not dominate. */
const PER_DOC = 2;
/** Queries per language and kind (Russian text is scarce: one order excerpt and the Cyrillic names of one Treasury release). */
const QUOTAS: Record<'en' | 'uk' | 'ru', Record<Exclude<QueryKind, 'hand'>, number>> = {
  en: { inflected: 20, phrase: 16, typo: 16, prefix: 16 },
  uk: { inflected: 14, phrase: 12, typo: 10, prefix: 10 },
  ru: { inflected: 5, phrase: 5, typo: 4, prefix: 4 },
};
/** Not targets: German text tagged English, and OCR layers of scans whose words are partly debris. */
const NOT_TARGETS = [/-de\.pdf$/, /scan-ocr/];
const STOP_WORDS = new Set(
  `about above after again against also among because been before being below between both could does doing during
  every from further have having here into itself just many more most much must only other ours over same shall should
  some such than that their theirs them then there these they this those through under until upon very were what when
  where which while whom will with within without would your yours ourselves themselves`.split(/\s+/),
);

/** A word as the generator counts them: letters and digits, joined by inner hyphens or apostrophes. */
const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;
const lower = (word: string) => word.toLowerCase().replace(/’/g, "'");
const isCyrillic = (word: string) => /\p{Script=Cyrillic}/u.test(word);

interface Indexed {
  doc: RelevanceDoc;
  group: number;
  /** The text's words in order, as written. */
  words: string[];
  /** Lower-cased words of text and title, with the parts of hyphenated words. */
  vocabulary: Set<string>;
  /** Lower-cased words of the text joined by single spaces, framed by spaces, for phrase look-ups. */
  joined: string;
}

const random = mulberry32(SEED);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
const windowCache = new Map<string, number[]>();
/** Keyboard rows (English, Ukrainian, Russian), for a typo that hits the next key. */
const ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm', 'йцукенгшщзхї', 'фівапролджє', 'ячсмитьбю', 'йцукенгшщзхъ', 'фывапролджэ', 'ячсмитьбю'];

const library = await openRelevanceLibrary();
try {
  const indexed = index(library.docs);
  const groups = groupsOf(indexed);
  console.error(`[relevance] ${indexed.length} documents in ${groups.length} groups; duplicates: ${JSON.stringify(groups.filter((g) => g.length > 1))}`);
  const postings = new Map<string, Set<number>>();
  for (const entry of indexed) for (const word of entry.vocabulary) (postings.get(word) ?? postings.set(word, new Set()).get(word)!).add(entry.group);
  const corpusVocabulary = new Set(postings.keys());
  const distinctive = (word: string) => word.length >= 5 && /^\p{L}+$/u.test(word) && !STOP_WORDS.has(word) && (postings.get(word)?.size ?? 0) <= DF_MAX;
  /** True when no group but `group` holds all the words. */
  const unique = (words: string[], group: number) => {
    let holders = new Set(postings.get(words[0]) ?? []);
    for (const word of words.slice(1)) holders = new Set([...holders].filter((g) => postings.get(word)?.has(g)));
    return holders.size === 1 && holders.has(group);
  };

  const queries: RelevanceQuery[] = [];
  const perDoc = new Map<string, number>();
  for (const language of ['en', 'uk', 'ru'] as const) {
    const pool = indexed.filter((entry) => !NOT_TARGETS.some((pattern) => pattern.test(entry.doc.id)) && windowsIn(entry, language).length > 0);
    for (const [kind, quota] of Object.entries(QUOTAS[language]) as [Exclude<QueryKind, 'hand'>, number][]) {
      let made = 0;
      for (let attempt = 0; made < quota && attempt < 20_000; attempt++) {
        const entry = pick(pool);
        if ((perDoc.get(entry.doc.id) ?? 0) >= PER_DOC && attempt < 10_000) continue;
        const start = pick(windowsIn(entry, language));
        const window = entry.words.slice(start, start + WINDOW);
        const made1 = makeQuery(kind, language, entry, window, made);
        if (!made1 || queries.some((query) => query.query === made1.query)) continue;
        queries.push({ ...made1, kind, lang: language, target: entry.doc.id, targets: groups[entry.group] });
        perDoc.set(entry.doc.id, (perDoc.get(entry.doc.id) ?? 0) + 1);
        made++;
      }
      console.error(`[relevance] ${language} ${kind}: ${made} of ${quota}`);
    }
  }

  function makeQuery(
    kind: QueryKind,
    language: Language,
    entry: Indexed,
    window: string[],
    made: number,
  ): Omit<RelevanceQuery, 'kind' | 'lang' | 'target' | 'targets'> | null {
    const candidates = [...new Set(window.map(lower))].filter(distinctive);
    if (kind === 'phrase') return phraseFrom(window, entry, made);
    if (kind === 'inflected') {
      const inflectable = candidates.flatMap((word) => {
        const forms = inflections(word, language).filter((form) => !entry.vocabulary.has(form));
        const attested = forms.filter((form) => corpusVocabulary.has(form));
        // Russian text is too scarce to attest forms in; its table's endings of two letters or more are trusted.
        const trusted = language === 'ru' ? inflections(word, language, 2).filter((form) => !entry.vocabulary.has(form)) : [];
        const chosen = attested.length > 0 ? attested : trusted;
        return chosen.length > 0 ? [{ word, form: pick(chosen) }] : [];
      });
      const chosen = sample(inflectable, between(2, 4));
      if (
        chosen.length < 2 ||
        !unique(
          chosen.map((c) => c.word),
          entry.group,
        )
      )
        return null;
      return { query: `${chosen.map((c) => c.form).join(' ')} `, words: chosen.map((c) => c.word) };
    }
    const chosen = sample(candidates, between(2, 3));
    if (chosen.length < 2 || !unique(chosen, entry.group)) return null;
    const last = chosen.length - 1;
    if (kind === 'typo') {
      const at = chosen.findIndex((word) => word.length >= 6);
      if (at < 0) return null;
      const typo = typoOf(chosen[at]);
      if (typo === chosen[at] || corpusVocabulary.has(typo)) return null;
      return { query: `${chosen.map((word, i) => (i === at ? typo : word)).join(' ')} `, words: chosen };
    }
    if (chosen[last].length < 6) return null;
    const cut = between(Math.ceil(chosen[last].length / 2), chosen[last].length - 2);
    return { query: [...chosen.slice(0, last), chosen[last].slice(0, cut)].join(' '), words: chosen };
  }

  /** A run of 2–4 words of the window with a distinctive word, found in no other group; a third of them hold a hyphen or apostrophe. */
  function phraseFrom(window: string[], entry: Indexed, made: number): Omit<RelevanceQuery, 'kind' | 'lang' | 'target' | 'targets'> | null {
    const joined = /[-'’]/;
    // Now and then a hyphenated run is not insisted on, so a text without one still gives phrases.
    const wantJoined = made % 3 === 0 && random() < 0.8;
    const starts = window.map((_, i) => i).filter((i) => (wantJoined ? window.slice(i, i + 4).some((word) => joined.test(word)) : true));
    if (starts.length === 0) return null;
    const start = pick(starts);
    const run = window.slice(start, start + between(2, 4));
    if (run.length < 2 || (wantJoined && !run.some((word) => joined.test(word)))) return null;
    if (!run.some((word) => distinctive(lower(word)) || (joined.test(word) && lower(word).split(/[-']/).some(distinctive)))) return null;
    // Copied from one sentence: two words of substance, nothing but spaces or a line wrap (PDF text) between them.
    if (run.filter((word) => word.length >= 4 && !STOP_WORDS.has(lower(word))).length < 2) return null;
    if (!new RegExp(run.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('(?:[ \u00a0]+|[ \u00a0]*\n[ \u00a0]*)'), 'u').test(entry.doc.text))
      return null;
    const text = ` ${run.map(lower).join(' ')} `;
    if (indexed.some((other) => other.group !== entry.group && other.joined.includes(text))) return null;
    // Half the phrases with a typographic apostrophe are typed with a straight one.
    const typed = made % 2 ? run.join(' ').replace(/’/g, "'") : run.join(' ');
    return { query: `"${typed}" `, words: run.map(lower) };
  }

  function windowsIn(entry: Indexed, language: 'en' | 'uk' | 'ru'): number[] {
    const key = `${entry.doc.id}\u0000${language}`;
    const cached = windowCache.get(key);
    if (cached) return cached;
    const starts: number[] = [];
    for (let i = 0; i + 10 <= entry.words.length; i += WINDOW / 2) {
      const window = entry.words.slice(i, i + WINDOW);
      const cyrillic = window.filter(isCyrillic).length;
      const is =
        cyrillic * 2 > window.length
          ? window.some((word) => /[іїєґ]/i.test(word)) || entry.doc.language === 'uk'
            ? 'uk'
            : 'ru'
          : cyrillic === 0
            ? 'en'
            : null;
      if (is === language) starts.push(i);
    }
    windowCache.set(key, starts);
    return starts;
  }

  const hand = JSON.parse(await readFile(HAND, 'utf8')) as HandQuery[];
  const byId = new Map(indexed.map((entry) => [entry.doc.id, entry]));
  for (const item of hand) {
    const entry = byId.get(item.target);
    if (!entry) throw new Error(`hand-written query ${JSON.stringify(item.query)}: no readable document ${item.target}`);
    queries.push({ query: item.query, kind: 'hand', lang: item.lang, target: item.target, targets: groups[entry.group], note: item.note });
  }

  const set: RelevanceSet = {
    about: 'Made by scripts/make-relevance-queries.ts from ../shared/corpus; do not edit (hand-written queries: hand-queries.json).',
    seed: SEED,
    duplicateJaccard: DUPLICATE_JACCARD,
    duplicateGroups: groups.filter((group) => group.length > 1),
    queries,
  };
  await writeFile(OUT, `${JSON.stringify(set, null, 1)}\n`);
  console.error(`[relevance] wrote ${queries.length} queries to ${OUT}`);
} finally {
  await rm(dirname(library.root), { recursive: true, force: true });
}

function index(docs: RelevanceDoc[]): Indexed[] {
  return docs.map((doc) => {
    const words = doc.text.match(WORD) ?? [];
    const vocabulary = new Set<string>();
    for (const word of [...words, ...(doc.title.match(WORD) ?? [])]) {
      const low = lower(word);
      vocabulary.add(low);
      for (const part of low.split(/[-']/)) vocabulary.add(part);
    }
    return { doc, group: -1, words, vocabulary, joined: ` ${words.map(lower).join(' ')} ` };
  });
}

/** Groups of near-duplicate documents (single linkage), each as its sorted ids; sets `group` on each entry. */
function groupsOf(entries: Indexed[]): string[][] {
  const shingles = entries.map((entry) => {
    const set = new Set<string>();
    const words = entry.words.map(lower);
    for (let i = 0; i + SHINGLE <= words.length; i++) set.add(words.slice(i, i + SHINGLE).join(' '));
    return set;
  });
  const parent = entries.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
  for (let a = 0; a < entries.length; a++) {
    for (let b = a + 1; b < entries.length; b++) {
      const [small, large] = shingles[a].size <= shingles[b].size ? [shingles[a], shingles[b]] : [shingles[b], shingles[a]];
      if (small.size === 0 || small.size < large.size * DUPLICATE_JACCARD) continue;
      let shared = 0;
      for (const shingle of small) if (large.has(shingle)) shared++;
      const jaccard = shared / (small.size + large.size - shared);
      if (jaccard >= 0.2) console.error(`[relevance] Jaccard ${jaccard.toFixed(2)}: ${entries[a].doc.id} ~ ${entries[b].doc.id}`);
      if (jaccard >= DUPLICATE_JACCARD) parent[root(a)] = root(b);
    }
  }
  const byRoot = new Map<number, string[]>();
  entries.forEach((entry, i) => byRoot.set(root(i), [...(byRoot.get(root(i)) ?? []), entry.doc.id]));
  const groups = [...byRoot.values()].map((ids) => ids.sort());
  const groupOf = new Map(groups.flatMap((ids, g) => ids.map((id) => [id, g] as const)));
  for (const entry of entries) entry.group = groupOf.get(entry.doc.id)!;
  return groups;
}

/** Up to `count` items in their original order, chosen at random. */
function sample<T>(items: T[], count: number): T[] {
  const chosen = new Set<number>();
  while (chosen.size < Math.min(count, items.length)) chosen.add(Math.floor(random() * items.length));
  return [...chosen].sort((a, b) => a - b).map((i) => items[i]);
}

/** One edit inside the word (never its first letter): a letter dropped, doubled, swapped with the next, or replaced by a neighbour on the keyboard row. */
function typoOf(word: string): string {
  const letters = [...word];
  const at = between(1, letters.length - 2);
  const edit = between(0, 3);
  if (edit === 0) letters.splice(at, 1);
  else if (edit === 1) letters.splice(at, 0, letters[at]);
  else if (edit === 2) [letters[at], letters[at + 1]] = [letters[at + 1], letters[at]];
  else letters[at] = neighbour(letters[at]);
  return letters.join('');
}

function neighbour(letter: string): string {
  for (const row of ROWS) {
    const i = row.indexOf(letter);
    if (i >= 0) return row[i + 1] ?? row[i - 1];
  }
  return letter === 'e' ? 'a' : 'e';
}
