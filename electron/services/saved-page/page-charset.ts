import chardet from 'chardet';
import { ResultType, Sniffer } from 'encoding-sniffer/sniffer';
import iconv from 'iconv-lite';

/** Where a page's encoding came from: its byte order mark, its own declaration, or a guess. */
export type CharsetSource = 'bom' | 'declared' | 'detected' | 'default';

export interface DecodedPage {
  text: string;
  /** The encoding the text was decoded with, as iconv-lite names it (`utf-8`, `windows-1251`, `koi8-u`). */
  encoding: string;
  source: CharsetSource;
  /** True when no encoding fitted and invalid bytes were replaced with U+FFFD. */
  lossy: boolean;
}

/**
 * How far the declaration is looked for. The HTML standard prescans 1024 bytes, but saved pages
 * often put a long comment or inline style before their `<meta charset>`; a wider scan costs nothing.
 */
const SNIFF_BYTES = 8192;

/** Detection reads this much text starting at the first non-ASCII byte: markup alone tells it nothing. */
const DETECT_SAMPLE_BYTES = 64 * 1024;

const utf8Strict = new TextDecoder('utf-8', { fatal: true });
const utf8Lenient = new TextDecoder('utf-8');

/**
 * Decodes a saved web page by its byte order mark, else its `<meta charset>` / `http-equiv`
 * declaration, checked against the bytes: a page that declares UTF-8 but is not valid UTF-8 (a
 * windows-1251 page re-saved with a wrong header) is decoded by detection instead, and a page that
 * declares a legacy charset but is valid non-ASCII UTF-8 is read as UTF-8, and a page declared
 * Western (ISO-8859-1, windows-1252: a common server default) whose text is nearly all letters
 * from the upper half is detected, since that is Cyrillic in windows-1251 or KOI8. Without a
 * declaration, valid UTF-8 is UTF-8, UTF-8 with a few damaged bytes stays UTF-8 (lossy), and
 * anything else is detected. Markdown and text files, which declare nothing, are decoded the same way.
 */
export function decodePageBytes(bytes: Uint8Array): DecodedPage {
  const sniffer = new Sniffer({ maxBytes: SNIFF_BYTES });
  sniffer.write(bytes.subarray(0, SNIFF_BYTES));
  const declared = toIconvName(sniffer.encoding);

  if (sniffer.resultType === ResultType.BOM && declared) {
    return { text: iconv.decode(asBuffer(bytes), declared), encoding: declared, source: 'bom', lossy: false };
  }
  const firstHigh = bytes.findIndex((byte) => byte >= 0x80);
  const utf8 = decodeStrictUtf8(bytes);
  const isDeclaration = sniffer.resultType !== ResultType.DEFAULT && declared !== null;
  if (isDeclaration && declared !== 'utf-8' && !(utf8 !== null && firstHigh !== -1)) {
    const cyrillic = declared === 'windows-1252' && firstHigh !== -1 && looksCyrillic(bytes, firstHigh) ? detectEncoding(bytes, firstHigh) : null;
    if (cyrillic && CYRILLIC_ENCODINGS.has(cyrillic))
      return { text: iconv.decode(asBuffer(bytes), cyrillic), encoding: cyrillic, source: 'detected', lossy: false };
    return { text: iconv.decode(asBuffer(bytes), declared), encoding: declared, source: 'declared', lossy: false };
  }
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8', source: isDeclaration && declared === 'utf-8' ? 'declared' : 'default', lossy: false };
  const damaged = utf8Lenient.decode(bytes);
  if (isMostlyUtf8(damaged)) return { text: damaged, encoding: 'utf-8', source: 'default', lossy: true };

  const detected = detectEncoding(bytes, firstHigh);
  if (detected) return { text: iconv.decode(asBuffer(bytes), detected), encoding: detected, source: 'detected', lossy: false };
  return { text: utf8Lenient.decode(bytes), encoding: 'utf-8', source: 'default', lossy: true };
}

/** Single-byte Cyrillic encodings, as iconv-lite names chardet's guesses. */
const CYRILLIC_ENCODINGS = new Set(['windows-1251', 'koi8-u', 'iso-8859-5', 'ibm866']);

/**
 * Whether the letters after the first non-ASCII byte are mostly bytes 0xC0–0xFF. In windows-1252
 * those are accented Latin letters, a few in a hundred even in French or Czech; in windows-1251
 * and KOI8 they are the Cyrillic alphabet, so Russian or Ukrainian text is almost all of them.
 */
function looksCyrillic(bytes: Uint8Array, firstHigh: number): boolean {
  let upper = 0;
  let latin = 0;
  for (const byte of bytes.subarray(firstHigh, firstHigh + DETECT_SAMPLE_BYTES)) {
    if (byte >= 0xc0) upper++;
    else if ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7a) latin++;
  }
  return upper > 0.4 * (upper + latin);
}

/**
 * Whether text decoded leniently as UTF-8 holds more good non-ASCII characters than replaced ones:
 * UTF-8 with a few damaged bytes (a copy cut off mid-character). Detection would read it as
 * windows-1252 and turn every curly quote into "â€™"; in a legacy encoding almost every non-ASCII
 * byte is invalid UTF-8, so the replaced ones win.
 */
function isMostlyUtf8(text: string): boolean {
  let good = 0;
  let replaced = 0;
  for (const char of text) {
    if (char === '\uFFFD') replaced++;
    else if (char.charCodeAt(0) >= 0x80) good++;
  }
  return good >= replaced;
}

/** The text if the bytes are valid UTF-8 (a BOM is dropped), else null. */
function decodeStrictUtf8(bytes: Uint8Array): string | null {
  try {
    return utf8Strict.decode(bytes);
  } catch {
    return null;
  }
}

/** A single-byte or CJK legacy encoding guessed from the text, or null when the guess is UTF-8 or unusable. */
function detectEncoding(bytes: Uint8Array, firstHigh: number): string | null {
  const start = Math.max(0, firstHigh - 1024);
  const guess = chardet.detect(bytes.subarray(start, start + DETECT_SAMPLE_BYTES));
  if (!guess) return null;
  // KOI8-U is KOI8-R plus the Ukrainian letters (і, ї, є, ґ) in place of box-drawing characters, so
  // decoding a KOI8-R guess as KOI8-U reads Russian the same and Ukrainian correctly.
  const name = toIconvName(guess === 'KOI8-R' ? 'koi8-u' : guess);
  return name === 'utf-8' ? null : name;
}

/**
 * The iconv-lite name for an encoding label, or null when iconv-lite cannot decode it. ISO-8859-1
 * and US-ASCII are read as windows-1252, as browsers do: pages labelled Latin-1 routinely use its
 * curly quotes and dashes in 0x80–0x9F.
 */
function toIconvName(label: string): string | null {
  const name = label.toLowerCase();
  if (name === 'iso-8859-1' || name === 'us-ascii' || name === 'ascii' || name === 'latin1') return 'windows-1252';
  return iconv.encodingExists(name) ? name : null;
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
