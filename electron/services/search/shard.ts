import lunr from 'lunr';
import { configureBuilder, indexLanguageOf, INDEX_LANGUAGES, queryTerm, wordSpans, type IndexLanguage } from './analysis';
import { evaluate, holdsTerm } from './evaluate';
import { Postings, type SerialisedPostings } from './postings';
import { MIN_PREFIX_CHARS } from './query';
import type { SearchDoc } from './search-document';
import { Vocabulary, VocabularyBuilder, type SerialisedVocabulary } from './vocabulary';

/** One language's index of a shard (its postings, built by Lunr) and the vocabulary of words it holds. */
export interface LanguageIndex {
  postings: Postings;
  vocabulary: Vocabulary;
}

/**
 * A slice of the library's search index: its documents and one Lunr index per language (each with
 * that language's stemmer), so a Ukrainian briefing is stemmed as Ukrainian and an English one as
 * English. Lunr refs are positions in `docs`, which keeps the serialised index small.
 */
export interface Shard {
  docs: SearchDoc[];
  indexes: Partial<Record<IndexLanguage, LanguageIndex>>;
}

export interface SerialisedShard {
  version: number;
  docs: SearchDoc[];
  indexes: Partial<Record<IndexLanguage, { postings: SerialisedPostings; vocabulary: SerialisedVocabulary }>>;
}

/** 2: each language index carries its vocabulary. 3: postings (postings.ts) instead of Lunr's serialised index. */
export const SHARD_FORMAT_VERSION = 3;

/**
 * What the word being typed may expand to in one index: at most this many terms, whose document
 * counts add up to at most this many postings (the most frequent term is kept whatever its count).
 * Each term is a Lunr clause whose postings are walked and scored, so this bounds a keystroke's
 * cost on a large library; `Vocabulary.expand` keeps the choice stable as letters are added.
 */
export const PREFIX_LIMIT = { terms: 64, postings: 3000 };

export function buildShard(docs: SearchDoc[]): Shard {
  const indexes: Shard['indexes'] = {};
  for (const language of INDEX_LANGUAGES) {
    const members = docs.map((doc, position) => ({ doc, position })).filter(({ doc }) => indexLanguageOf(doc.language) === language);
    if (members.length === 0) continue;
    const vocabulary = new VocabularyBuilder(language);
    const index = lunr(function () {
      // Each distinct word is analysed once, for the index and the vocabulary both.
      configureBuilder(this, (input) => tokensOf(input, vocabulary));
      // Lunr's token trie serves only its own query evaluation, which the postings replace.
      (this as unknown as { createTokenSet(): void }).createTokenSet = () => {};
      this.ref('ref');
      this.field('title', { boost: 3 });
      this.field('body');
      for (const { doc, position } of members) {
        vocabulary.startDocument(position);
        this.add({ ref: String(position), title: doc.title, body: doc.text });
      }
    });
    indexes[language] = { postings: Postings.fromLunr(index), vocabulary: vocabulary.build() };
  }
  return { docs, indexes };
}

function tokensOf(input: unknown, vocabulary: VocabularyBuilder): lunr.Token[] {
  if (input === null || input === undefined) return [];
  const tokens: lunr.Token[] = [];
  for (const { word } of wordSpans(String(input))) for (const term of vocabulary.termsOf(word)) tokens.push(new lunr.Token(term, {}));
  return tokens;
}

export function serialiseShard(shard: Shard): SerialisedShard {
  return {
    version: SHARD_FORMAT_VERSION,
    docs: shard.docs,
    indexes: Object.fromEntries(
      Object.entries(shard.indexes).map(([language, { postings, vocabulary }]) => [language, { postings: postings.toJSON(), vocabulary: vocabulary.toJSON() }]),
    ),
  };
}

export function loadShard(data: SerialisedShard): Shard {
  if (data.version !== SHARD_FORMAT_VERSION) throw new Error(`shard format ${data.version} is not ${SHARD_FORMAT_VERSION}`);
  const indexes: Shard['indexes'] = {};
  for (const [language, stored] of Object.entries(data.indexes)) {
    indexes[language as IndexLanguage] = { postings: Postings.load(stored.postings), vocabulary: Vocabulary.load(stored.vocabulary) };
  }
  return { docs: data.docs, indexes };
}

/** A query as a shard matches it: words already corrected, compounds joined, phrases as their words. */
export interface MatchQuery {
  /** Words a result must hold (`all`) or that count towards its rank (`any`). */
  words: readonly string[];
  /** The word being typed, expanded against each index's vocabulary. */
  prefix: string | null;
  excluded: readonly string[];
}

export interface MatchOptions {
  /** `all`: every word must match; `any`: a result holds at least one, and `held` says how many. */
  mode: 'all' | 'any';
  /** Documents to leave out (superseded by a newer shard, or removed). */
  hidden: ReadonlySet<string>;
}

export interface ShardMatch {
  doc: SearchDoc;
  score: number;
  /** How many of the query's words (the word being typed counted as one) the document holds. */
  held: number;
  /** The index that matched, its ref for the document, and the query's terms there: which terms matched is read only for results shown. */
  source: { postings: Postings; doc: number; terms: readonly string[] };
  /** The vocabulary of the index that matched: the spellings of the matched terms to look for in the text. */
  vocabulary: Vocabulary;
}

/** Runs a query against every language index of the shard; each word is taken to that language's term by queryTerm. */
export function matchShard(shard: Shard, query: MatchQuery, options: MatchOptions): ShardMatch[] {
  const matches: ShardMatch[] = [];
  for (const [language, { postings, vocabulary }] of Object.entries(shard.indexes) as [IndexLanguage, LanguageIndex][]) {
    const required = [...new Set(query.words.map((word) => queryTerm(word, language)).filter((term) => term !== null))];
    const typed = query.prefix ? [...prefixTerms(query.prefix, language, vocabulary)] : null;
    if (typed?.length === 0 && options.mode === 'all') continue;
    if (required.length === 0 && !typed?.length) continue;
    const excluded = query.excluded.map((word) => queryTerm(word, language)).filter((term) => term !== null);
    const terms = [...required, ...(typed ?? [])];
    for (const { doc: position, score, held } of evaluate(postings, { mode: options.mode, required, typed, excluded })) {
      const doc = shard.docs[position];
      if (!doc || options.hidden.has(doc.id)) continue;
      matches.push({ doc, score, held, source: { postings, doc: position, terms }, vocabulary });
    }
  }
  return matches;
}

/** The index terms a match holds. */
export const matchedTerms = ({ source }: ShardMatch): string[] => source.terms.filter((term) => holdsTerm(source.postings, term, source.doc));

/**
 * The terms the word being typed may stand for in one index: those of the vocabulary's words
 * starting with it, or, when none does, the word's own term (a whole word typed in another
 * inflection than any the index holds).
 */
function prefixTerms(prefix: string, language: IndexLanguage, vocabulary: Vocabulary): Set<string> {
  const expanded = vocabulary.expand(prefix, PREFIX_LIMIT, MIN_PREFIX_CHARS);
  if (expanded.length > 0) return new Set(expanded);
  const term = queryTerm(prefix, language);
  return new Set(term && vocabulary.hasTerm(term) ? [term] : []);
}
