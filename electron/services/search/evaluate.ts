import type lunr from 'lunr';

/**
 * Answers a query from a Lunr index's own data (its inverted index and its BM25 field vectors)
 * without `Index.query`. The engine only ever asks for exact terms, and Lunr's query walks every
 * clause through a trie, allocates match data for every matching document and scores each by a
 * dot product over the document's whole vector; on a word that 10,000 briefings hold that was most
 * of a keystroke's time. Here a document's score is looked up term by term (a binary search in its
 * vector), which gives the ranking Lunr's does for these queries: the sum over fields and matched
 * terms of the stored BM25 weights (field boosts included when the index was built).
 */

/** What Lunr keeps per term: its position in the field vectors, and per field the documents that hold it. */
type Posting = { _index: number } & Record<string, Record<string, unknown>>;

interface IndexInternals {
  invertedIndex: Record<string, Posting>;
  fieldVectors: Record<string, lunr.Vector & { elements: number[] }>;
  fields: string[];
}

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
  /** The document's ref in the index. */
  ref: string;
  score: number;
  /** How many of the query's words it holds (the word being typed counts as one). */
  held: number;
}

const internalsOf = (index: lunr.Index) => index as unknown as IndexInternals;

/** Every document holding all (or, for `any`, some) of the query's terms, scored; unordered. */
export function evaluate(index: lunr.Index, query: TermQuery): TermMatch[] {
  const { invertedIndex, fieldVectors, fields } = internalsOf(index);
  const postingOf = (term: string): Posting | undefined => (Object.hasOwn(invertedIndex, term) ? invertedIndex[term] : undefined);
  const required = query.required.map(postingOf);
  if (query.mode === 'all' && required.some((posting) => posting === undefined)) return [];
  const held = required.filter((posting): posting is Posting => posting !== undefined);
  const typed = (query.typed ?? []).map(postingOf).filter((posting): posting is Posting => posting !== undefined);
  if (query.mode === 'all' && query.typed !== null && typed.length === 0) return [];
  const excluded = query.excluded.map(postingOf).filter((posting): posting is Posting => posting !== undefined);

  const holds = (posting: Posting, ref: string) => fields.some((field) => posting[field] !== undefined && ref in posting[field]);
  const weight = (posting: Posting, ref: string) => {
    let sum = 0;
    for (const field of fields) {
      if (posting[field] === undefined || !(ref in posting[field])) continue;
      const vector = fieldVectors[`${field}/${ref}`];
      const at = vector.positionForIndex(posting._index);
      if (vector.elements[at] === posting._index) sum += vector.elements[at + 1];
    }
    return sum;
  };
  const score = (ref: string): TermMatch | null => {
    if (excluded.some((posting) => holds(posting, ref))) return null;
    let total = 0;
    let count = 0;
    for (const posting of held) {
      if (!holds(posting, ref)) {
        if (query.mode === 'all') return null;
        continue;
      }
      total += weight(posting, ref);
      count++;
    }
    let heldTyped = false;
    for (const posting of typed) {
      if (!holds(posting, ref)) continue;
      total += weight(posting, ref);
      heldTyped = true;
    }
    if (query.mode === 'all' && query.typed !== null && !heldTyped) return null;
    return { ref, score: total, held: count + (heldTyped ? 1 : 0) };
  };

  // Under `all` the documents of the rarest required term are the only candidates.
  const sources = query.mode === 'all' && held.length > 0 ? [rarest(held, fields)] : [...held, ...typed];
  const matches: TermMatch[] = [];
  const seen = new Set<string>();
  for (const posting of sources) {
    for (const field of fields) {
      for (const ref in posting[field] ?? {}) {
        if (seen.has(ref)) continue;
        seen.add(ref);
        const match = score(ref);
        if (match) matches.push(match);
      }
    }
  }
  return matches;
}

/** Whether the document `ref` holds `term` in any field: which of a shown result's terms to mark. */
export function holdsTerm(index: lunr.Index, term: string, ref: string): boolean {
  const { invertedIndex, fields } = internalsOf(index);
  if (!Object.hasOwn(invertedIndex, term)) return false;
  const posting = invertedIndex[term];
  return fields.some((field) => posting[field] !== undefined && ref in posting[field]);
}

function rarest(postings: readonly Posting[], fields: readonly string[]): Posting {
  const sizes = postings.map((posting) => fields.reduce((sum, field) => sum + Object.keys(posting[field] ?? {}).length, 0));
  return postings[sizes.indexOf(Math.min(...sizes))];
}
