import { stripEnding, undouble, type EndingSet } from './endings';

/** What differs between the Ukrainian and the Russian stemmer; the steps are the same. */
export interface SlavicGrammar {
  endings: EndingSet;
  /** Reflexive verb endings (`-ся`, `-сь`), cut before the inflection. */
  reflexive: RegExp;
  /** Words whose case forms share no stem with the rest of their paradigm, mapped to its stem (`воєн` → `війн`). */
  suppletive: ReadonlyMap<string, string>;
  /** The fleeting vowel of `-ець`/`-ец` (українець/українця, конец/конца): the nominative loses it. */
  fleeting: RegExp;
  /** Words whose end looks like an ending but is stem (проблем, успіх): nothing is cut. */
  whole: RegExp;
  /** Last step on the stem: the Ukrainian г/к/х → з/ц/с alternation; none for Russian. */
  finish: (stem: string) => string;
}

const VOWEL_AT_END = /[аеиоуыэюяіїє]$/;

/** The stem of one lower-case Cyrillic word under `grammar`. */
export function stemSlavic(word: string, grammar: SlavicGrammar): string {
  if (word.length <= 2) return word;
  const suppletive = grammar.suppletive.get(word);
  if (suppletive) return grammar.finish(suppletive);
  if (grammar.fleeting.test(word)) return grammar.finish(word.replace(grammar.fleeting, 'ц'));
  let stem = word.length > 5 ? word.replace(grammar.reflexive, '') : word;
  stem = grammar.whole.test(stem) ? stem : stripEnding(stem, grammar.endings);
  // A stem left ending in a vowel kept part of its ending (музе|й, серге|я): cut it so every form agrees.
  if (stem.length > 3 && VOWEL_AT_END.test(stem)) stem = stem.slice(0, -1);
  return grammar.finish(undouble(stem));
}
