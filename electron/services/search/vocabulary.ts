import { analyseWord, type IndexLanguage } from './analysis';

/** How a vocabulary is stored in a shard file: words joined by newlines (a word never holds one), numbers as plain arrays. */
export interface SerialisedVocabulary {
  /** Sorted surface words, newline-separated. */
  surfaces: string;
  /** Sorted distinct index terms, newline-separated. */
  terms: string;
  /** For each surface, the position of its term in `terms`. */
  termOf: number[];
  /** For each term, how many documents of the index hold it. */
  frequency: number[];
}

/** A surface word near a misspelt one, as `nearTo` finds it. */
export interface NearWord {
  surface: string;
  edits: number;
  /** Documents holding the word's term in this vocabulary. */
  frequency: number;
}

/**
 * The words one language index of a shard holds: every surface word (normalised, unstemmed, as a
 * person types it) mapped to its index term, and each term's document frequency. It is what
 * type-ahead expands the word being typed against, what misspellings are corrected to, and where
 * snippets learn which spellings of a term to look for. Kept as sorted arrays and typed arrays
 * (not an object per word), so a library of 18,000 passages costs a few megabytes.
 */
export class Vocabulary {
  /** Surface positions grouped by term, and where each term's group starts: built on first use. */
  private byTerm: { order: Int32Array; starts: Int32Array } | null = null;

  private constructor(
    /** Sorted by code unit, the order binary search relies on. */
    private readonly surfaces: readonly string[],
    private readonly termOf: Int32Array,
    /** Sorted by code unit. */
    private readonly terms: readonly string[],
    private readonly frequency: Int32Array,
  ) {}

  static fromEntries(termBySurface: ReadonlyMap<string, string>, frequencyByTerm: ReadonlyMap<string, number>): Vocabulary {
    const surfaces = [...termBySurface.keys()].sort(byCodeUnit);
    const terms = [...frequencyByTerm.keys()].sort(byCodeUnit);
    const termPosition = new Map(terms.map((term, position) => [term, position]));
    const termOf = Int32Array.from(surfaces, (surface) => termPosition.get(termBySurface.get(surface)!)!);
    return new Vocabulary(
      surfaces,
      termOf,
      terms,
      Int32Array.from(terms, (term) => frequencyByTerm.get(term)!),
    );
  }

  static load(data: SerialisedVocabulary): Vocabulary {
    const split = (joined: string) => (joined === '' ? [] : joined.split('\n'));
    const surfaces = split(data.surfaces);
    const terms = split(data.terms);
    if (surfaces.length !== data.termOf.length || terms.length !== data.frequency.length) throw new Error('vocabulary arrays differ in length');
    return new Vocabulary(surfaces, Int32Array.from(data.termOf), terms, Int32Array.from(data.frequency));
  }

  toJSON(): SerialisedVocabulary {
    return { surfaces: this.surfaces.join('\n'), terms: this.terms.join('\n'), termOf: Array.from(this.termOf), frequency: Array.from(this.frequency) };
  }

  get size(): number {
    return this.surfaces.length;
  }

  hasSurface(word: string): boolean {
    const at = lowerBound(this.surfaces, word, 0, this.surfaces.length);
    return this.surfaces[at] === word;
  }

  hasTerm(term: string): boolean {
    return this.termPosition(term) >= 0;
  }

  /** Documents of this index holding `term` (0 when none). */
  frequencyOf(term: string): number {
    const position = this.termPosition(term);
    return position < 0 ? 0 : this.frequency[position];
  }

  /** True when some surface word starts with `prefix`. */
  hasPrefix(prefix: string): boolean {
    return this.surfaces[lowerBound(this.surfaces, prefix, 0, this.surfaces.length)]?.startsWith(prefix) ?? false;
  }

  /**
   * The terms the word being typed may become: those of the surface words starting with `prefix`,
   * the most frequent first, at most `limit.terms` of them and, past the first, only while their
   * document counts add up to no more than `limit.postings` (each document a term is in costs the
   * query a posting to walk, so this bounds a keystroke's work). The choice is made letter by
   * letter from `from` letters on, each step choosing only among the previous step's terms, so one
   * more letter never brings in a term the shorter prefix had left out and the number of results
   * never rises while a word is typed. Only when the previous terms all fall away (a rare word
   * behind a common beginning) does the choice start again from every term of the longer prefix.
   */
  expand(prefix: string, limit: { terms: number; postings: number }, from: number): string[] {
    let low = 0;
    let high = this.surfaces.length;
    let chosen: number[] | null = null;
    for (let length = Math.min(from, prefix.length); length <= prefix.length; length++) {
      const head = prefix.slice(0, length);
      low = lowerBound(this.surfaces, head, low, high);
      high = prefixEnd(this.surfaces, head, low, high);
      if (low >= high) return [];
      const inRange = new Set<number>();
      for (let i = low; i < high; i++) inRange.add(this.termOf[i]);
      const kept = chosen ? chosen.filter((term) => inRange.has(term)) : [];
      chosen = this.mostFrequent(kept.length > 0 ? kept : [...inRange], limit);
    }
    return (chosen ?? []).map((term) => this.terms[term]);
  }

