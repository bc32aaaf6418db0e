/**
 * The version of what parsing makes of a file: its listing row (title, date, source, language,
 * word count, fingerprint, problem) and its rendered article. The listing cache and the search
 * index record it and are rebuilt when it differs, so a parser change reaches every upgrader
 * instead of leaving them stale titles and languages.
 *
 * Never bumped from memory: `parser-golden.test.ts` compares what the parser makes of the test
 * corpus and the sample library with a golden file and fails when the output changed while this
 * number did not.
 * 3: saved pages keep text after a `<p>` left open inside an inline element (Readability dropped
 * the last paragraph of such a page).
 */
export const PARSER_VERSION = 3;

/**
 * The version a cache is written under: its own layout's version and the parser's, so a change of
 * either rebuilds it.
 */
export function cacheVersion(layout: number): string {
  return `${layout}/parser-${PARSER_VERSION}`;
}
