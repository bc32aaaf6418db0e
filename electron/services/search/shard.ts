import lunr from 'lunr';
import { configureBuilder, indexLanguageOf, INDEX_LANGUAGES, isStopWord, registerPipelines, stem, type IndexLanguage } from './analysis';
import type { ParsedQuery } from './query';
import type { SearchDoc } from './search-document';

/**
 * A slice of the library's search index: its documents and one Lunr index per language (each with
 * that language's stemmer), so a Ukrainian briefing is stemmed as Ukrainian and an English one as
 * English. Lunr refs are positions in `docs`, which keeps the serialised index small.
 */
export interface Shard {
  docs: SearchDoc[];
  indexes: Partial<Record<IndexLanguage, lunr.Index>>;
}

export interface SerialisedShard {
  version: number;
  docs: SearchDoc[];
  indexes: Partial<Record<IndexLanguage, object>>;
}

export const SHARD_FORMAT_VERSION = 1;

export function buildShard(docs: SearchDoc[]): Shard {
  const indexes: Shard['indexes'] = {};
  for (const language of INDEX_LANGUAGES) {
    const members = docs.map((doc, position) => ({ doc, position })).filter(({ doc }) => indexLanguageOf(doc.language) === language);
    if (members.length === 0) continue;
    indexes[language] = lunr(function () {
      configureBuilder(this, language);
      this.ref('ref');
      this.field('title', { boost: 3 });
      this.field('body');
      for (const { doc, position } of members) this.add({ ref: String(position), title: doc.title, body: doc.text });
    });
  }
  return { docs, indexes };
}

export function serialiseShard(shard: Shard): SerialisedShard {
  return {
    version: SHARD_FORMAT_VERSION,
    docs: shard.docs,
    indexes: Object.fromEntries(Object.entries(shard.indexes).map(([language, index]) => [language, index.toJSON()])),
  };
}

export function loadShard(data: SerialisedShard): Shard {
  registerPipelines();
  if (data.version !== SHARD_FORMAT_VERSION) throw new Error(`shard format ${data.version} is not ${SHARD_FORMAT_VERSION}`);
  const indexes: Shard['indexes'] = {};
  for (const [language, index] of Object.entries(data.indexes)) indexes[language as IndexLanguage] = lunr.Index.load(index);
  return { docs: data.docs, indexes };
}

export interface ShardMatch {
  doc: SearchDoc;
  score: number;
  /** Index terms (stems) that matched, for snippets. */
  terms: string[];
}

export interface MatchOptions {
  /** Misspelling-tolerant: each word may be one or two edits away. */
  approximate: boolean;
  /** Documents to leave out (superseded by a newer shard, or removed). */
  hidden: ReadonlySet<string>;
}

/**
 * Edits allowed when matching approximately. Lunr expands a fuzzy term into every string within
 * that distance, which grows fast with length, so long words get no more than two and short
 * ones one (a two-letter word with one edit already matches most of the index).
 */
function editDistanceFor(term: string): number {
  if (term.length < 4) return 0;
  return term.length > 8 ? 2 : 1;
}

/** Runs a parsed query against every language index of the shard. */
export function matchShard(shard: Shard, query: ParsedQuery, options: MatchOptions): ShardMatch[] {
  const matches: ShardMatch[] = [];
  for (const [language, index] of Object.entries(shard.indexes) as [IndexLanguage, lunr.Index][]) {
    // Lunr keeps its term dictionary public at runtime but not in its types.
    const known = (index as unknown as { invertedIndex: Record<string, unknown> }).invertedIndex;
    const words = [...query.required, ...query.phrases.flat()].filter((word) => !isStopWord(word, language));
    const prefix = query.prefix;
    if (words.length === 0 && !prefix) continue;
    const prefixStem = prefix ? stem(prefix, language) : null;
    const results = index.query((builder) => {
      for (const word of words) {
        const term = stem(word, language);
        const presence = lunr.Query.presence.REQUIRED;
        // Fuzzy expansion is the costliest thing Lunr does: only for words this index does not know.
        // editDistance is set only when wanted: Lunr checks for the key, and an undefined distance never ends.
        if (options.approximate && !Object.hasOwn(known, term)) {
          builder.term(term, { presence, usePipeline: false, editDistance: editDistanceFor(term) });
        } else builder.term(word, { presence, usePipeline: true });
      }
      if (prefix) {
        // The word being typed may be complete (match its stem) or a beginning (match as prefix).
        builder.term(prefix, { presence: lunr.Query.presence.OPTIONAL, usePipeline: true });
        builder.term(prefix, { presence: lunr.Query.presence.OPTIONAL, usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING });
      }
      for (const word of query.excluded) builder.term(word, { presence: lunr.Query.presence.PROHIBITED, usePipeline: true });
    });
    for (const result of results) {
      const doc = shard.docs[Number(result.ref)];
      if (!doc || options.hidden.has(doc.id)) continue;
      const terms = Object.keys(result.matchData.metadata);
      if (prefix && !terms.some((term) => term === prefixStem || term.startsWith(prefix))) continue;
      matches.push({ doc, score: result.score, terms });
    }
  }
  return matches;
}
