import { endingSet } from './endings';
import { stemSlavic, type SlavicGrammar } from './slavic-stemmer';

/**
 * Russian case and number endings of nouns and adjectives, the -ия/-ие family whole, and the
 * third-person verb endings no noun shares. Unlike Snowball, `-ит`/`-ите` are not cut as verb
 * endings: they split nouns (защит|е, визит, кредит) from the rest of their paradigm.
 */
const ENDINGS = `
  а я о е у ю ы и ь й
  ам ям ах ях ом ем ой ей ою ею ов ев ами ями ьми
  ия ии ию ие ий ией ием иям иями иях ье ья ью ьи ьям ьями ьях ьев ьем
  ый ая яя ое ее ую юю ого его ому ему ым им ых их ыми ими ые
  ает яет ают яют ует уют еет еют`;

const RUSSIAN: SlavicGrammar = {
  endings: endingSet(ENDINGS, 2),
  reflexive: /(?:ся|сь)$/,
  suppletive: new Map(),
  // -ема genitive plurals (проблем, систем, схем) look like an instrumental -ем (Кремлем).
  whole: /(?:бл|ст|сх)ем$/,
  fleeting: /(?<=.{3})ец$/,
  finish: (stem) => stem,
};

/** The stem of a lower-case Russian word (ё written е): every case form of a noun gives the same one. */
export function stemRussian(word: string): string {
  return stemSlavic(word, RUSSIAN);
}
