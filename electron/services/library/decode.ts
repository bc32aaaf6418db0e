import type { BriefingFormat, Problem } from '../../common/model';
import { decodePageBytes } from '../saved-page/page-charset';

export interface DecodedText {
  text: string;
  /** A warning when the bytes were not clean UTF-8; the text is still shown. */
  problem: Problem | null;
}

/** A zero-byte file, in any format. */
export const EMPTY_FILE: Problem = { code: 'empty', severity: 'error', message: 'This file is empty.' };

/** How the reader names the encodings it recognises, for the notice that says a file was read in one. */
const ENCODING_NAMES: Record<string, string> = {
  'windows-1251': 'Windows-1251 (Cyrillic)',
  'koi8-u': 'KOI8 (Cyrillic)',
  'iso-8859-5': 'ISO-8859-5 (Cyrillic)',
  ibm866: 'DOS 866 (Cyrillic)',
  'windows-1252': 'Windows-1252 (Western)',
};

/**
 * Turns a file's bytes into text, or says why it is not text. A NUL byte in the first 8 KB marks a
 * binary file (text in any encoding the library reads has none). Every format is decoded the way
 * saved pages are (`decodePageBytes`): by a byte order mark, a declared charset (saved pages
 * carry one: windows-1251, KOI8-U, ISO-8859-1…), else as UTF-8 when the bytes are UTF-8, else by
 * recognising the encoding from the text. A Markdown or text file never declares its encoding, so
 * one read from a recognised legacy encoding says which, and bytes no encoding fits are shown as �
 * and counted.
 */
export function decodeBriefingBytes(bytes: Uint8Array, format: BriefingFormat = 'text'): DecodedText | Problem {
  if (bytes.length === 0) return EMPTY_FILE;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), problem: null };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), problem: null };
  if (bytes.subarray(0, 8192).includes(0)) {
    return {
      code: 'binary',
      severity: 'error',
      message: 'This file holds binary data, not text, so it cannot be shown. Is it a document saved with the wrong extension?',
    };
  }
  const decoded = decodePageBytes(bytes);
  const text = stripBom(decoded.text);
  if (decoded.lossy) return { text, problem: replacedProblem(text) };
  const guessed = format !== 'html' && decoded.source === 'detected';
  return { text, problem: guessed ? readAsProblem(decoded.encoding) : null };
}

function readAsProblem(encoding: string): Problem {
  const name = ENCODING_NAMES[encoding] ?? encoding.toUpperCase();
  return {
    code: 'invalid-utf8',
    severity: 'warning',
    message: `Read as ${name}: this file is not UTF-8 text, so its encoding was recognised from the text. If letters look wrong, save the file as UTF-8.`,
  };
}

function replacedProblem(text: string): Problem {
  const replaced = text.match(/\uFFFD/g)?.length ?? 0;
  const share = replaced / Math.max(1, text.length);
  const characters = replaced === 1 ? '1 character' : `${replaced.toLocaleString('en')} characters`;
  return {
    code: 'invalid-utf8',
    severity: 'warning',
    message:
      `This file is not valid UTF-8 text and its encoding could not be recognised: ${characters} could not be read and ${replaced === 1 ? 'is' : 'are'} shown as �` +
      (share < 0.01 ? '; the rest reads normally.' : '.'),
  };
}

export function isProblem(value: DecodedText | Problem): value is Problem {
  return 'code' in value;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
