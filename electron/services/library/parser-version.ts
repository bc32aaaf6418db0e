/**
 * The version of what parsing makes of a file: its listing row (title, date, source, language,
 * word count, fingerprint, problem) and its rendered article. The listing cache and the search
 * index record it and are rebuilt when it differs, so a parser change reaches every upgrader
 * instead of leaving them stale titles and languages.
 *
 * Never bumped from memory: `parser-golden.test.ts` compares what the parser makes of the test
 * corpus, the sample library and the import fixtures with a golden file and fails when the output
 * changed while this number did not.
 * 3: first version recorded by the caches (listings cached by hand-bumped version 2 are rebuilt).
 * 4: a saved page's text after `</body>` or `</html>`, or in a second `<body>`, is in its article, as
 * a browser shows it (it was left out of the body Readability reads).
 * 5: PDFs (text extracted with pdf.js, scans and gibberish flagged 'no-text', locked ones 'password')
 * and Word files are listed; a zero-byte file of any format is 'empty' before it is decoded.
 * 6: a summary carries its translations' link (front matter `pair_id`, as `pairId`) and, when the text
 * contradicts the declared language, the language it reads as (`detectedLanguage`).
 */
export const PARSER_VERSION = 6;

/**
 * The version a cache is written under: its own layout's version and the parser's, so a change of
 * either rebuilds it.
 */
export function cacheVersion(layout: number): string {
  return `${layout}/parser-${PARSER_VERSION}`;
}
