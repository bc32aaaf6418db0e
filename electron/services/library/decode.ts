import type { BriefingFormat, Problem } from '../../common/model';
import { decodePageBytes } from '../import/page-charset';

export interface DecodedText {
  text: string;
  /** A warning when the bytes were not clean UTF-8; the text is still shown. */
  problem: Problem | null;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf8Lenient = new TextDecoder('utf-8');

const INVALID_UTF8: Problem = {
  code: 'invalid-utf8',
  severity: 'warning',
  message: 'Some bytes in this file are not valid UTF-8 text; they are shown as � and the rest reads normally.',
};

/**
 * Turns a file's bytes into text, or says why it is not text. A NUL byte in the first 8 KB marks a
 * binary file (text in any encoding the library reads has none). Markdown and text files are UTF-8:
 * invalid UTF-8 is decoded with U+FFFD in place of the bad bytes and reported, so the rest of the
 * file can still be read. Saved web pages carry their charset (windows-1251, KOI8-U, ISO-8859-1…)
 * and are decoded by it, checked against the bytes; only a page no charset fits is reported.
 */
export function decodeBriefingBytes(bytes: Uint8Array, format: BriefingFormat = 'text'): DecodedText | Problem {
  if (bytes.length === 0) {
    return { code: 'empty', severity: 'error', message: 'This file is empty.' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), problem: null };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), problem: null };
  if (bytes.subarray(0, 8192).includes(0)) {
    return {
      code: 'binary',
      severity: 'error',
      message: 'This file holds binary data, not text, so it cannot be shown. Is it a document saved with the wrong extension?',
    };
  }
  if (format === 'html') {
    const page = decodePageBytes(bytes);
    return { text: page.text, problem: page.lossy ? INVALID_UTF8 : null };
  }
  try {
    return { text: stripBom(utf8.decode(bytes)), problem: null };
  } catch {
    return { text: stripBom(utf8Lenient.decode(bytes)), problem: INVALID_UTF8 };
  }
}

export function isProblem(value: DecodedText | Problem): value is Problem {
  return 'code' in value;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
