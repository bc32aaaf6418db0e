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
