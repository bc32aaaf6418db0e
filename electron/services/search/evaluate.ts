import { weightIn, type Postings, type TermPostings } from './postings';

/**
 * Answers a query from a language index's postings instead of Lunr's `Index.query`. The engine
 * only ever asks for exact terms, and Lunr's query walked a trie per clause, made match data for
 * every matching document and scored each by a dot product over its whole vector: on a word that
 * 10,000 briefings hold, most of a keystroke. A score here is what Lunr ranks by for these
 * queries: the sum of the stored BM25 weights of the terms a document holds.
 */

export interface TermQuery {
  /** `all`: a result holds every required term and, when `typed` is given, at least one of those. `any`: a result holds at least one term. */
  mode: 'all' | 'any';
  /** One term per query word (already analysed for this index). */
  required: readonly string[];
  /** The terms the word being typed stands for; counted as one word. */
  typed: readonly string[] | null;
  excluded: readonly string[];
}

export interface TermMatch {
  /** The document's position in its shard. */
  doc: number;
  score: number;
  /** How many of the query's words it holds (the word being typed counts as one). */
  held: number;
}

/** Every document holding all (or, for `any`, some) of the query's terms, scored; unordered. */
export function evaluate(postings: Postings, query: TermQuery): TermMatch[] {
  const required = query.required.map((term) => postings.of(term));
  if (query.mode === 'all' && required.some((list) => list === undefined)) return [];
  const held = required.filter((list): list is TermPostings => list !== undefined);
  const typedLists = (query.typed ?? []).map((term) => postings.of(term)).filter((list): list is TermPostings => list !== undefined);
  if (query.mode === 'all' && query.typed !== null && typedLists.length === 0) return [];
  const excluded = new Set<number>();
  for (const term of query.excluded) for (const doc of postings.of(term)?.docs ?? []) excluded.add(doc);
  // The word being typed: the weights of its terms a document holds, added (their number bounded by the vocabulary's expansion limits).
  const typed = new Map<number, number>();
  for (const list of typedLists) list.docs.forEach((doc, i) => typed.set(doc, (typed.get(doc) ?? 0) + list.weights[i]));

  const score = (doc: number): TermMatch | null => {
    if (excluded.has(doc)) return null;
    let total = 0;
    let count = 0;
    for (const list of held) {
      const weight = weightIn(list, doc);
      if (weight < 0) {
        if (query.mode === 'all') return null;
        continue;
      }
      total += weight;
      count++;
    }
    const typedWeight = typed.get(doc);
    if (query.mode === 'all' && query.typed !== null && typedWeight === undefined) return null;
    return { doc, score: total + (typedWeight ?? 0), held: count + (typedWeight === undefined ? 0 : 1) };
  };

  const matches: TermMatch[] = [];
  const consider = (doc: number) => {
    const match = score(doc);
    if (match) matches.push(match);
  };
  if (query.mode === 'all' && held.length > 0) {
    // Only the documents of the rarest required term can hold them all.
    for (const doc of held.reduce((rarest, list) => (list.docs.length < rarest.docs.length ? list : rarest)).docs) consider(doc);
  } else if (query.mode === 'all') {
    for (const doc of typed.keys()) consider(doc);
  } else {
    const seen = new Set<number>();
    for (const list of held) for (const doc of list.docs) seen.add(doc);
    for (const doc of typed.keys()) seen.add(doc);
    for (const doc of seen) consider(doc);
  }
  return matches;
}

/** Whether document `doc` holds `term`: which of a shown result's terms to mark. */
export function holdsTerm(postings: Postings, term: string, doc: number): boolean {
  const list = postings.of(term);
  return list !== undefined && weightIn(list, doc) >= 0;
}
