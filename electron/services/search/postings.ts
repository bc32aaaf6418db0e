import type lunr from 'lunr';

/**
 * What a language index of a shard answers queries from: for each term, the documents holding it
 * (ascending) and each one's weight, the BM25 weight Lunr computed when it built the index, summed
 * over fields (the title's boost included). Lunr builds the index (tokenizer, weights); this is the
 * form it is kept, stored and searched in: two typed arrays instead of Lunr's object per term per
 * document and vector per document per field, which on 18,267 passages were ~340 MB of heap and
 * most of a query's time.
 */
export interface SerialisedPostings {
  /** Terms, newline-joined, in the order of `offsets`. */
  terms: string;
  /** Where each term's documents start in `docs` (one more entry than terms: the end). */
  offsets: number[];
  docs: number[];
  weights: number[];
}

/** Lunr's index fields read to convert it (its types do not declare them). */
interface LunrInternals {
  invertedIndex: Record<string, { _index: number } & Record<string, Record<string, unknown>>>;
  fieldVectors: Record<string, lunr.Vector & { elements: number[] }>;
  fields: string[];
}

/** One term's documents and their weights: views into the shared arrays, never copies. */
export interface TermPostings {
  docs: Int32Array;
  weights: Float32Array;
}

export class Postings {
  private constructor(
    private readonly termIndex: Map<string, number>,
    private readonly offsets: Int32Array,
    private readonly docs: Int32Array,
    private readonly weights: Float32Array,
  ) {}

  /** Converts a Lunr index built with numeric refs (positions in the shard) into postings. */
  static fromLunr(index: lunr.Index): Postings {
    const { invertedIndex, fieldVectors, fields } = index as unknown as LunrInternals;
    const terms = Object.keys(invertedIndex).sort();
    const offsets = new Int32Array(terms.length + 1);
    const docs: number[] = [];
    const weights: number[] = [];
    terms.forEach((term, position) => {
      const posting = invertedIndex[term];
      const byDoc = new Map<number, number>();
      for (const field of fields) {
        for (const ref in posting[field] ?? {}) {
          const vector = fieldVectors[`${field}/${ref}`];
          const at = vector.positionForIndex(posting._index);
          const weight = vector.elements[at] === posting._index ? vector.elements[at + 1] : 0;
          byDoc.set(Number(ref), (byDoc.get(Number(ref)) ?? 0) + weight);
        }
      }
      for (const doc of [...byDoc.keys()].sort((a, b) => a - b)) {
        docs.push(doc);
        weights.push(byDoc.get(doc)!);
      }
      offsets[position + 1] = docs.length;
    });
    return new Postings(new Map(terms.map((term, position) => [term, position])), offsets, Int32Array.from(docs), Float32Array.from(weights));
  }

  static load(data: SerialisedPostings): Postings {
    const terms = data.terms === '' ? [] : data.terms.split('\n');
    if (data.offsets.length !== terms.length + 1 || data.docs.length !== data.weights.length || data.offsets[terms.length] !== data.docs.length) {
      throw new Error('postings arrays do not match their terms');
    }
    return new Postings(
      new Map(terms.map((term, position) => [term, position])),
      Int32Array.from(data.offsets),
      Int32Array.from(data.docs),
      Float32Array.from(data.weights),
    );
  }

  toJSON(): SerialisedPostings {
    return {
      terms: [...this.termIndex.keys()].join('\n'),
      offsets: [...this.offsets],
      docs: [...this.docs],
      // Lunr keeps three decimals of a weight; so does the file.
      weights: [...this.weights].map((weight) => Math.round(weight * 1000) / 1000),
    };
  }

  /** The documents holding `term`, ascending, with their weights; undefined when no document does. */
  of(term: string): TermPostings | undefined {
    const position = this.termIndex.get(term);
    if (position === undefined) return undefined;
    const start = this.offsets[position];
    const end = this.offsets[position + 1];
    return { docs: this.docs.subarray(start, end), weights: this.weights.subarray(start, end) };
  }
}

/** The weight of `doc` in a term's postings, or -1 when it does not hold the term (binary search). */
export function weightIn(postings: TermPostings, doc: number): number {
  let low = 0;
  let high = postings.docs.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const found = postings.docs[middle];
    if (found === doc) return postings.weights[middle];
    if (found < doc) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}
