/** The labelled query set of `npm run bench -- relevance` (bench/relevance/queries.json, made by scripts/make-relevance-queries.ts). */

/** How the query was made from its target: see scripts/make-relevance-queries.ts. */
export type QueryKind = 'inflected' | 'phrase' | 'typo' | 'prefix' | 'hand';

export interface RelevanceQuery {
  /** As typed: a trailing space when the last word is complete, none when it is being typed (`prefix`). */
  query: string;
  kind: QueryKind;
  /** Language of the target passage. */
  lang: 'en' | 'uk' | 'ru';
  /** The document the query was made from (a library id: its path in the library). */
  target: string;
  /** Every right answer: the target and its near-duplicates. */
  targets: string[];
  /** Generated queries: the target's own words the query was made from (lower-cased), the last one whole for `prefix`. */
  words?: string[];
  /** Hand-written queries: what the person half remembers. */
  note?: string;
}

/** One line of bench/relevance/hand-queries.json. */
export interface HandQuery {
  query: string;
  lang: 'en' | 'uk' | 'ru';
  target: string;
  note: string;
}

export interface RelevanceSet {
  about: string;
  seed: number;
  duplicateJaccard: number;
  duplicateGroups: string[][];
  queries: RelevanceQuery[];
}
