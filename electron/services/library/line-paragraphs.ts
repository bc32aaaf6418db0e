/** A line that ends a sentence: `.`, `!`, `?`, `…`, `:` or `;`, perhaps inside closing quotes or brackets. */
const SENTENCE_END = /[.!?…:;]["'”’»)\]]*$/u;
/** A line that carries on a sentence: it starts in lower case (after any opening quote or bracket). */
const CONTINUES = /^["'“‘«([]*\p{Ll}/u;

/**
 * Whether the single line breaks inside a text's paragraphs end paragraphs. Text saved from a
 * transcript or a web page often puts each paragraph on one line with no blank line between (the
 * UN General Debate speeches); text wrapped for email or print breaks lines at a column (~50–80)
 * wherever a word did not fit. Each break between two lines of a block is judged: it ends a
 * paragraph-like line when the line ends a sentence, or is a short line (under half the longest)
 * followed by one that starts afresh, and the next line does not carry on in lower case. The
 * whole text reads as one paragraph per line when at least 80 % of its breaks are like that;
 * wrapped prose ends a sentence at the wrap by chance only (2–11 % of breaks in the corpus).
 *
 * `blocks` holds the lines of each paragraph (lines separated by blank lines are paragraphs anyway).
 */
export function linesAreParagraphs(blocks: readonly (readonly string[])[]): boolean {
  const lines = blocks.flat().map((line) => line.trim());
  const width = Math.max(0, ...lines.map((line) => line.length));
  let breaks = 0;
  let paragraphEnds = 0;
  for (const block of blocks) {
    for (let index = 0; index + 1 < block.length; index += 1) {
      const line = block[index].trim();
      const next = block[index + 1].trim();
      breaks += 1;
      const endsParagraph = SENTENCE_END.test(line) || line.length < width / 2;
      if (endsParagraph && !CONTINUES.test(next)) paragraphEnds += 1;
    }
  }
  return breaks > 0 && paragraphEnds / breaks >= 0.8;
}
