/**
 * Month names as briefings write them in English, Ukrainian and Russian: full names (Ukrainian and
 * Russian in the nominative and the genitive, "вересень" / "12 вересня") and the usual
 * abbreviations. Index 0 is January.
 */
const MONTH_WORDS: readonly (readonly string[])[] = [
  ['january', 'jan', 'січень', 'січня', 'січ', 'январь', 'января', 'янв'],
  ['february', 'feb', 'лютий', 'лютого', 'лют', 'февраль', 'февраля', 'фев', 'февр'],
  ['march', 'mar', 'березень', 'березня', 'бер', 'март', 'марта', 'мар'],
  ['april', 'apr', 'квітень', 'квітня', 'квіт', 'апрель', 'апреля', 'апр'],
  ['may', 'травень', 'травня', 'трав', 'май', 'мая'],
  ['june', 'jun', 'червень', 'червня', 'черв', 'июнь', 'июня', 'июн'],
  ['july', 'jul', 'липень', 'липня', 'лип', 'июль', 'июля', 'июл'],
  ['august', 'aug', 'серпень', 'серпня', 'серп', 'август', 'августа', 'авг'],
  ['september', 'sept', 'sep', 'вересень', 'вересня', 'вер', 'сентябрь', 'сентября', 'сент', 'сен'],
  ['october', 'oct', 'жовтень', 'жовтня', 'жовт', 'октябрь', 'октября', 'окт'],
  ['november', 'nov', 'листопад', 'листопада', 'лист', 'ноябрь', 'ноября', 'нояб', 'ноя'],
  ['december', 'dec', 'грудень', 'грудня', 'груд', 'декабрь', 'декабря', 'дек'],
];

const MONTH_BY_WORD = new Map(MONTH_WORDS.flatMap((words, index) => words.map((word) => [word, index + 1] as const)));
const WORD = /\p{L}+/gu;
const YEAR = /(?<!\d)(1[89]\d\d|20\d\d)(?!\d)/g;
const NO_DATE = /unknown|undated|n\/a|невідом|неизвест|без дати|без даты/i;

/**
 * Reads a date the way people write them in front matter and meta tags, at the precision written:
 * ISO days and timestamps are kept (to the second), a year stays `YYYY`, a month becomes `YYYY-MM`
 * and a day `YYYY-MM-DD`. Month names are read in English, Ukrainian and Russian, anywhere in the
 * value, so "2022 (September general debate)" is September 2022 and "12 березня 2022 року" a day.
 * Nothing is guessed: no day or month is invented (the JS date parser makes "2022 (…)" January 1),
 * and a value naming two years ("unknown (2022-2023)") or none gives null.
 */
export function normaliseDate(value: string | null): string | null {
  const written = value?.trim();
  if (!written) return null;
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?)[^\s]*)?$/.exec(written);
  if (iso && validDay(iso[1])) return iso[2] ? `${iso[1]}T${iso[2].length === 5 ? `${iso[2]}:00` : iso[2]}` : iso[1];
  if (/^\d{4}(-(0[1-9]|1[0-2]))?$/.test(written)) return written;
  if (NO_DATE.test(written)) return null;
  const years = new Set(Array.from(written.matchAll(YEAR), (match) => match[1]));
  if (years.size !== 1) return null;
  const [year] = years;
  return numericDay(written, year) ?? namedMonthDate(written, year) ?? year;
}

/** `2022-03-08 10:00 +0300`, `2022/03/08`, `08.03.2022` (as Ukrainian and Russian write it), `3/8/2022` (US). */
function numericDay(written: string, year: string): string | null {
  const yearFirst = /(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/.exec(written);
  if (yearFirst) return day(year, yearFirst[2], yearFirst[3]);
  const dotted = /(?<!\d)(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)/.exec(written);
  if (dotted) return day(year, dotted[2], dotted[1]);
  const slashed = /(?<!\d)(\d{1,2})\/(\d{1,2})\/(\d{4})(?!\d)/.exec(written);
  if (slashed) return Number(slashed[1]) > 12 ? day(year, slashed[2], slashed[1]) : day(year, slashed[1], slashed[2]);
  return null;
}

/**
 * A month named in words, with the day beside it when there is one ("12 March", "March 12th",
 * "12-го березня"). Two different months ("September–October 2022") leave only the year.
 */
function namedMonthDate(written: string, year: string): string | null {
  const named = Array.from(written.matchAll(WORD))
    .map((match) => ({ month: MONTH_BY_WORD.get(match[0].toLowerCase()), start: match.index, end: match.index + match[0].length }))
    .filter((word): word is { month: number; start: number; end: number } => word.month !== undefined);
  const months = new Set(named.map((word) => word.month));
  if (months.size !== 1) return null;
  const { month, start, end } = named[0];
  const before = /(?<!\d)(\d{1,2})(?:st|nd|rd|th|-?го|-?е)?\.?\s+(?:of\s+)?$/i.exec(written.slice(0, start));
  const after = /^\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?!\d)/i.exec(written.slice(end));
  const dayOfMonth = before?.[1] ?? after?.[1];
  return (dayOfMonth && day(year, String(month), dayOfMonth)) || `${year}-${pad(month)}`;
}

function day(year: string, month: string, dayOfMonth: string): string | null {
  const text = `${year}-${pad(Number(month))}-${pad(Number(dayOfMonth))}`;
  return validDay(text) ? text : null;
}

/** A real calendar day: no 2022-02-30, no month 13. */
function validDay(text: string): boolean {
  const [year, month, dayOfMonth] = text.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, dayOfMonth));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === dayOfMonth;
}

const pad = (value: number) => String(value).padStart(2, '0');
