/**
 * The first and last day a date covers: a briefing dated `2022` may be any day of 2022, one dated
 * `2022-02` any day of that February. Longer strings (a day, a timestamp) cover their day.
 * ISO days of one length compare as strings.
 */
export function daySpan(date: string): [first: string, last: string] {
  if (/^\d{4}$/.test(date)) return [`${date}-01-01`, `${date}-12-31`];
  if (/^\d{4}-\d{2}$/.test(date)) {
    const lastDay = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)), 0)).getUTCDate();
    return [`${date}-01`, `${date}-${String(lastDay).padStart(2, '0')}`];
  }
  const day = date.slice(0, 10);
  return [day, day];
}

/**
 * Whether something dated `date` lies wholly within `from`..`to`, each a day, a month or a year,
 * or empty for no bound. The filter promises things from those dates, so a briefing dated only
 * `2022` is in 2022-01-01..2022-12-31 but not in 2022-03-01..2022-12-31. Undated things are in no
 * range (and in every view when there is none).
 */
export function dateInRange(date: string | null | undefined, from = '', to = ''): boolean {
  if (!from && !to) return true;
  if (!date) return false;
  const [first, last] = daySpan(date);
  return (!from || first >= daySpan(from)[0]) && (!to || last <= daySpan(to)[1]);
}
