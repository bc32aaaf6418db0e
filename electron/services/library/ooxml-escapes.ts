/**
 * Text exported from Excel or Word (OOXML) writes characters XML cannot hold as `_xHHHH_`: a
 * carriage return as `_x000D_`, a tab as `_x0009_`, and a literal `_x` sequence with its
 * underscore escaped as `_x005F_`. Briefings collected through spreadsheets keep them (the Defense
 * releases in the corpus end every line in `_x000D_`), and Markdown reads `_x000D_` as emphasis.
 * Line breaks and tabs come back as themselves, other control characters go, and any other
 * `_xHHHH_` is left as written.
 */
export function decodeOoxmlEscapes(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (escape, hex: string) => {
    const code = parseInt(hex, 16);
    if (code === 0x5f) return '_';
    if (code === 0x09 || code === 0x0a || code === 0x0d) return String.fromCharCode(code);
    return code < 0x20 ? '' : escape;
  });
}
