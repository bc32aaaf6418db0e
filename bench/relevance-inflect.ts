/**
 * Other inflected forms of a word, by small suffix tables per language: English plural and
 * singular, -ing and -ed; Ukrainian and Russian case endings of the common noun and adjective
 * paradigms (with the г/к/х → з/ц/с alternation before Ukrainian -і), by the longest ending that
 * fits. Forms are candidates only:
 * the query generator keeps those the corpus attests elsewhere (Russian: those the table trusts).
 */
import type { Language } from '../electron/common/model';

/** English: [ending, replacement] pairs; a word ending in the first may end in the second instead. */
const EN: [string, string][] = [
  ['ies', 'y'],
  ['y', 'ies'],
  ['ses', 's'],
  ['s', ''],
  ['', 's'],
  ['', 'es'],
  ['ed', 'ing'],
  ['ed', 's'],
  ['d', 's'],
  ['ing', 'ed'],
  ['ing', 'es'],
  ['ing', 'e'],
  ['ing', ''],
  ['e', 'ing'],
];

/** Endings of one paradigm: a word ending in one of them (the longest that fits) may take any other. */
const UK: string[][] = [
  ['ія', 'ії', 'ію', 'ією', 'ій'],
  ['ість', 'ості', 'істю'],
  ['ння', 'нню', 'нням', 'нні', 'нь'],
  ['а', 'и', 'і', 'у', 'ою', 'ам', 'ами', 'ах'],
  ['я', 'і', 'ю', 'ею', 'ям', 'ями', 'ях'],
  ['и', 'ів', 'ам', 'ами', 'ах'],
  ['ий', 'ого', 'ому', 'им', 'ім', 'і', 'их', 'ими'],
  ['а', 'ої', 'ій', 'у', 'ою'],
  ['ом', 'а', 'у', 'і', 'ові', 'и', 'ів'],
];
const RU: string[][] = [
  ['ия', 'ии', 'ию', 'ией', 'ий'],
  ['ость', 'ости', 'остью'],
  ['ение', 'ения', 'ению', 'ением', 'ении', 'ений', 'ениям', 'ениями', 'ениях'],
  ['ание', 'ания', 'анию', 'анием', 'ании', 'аний'],
  ['а', 'ы', 'е', 'у', 'ой', 'ам', 'ами', 'ах'],
  ['ы', 'ов', 'ам', 'ами', 'ах'],
  ['ый', 'ого', 'ому', 'ым', 'ом', 'ые', 'ых', 'ыми'],
  ['ая', 'ой', 'ую', 'ые', 'ых'],
  ['ом', 'а', 'у', 'е', 'ов', 'ами'],
];
/** Ukrainian dative and locative of -га/-ка/-ха nouns: допомога → допомозі, рука → руці. */
const UK_ALTERNATION: Record<string, string> = { г: 'з', к: 'ц', х: 'с' };
/** Russian writes и, not ы, after г, к, х, ж, ш, ч, щ. */
const RU_AFTER_VELAR = /[гкхжшчщ]ы/g;

/**
 * Other forms of the lower-cased `word` by the tables of `language`, never the word itself; none
 * for other languages. Ukrainian and Russian: only swaps between endings of at least `minEnding`
 * letters (a one-letter ending fits too many words by chance).
 */
export function inflections(word: string, language: Language, minEnding = 0): string[] {
  const forms = new Set<string>();
  if (language === 'en') {
    for (const [ending, replacement] of EN)
      if (word.endsWith(ending) && word.length - ending.length >= 4) forms.add(word.slice(0, word.length - ending.length) + replacement);
  } else if (language === 'uk' || language === 'ru') {
    // Only the paradigms whose ending fits the most letters of the word: -ением is a noun's, not -ем's.
    const fits = (language === 'uk' ? UK : RU).flatMap((paradigm) => paradigm.filter((e) => word.endsWith(e)).map((ending) => ({ paradigm, ending })));
    const longest = Math.max(-1, ...fits.map((fit) => fit.ending.length));
    for (const { paradigm, ending } of fits) {
      if (ending.length < longest || ending.length < minEnding || word.length - ending.length < 3) continue;
      const stem = word.slice(0, word.length - ending.length);
      for (const other of paradigm.filter((e) => e.length >= minEnding)) {
        let form = stem + other;
        if (language === 'uk' && ending === 'а' && other === 'і' && stem.at(-1)! in UK_ALTERNATION)
          form = stem.slice(0, -1) + UK_ALTERNATION[stem.at(-1)!] + 'і';
        if (language === 'ru') form = form.replace(RU_AFTER_VELAR, (pair) => `${pair[0]}и`);
        forms.add(form);
      }
    }
  }
  forms.delete(word);
  return [...forms];
}
