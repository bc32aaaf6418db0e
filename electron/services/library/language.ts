import { franc } from 'franc-min';
import type { Language } from '../../common/model';

const FROM_NAME: Record<string, Language> = {
  en: 'en',
  eng: 'en',
  english: 'en',
  uk: 'uk',
  ukr: 'uk',
  ua: 'uk',
  ukrainian: 'uk',
  українська: 'uk',
  ru: 'ru',
  rus: 'ru',
  russian: 'ru',
  русский: 'ru',
};

/**
 * Reads a front matter `language` value: `uk`, `en-US`, `Ukrainian`, or a code with a note after it
 * (`en (official UN English version)`). Unknown values give null.
 */
export function languageFromMetadata(value: unknown): Language | null {
  if (typeof value !== 'string') return null;
  const key = value.trim().toLowerCase();
  return FROM_NAME[key] ?? FROM_NAME[key.split(/[^\p{L}]+/u)[0]] ?? null;
}

/** Detection looks at a sample: the first few thousand characters decide as well as the whole. */
const SAMPLE_CHARS = 4000;

/**
 * Guesses the language of a text among those the reader supports, using franc's trigram models.
 * Short texts that franc will not judge fall back on letters only Ukrainian or only Russian use.
 */
export function detectLanguage(text: string): Language {
  const sample = text.slice(0, SAMPLE_CHARS);
  const guess = franc(sample, { only: ['eng', 'ukr', 'rus'], minLength: 20 });
  if (guess === 'eng') return 'en';
  if (guess === 'ukr') return 'uk';
  if (guess === 'rus') return 'ru';
  if (/[іїєґІЇЄҐ]/.test(sample)) return 'uk';
  if (/[ыэёъЫЭЁЪ]/.test(sample)) return 'ru';
  if (/[a-zA-Z]{3,}/.test(sample)) return 'en';
  return 'und';
}

/** Fewer letters than this are too few to contradict what the front matter says (a title, a caption, a short note). */
const MIN_LETTERS_TO_CONTRADICT = 200;
/** A text reads as another script when at least this share of its letters are of that script. */
const SCRIPT_SHARE = 0.8;
/** Letters only one of Ukrainian and Russian writes, and the share of the Cyrillic letters they must reach. */
const ONLY_UKRAINIAN = /[іїєґІЇЄҐ]/gu;
const ONLY_RUSSIAN = /[ыэёъЫЭЁЪ]/gu;
const OWN_LETTERS_SHARE = 0.01;

const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

/**
 * The language a text reads as when it contradicts `declared` (the front matter's), or null when
 * it agrees or the evidence is thin. Two signals must agree before a briefing is flagged, so short
 * or mixed texts (an English statement quoting a Ukrainian slogan) never are: the letters (80 % of
 * them in the other script; between Ukrainian and Russian, 1 % letters only the other language
 * writes and almost none of the declared one's), and franc's trigram guess.
 */
export function contradictedLanguage(declared: Language, text: string): Language | null {
  if (declared === 'und') return null;
  const sample = text.slice(0, SAMPLE_CHARS);
  const latin = count(sample, /[a-zA-Z]/g);
  const cyrillic = count(sample, /\p{Script=Cyrillic}/gu);
  if (latin + cyrillic < MIN_LETTERS_TO_CONTRADICT) return null;
  const guess = detectLanguage(sample);
  if (guess === declared || guess === 'und') return null;
  const cyrillicShare = cyrillic / (latin + cyrillic);
  if (guess === 'en') return cyrillicShare <= 1 - SCRIPT_SHARE ? 'en' : null;
  if (declared === 'en') return cyrillicShare >= SCRIPT_SHARE ? guess : null;
  const [own, other] = declared === 'uk' ? [ONLY_UKRAINIAN, ONLY_RUSSIAN] : [ONLY_RUSSIAN, ONLY_UKRAINIAN];
  const otherCount = count(sample, other);
  const ownCount = count(sample, own);
  return cyrillicShare >= SCRIPT_SHARE && otherCount >= OWN_LETTERS_SHARE * cyrillic && ownCount * 10 <= otherCount ? guess : null;
}
