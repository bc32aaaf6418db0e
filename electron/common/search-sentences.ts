/**
 * The sentences that say how search results relate to the words typed. The engine puts them in a
 * response's notices (for any reader of the response); the search view shows them with the
 * corrected words emphasised and a way to search the words as typed, and leaves these notices out
 * so nothing is said twice.
 */
export const CLOSEST_MATCHES = 'No briefing has all the words; closest matches';

/** "Showing results for <the query with its typos corrected>". */
export const SHOWING_RESULTS_FOR = 'Showing results for';

/** Whether a notice is one of the sentences above (its wording may end with a query or a full stop). */
export function isMatchNotice(notice: string): boolean {
  return notice.startsWith(CLOSEST_MATCHES) || notice.startsWith(`${SHOWING_RESULTS_FOR} `);
}
