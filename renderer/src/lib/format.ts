import type { Language } from '../../../electron/common/model';

const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', uk: 'Українська', ru: 'Русский', und: 'Unknown language' };
const LANGUAGE_CODES: Record<Language, string> = { en: 'EN', uk: 'UK', ru: 'RU', und: '—' };

export const languageName = (language: Language) => LANGUAGE_NAMES[language];
/** For a sentence of the (English) interface: "the text reads as Ukrainian", not "as Українська". */
const ENGLISH_NAMES: Record<Language, string> = { en: 'English', uk: 'Ukrainian', ru: 'Russian', und: 'an unknown language' };
export const languageNameInEnglish = (language: Language) => ENGLISH_NAMES[language];
export const languageCode = (language: Language) => LANGUAGE_CODES[language];

/**
 * A briefing date for display, at the precision the source gave: `2022` stays a year, a timestamp
 * shows its day. Dates are shown in UTC so a briefing dated 24 February never reads as the 23rd.
 */
export function formatDate(iso: string | null, locale?: string): string {
  if (!iso) return 'Undated';
  if (/^\d{4}$/.test(iso)) return iso;
  const date = new Date(/^\d{4}-\d{2}$/.test(iso) ? `${iso}-01T00:00:00Z` : iso.length === 10 ? `${iso}T00:00:00Z` : `${iso}Z`);
  if (Number.isNaN(date.getTime())) return iso;
  const options: Intl.DateTimeFormatOptions = /^\d{4}-\d{2}$/.test(iso)
    ? { year: 'numeric', month: 'long', timeZone: 'UTC' }
    : { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(locale, options).format(date);
}

/** Reading time at 230 words a minute, the usual figure for careful reading. */
export function readingTime(words: number): string {
  if (words === 0) return '';
  const minutes = Math.max(1, Math.round(words / 230));
  return `${minutes} min read`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}
