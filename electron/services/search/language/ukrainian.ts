import { endingSet } from './endings';
import { stemSlavic, type SlavicGrammar } from './slavic-stemmer';

/**
 * Ukrainian case and number endings of nouns and adjectives, the -ія/-ії/-ією family whole, and
 * the present-tense verb endings that no noun shares.
 */
const ENDINGS = `
  а я о е є у ю і ї и ь й
  ам ям ах ях ом ем єм ою ею єю ів їв ей ові еві єві ами ями ьми
  ія ії ію ією ій іям іями іях іє
  ий ого ому им ім их іх ими іми ої ую юю ая яя ього ьому ьої ьою
  ємо єте ють ять уть ать ить имо ите емо ете`;

/**
 * Before -і a stem's г, к, х become з, ц, с (допомога → допомозі, рука → руці, успіх → успіху/успісі).
 * Writing every stem's last з/ц/с as г/к/х puts both forms on one stem; words whose stems differ
 * only there (вулиця and вулик) are rare enough to accept being merged.
 */
const ALTERNATION: Record<string, string> = { з: 'г', ц: 'к', с: 'х' };

/** Nouns in -ога whose vocative (допомого) ends like an adjective's genitive (нового). */
const OGA_NOUNS = ['допомог', 'перемог', 'вимог', 'тривог', 'дорог', 'облог', 'підмог', 'знемог'];

/**
 * An і in a stem's last, closed syllable is an о or е in the open syllables of other forms (рік →
 * року, схід → сходу, кінь → коня, ніч → ночі): written as о there, every form shares one stem.
 * Where і never alternates (світ, світу) all forms change alike, so nothing splits.
 */
const CLOSED_I = /і(?=[^аеиоуюяіїєь']+$)/;

function finish(stem: string): string {
  const last = stem.at(-1)!;
  const alternated = stem.length > 2 && ALTERNATION[last] ? stem.slice(0, -1) + ALTERNATION[last] : stem;
  return alternated.replace(CLOSED_I, 'о');
}

const UKRAINIAN: SlavicGrammar = {
  endings: endingSet(ENDINGS, 2),
  reflexive: /(?:ться|тися|тись|ся|сь)$/,
  suppletive: new Map([
    ['воєн', 'війн'],
    ['люди', 'людин'],
    ['людей', 'людин'],
    ['людям', 'людин'],
    ['людьми', 'людин'],
    ['людях', 'людин'],
    ...OGA_NOUNS.map((stem) => [`${stem}о`, stem] as const),
  ]),
  // -ема genitive plurals (проблем, систем, схем) look like an instrumental -ем (Кремлем);
  // -іх is an adjective ending only after н, т (останніх, третіх), not in успіх, горіх, сміх.
  whole: /(?:бл|ст|сх)ем$|(?<![нт])іх$/,
  fleeting: /(?<=.{2})ець$/,
  finish,
};

/** The stem of a lower-case Ukrainian word: every case form of a noun gives the same one. */
export function stemUkrainian(word: string): string {
  return stemSlavic(word, UKRAINIAN);
}
