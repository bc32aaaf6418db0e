/**
 * A file name every common file system accepts (Windows, macOS, Linux): characters they refuse become `-`,
 * control characters and runs of white space one space, leading and trailing dots and spaces go, names Windows reserves
 * (CON, PRN, AUX, NUL, COM1–9, LPT1–9, also as `CON.notes`) get a `_`, and the base is cut to 120 characters (whole
 * graphemes, so an emoji is never split) and 200 bytes of UTF-8. Never empty: falls back to "notes".
 */
export function safeFileName(base: string, extension: string): string {
  let name = [...(base ?? '').normalize('NFC')]
    .map((char) => (isControl(char) ? ' ' : char))
    .join('')
    .replace(/[<>:"/\\|?*]+/g, '-')
    .replace(/\s+/g, ' ');
  name = trimEnds(cut(trimEnds(name), MAX_CHARS, MAX_BYTES));
  name = name.replace(RESERVED, '$1_$2');
  return `${name || 'notes'}.${extension}`;
}

/** C0 and C1 control characters (and DEL): refused by Windows, trouble everywhere else. */
function isControl(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return code < 0x20 || (code >= 0x7f && code <= 0x9f);
}

const MAX_CHARS = 120;
const MAX_BYTES = 200;

/** Reserved device names: refused by Windows alone or with any extension ("CON.md", "com1.notes"). */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\.|$)/i;

/** Dots and spaces at either end: Windows drops trailing ones, a leading dot hides the file elsewhere; stray dashes look like debris. */
function trimEnds(name: string): string {
  return name.replace(/^[\s.-]+/, '').replace(/[\s.-]+$/, '');
}

function cut(name: string, maxChars: number, maxBytes: number): string {
  const encoder = new TextEncoder();
  let result = '';
  let chars = 0;
  let bytes = 0;
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(name)) {
    const size = encoder.encode(segment).length;
    const length = [...segment].length;
    if (chars + length > maxChars || bytes + size > maxBytes) break;
    result += segment;
    chars += length;
    bytes += size;
  }
  return result;
}
