/**
 * Suffix stripping shared by the Ukrainian and Russian stemmers: the longest listed ending that
 * leaves a stem of at least `minStem` letters is cut. Light stemming (case and number endings, a
 * few verb endings) keeps every case form of a noun on one stem without the dictionary a full
 * morphological analyser needs, and cuts nothing that is not an inflection.
 */
export interface EndingSet {
  /** Endings by length, longest first, so the first that fits is the longest. */
  byLength: string[][];
  minStem: number;
}

export function endingSet(endings: string, minStem: number): EndingSet {
  const byLength: string[][] = [];
  for (const ending of new Set(endings.split(/\s+/).filter(Boolean))) (byLength[ending.length] ??= []).push(ending);
  return { byLength: byLength.filter(Boolean).reverse(), minStem };
}

/** `word` without its longest ending from `set`; the word itself when none fits. */
export function stripEnding(word: string, set: EndingSet): string {
  for (const endings of set.byLength) {
    const length = endings[0].length;
    if (word.length - length < set.minStem) continue;
    const tail = word.slice(-length);
    if (endings.includes(tail)) return word.slice(0, -length);
  }
  return word;
}

/** A stem's doubled last letter written once: `питанн` (питання) and `питан` (питань) are one stem. */
export function undouble(stem: string): string {
  return stem.length > 3 && stem.at(-1) === stem.at(-2) ? stem.slice(0, -1) : stem;
}
