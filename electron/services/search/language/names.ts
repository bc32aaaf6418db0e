import { NAME_ROWS } from './name-table';
import { stemRussian } from './russian';
import { stemUkrainian } from './ukrainian';

const CYRILLIC = /\p{Script=Cyrillic}/u;
/** A stem this short is shared by unrelated words (рос, ки): such a name is found by its listed forms only. */
const MIN_NAME_STEM = 4;
/** Roman numerals (xviii) are not transliterations. */
const ROMAN = /^[ivxlcdm]+$/;

/**
 * Latin transliterations of Ukrainian and Russian -ий/-ій/-ії endings (Zelenskyy, Zelenskiy,
 * Zaluzhnyi, Serhii) written as one `-y`. No English word of five or more letters ends in -yy,
 * -iy, -yi or -ii, so only transliterated names change.
 */
export function foldLatinEnding(word: string): string {
  return word.length >= 5 && /(?:yy|iy|yi|ii)$/.test(word) && !ROMAN.test(word) ? `${word.slice(0, -2)}y` : word;
}

const bySurface = new Map<string, string>();
const byStem = new Map<string, string>();
for (const [term, ...spellings] of NAME_ROWS) {
  for (const listed of [term, ...spellings]) {
    const spelling = listed.replace(/^=/, '');
    if (!CYRILLIC.test(spelling)) {
      bySurface.set(foldLatinEnding(spelling), term);
      continue;
    }
    bySurface.set(spelling, term);
    if (listed.startsWith('=')) continue;
    for (const stem of [stemUkrainian(spelling), stemRussian(spelling)]) if (stem.length >= MIN_NAME_STEM) byStem.set(stem, term);
  }
}

/**
 * The index term of a name in any of its spellings (`kyiv` for kiev, київ, києві, киеве); null for
 * a word that is no listed name. `word` is normalised (Latin endings folded), `stem` its stem in
 * the language chosen for it (Cyrillic words only).
 */
export function nameTerm(word: string, stem?: string): string | null {
  return bySurface.get(word) ?? (stem === undefined ? null : (byStem.get(stem) ?? null));
}