  /**
   * The most frequent of `terms` within `limit`: the first always, then each that still fits. Any
   * subset of a choice fits again whole, which is what keeps `expand` from growing as letters come.
   */
  private mostFrequent(terms: number[], limit: { terms: number; postings: number }): number[] {
    terms.sort((a, b) => this.frequency[b] - this.frequency[a] || a - b);
    const chosen: number[] = [];
    let postings = 0;
    for (const term of terms) {
      if (chosen.length === limit.terms) break;
      if (chosen.length > 0 && postings + this.frequency[term] > limit.postings) continue;
      chosen.push(term);
      postings += this.frequency[term];
    }
    return chosen;
  }

  /** Up to `max` surface words that give `term`: the spellings of it this index holds. */
  surfacesOf(term: string, max: number): string[] {
    const position = this.termPosition(term);
    if (position < 0) return [];
    const { order, starts } = this.grouped();
    const words: string[] = [];
    for (let i = starts[position]; i < starts[position + 1] && words.length < max; i++) words.push(this.surfaces[order[i]]);
    return words;
  }

  /**
   * Surface words at most `maxEdits` edits from `word` by `distance`. Only words with the same
   * first letter and a length within reach are measured: a first letter is rarely the mistyped
   * one, and the bound keeps the pass fast enough to run on every keystroke.
   */
  nearTo(word: string, maxEdits: number, distance: (surface: string) => number): NearWord[] {
    const first = word[0];
    const low = lowerBound(this.surfaces, first, 0, this.surfaces.length);
    const high = prefixEnd(this.surfaces, first, low, this.surfaces.length);
    const near: NearWord[] = [];
    for (let i = low; i < high; i++) {
      const surface = this.surfaces[i];
      if (Math.abs(surface.length - word.length) > maxEdits) continue;
      const edits = distance(surface);
      if (edits <= maxEdits) near.push({ surface, edits, frequency: this.frequency[this.termOf[i]] });
    }
    return near;
  }

  private termPosition(term: string): number {
    const at = lowerBound(this.terms, term, 0, this.terms.length);
    return this.terms[at] === term ? at : -1;
  }

  private grouped(): { order: Int32Array; starts: Int32Array } {
    if (this.byTerm) return this.byTerm;
    const starts = new Int32Array(this.terms.length + 1);
    for (const term of this.termOf) starts[term + 1]++;
    for (let i = 0; i < this.terms.length; i++) starts[i + 1] += starts[i];
    const next = starts.slice(0, -1);
    const order = new Int32Array(this.surfaces.length);
    this.termOf.forEach((term, surface) => (order[next[term]++] = surface));
    this.byTerm = { order, starts };
    return this.byTerm;
  }
}

/**
 * Collects a vocabulary while an index is built, and is the indexing tokenizer's source of terms:
 * each distinct word is analysed once (analyseWord), however often it occurs, so the index and
 * the vocabulary never disagree and stemming is not repeated.
 */
export class VocabularyBuilder {
  private readonly analysed = new Map<string, string[]>();
  private readonly termBySurface = new Map<string, string>();
  private readonly frequencyByTerm = new Map<string, number>();
  /** The last document each term was counted for, so a document counts once per term. */
  private readonly lastDocument = new Map<string, number>();
  private document = -1;

  constructor(private readonly language: IndexLanguage) {}

  /** Starts counting the terms of another document. */
  startDocument(position: number): void {
    this.document = position;
  }

  /** The index terms of one normalised word, recorded in the vocabulary. */
  termsOf(word: string): string[] {
    let terms = this.analysed.get(word);
    if (!terms) {
      terms = analyseWord(word, this.language).map(({ surface, term }) => {
        if (!this.termBySurface.has(surface)) this.termBySurface.set(surface, term);
        return term;
      });
      this.analysed.set(word, terms);
    }
    for (const term of terms) {
      if (this.lastDocument.get(term) === this.document) continue;
      this.lastDocument.set(term, this.document);
      this.frequencyByTerm.set(term, (this.frequencyByTerm.get(term) ?? 0) + 1);
    }
    return terms;
  }

  build(): Vocabulary {
    return Vocabulary.fromEntries(this.termBySurface, this.frequencyByTerm);
  }
}

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The first position in sorted `words[low, high)` whose word is not less than `word`. */
function lowerBound(words: readonly string[], word: string, low: number, high: number): number {
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (words[middle] < word) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The end of the run of words starting with `prefix`, which starts at `low` in sorted `words`. */
function prefixEnd(words: readonly string[], prefix: string, low: number, high: number): number {
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (words[middle].startsWith(prefix) || words[middle] < prefix) low = middle + 1;
    else high = middle;
  }
  return low;
}
