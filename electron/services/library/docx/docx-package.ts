import { unzipSync } from 'fflate';
import type { Problem } from '../../../common/model';

/** The parts of a Word package that are read, inflated and held in memory by name. */
export type DocxEntries = Record<string, Uint8Array>;

/**
 * Most a Word file may hold once inflated. A briefing's text is a few hundred kilobytes of XML and
 * its pictures a few megabytes; a zip bomb (a small file that inflates to gigabytes) stops here
 * before anything is inflated.
 */
export const MAX_INFLATED_BYTES = 100 * 1024 * 1024;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** An OLE compound file: a `.doc`, or a `.docx` saved with a password (Word encrypts the package inside one). */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * The parts mammoth converts and the core properties; embedded objects (spreadsheets, OLE
 * packages), custom XML and thumbnails are never inflated.
 */
const NEEDED = /^(\[Content_Types\]\.xml|_rels\/\.rels|docProps\/core\.xml|word\/(?!embeddings\/)[^]+)$/;

const damaged = (message: string): Problem => ({ code: 'damaged', severity: 'error', message });

export const NOT_A_WORD_FILE = damaged('This .docx file is damaged or is not a Word document.');

/**
 * Opens a `.docx` (an OOXML zip package) and inflates the parts that are read. Everything wrong with
 * the file is a problem a person can act on, never an exception: a file that is not a zip, an
 * encrypted or old binary Word file, a zip without a document, one that would inflate past
 * `MAX_INFLATED_BYTES`.
 */
export function openDocxPackage(bytes: Uint8Array): DocxEntries | Problem {
  if (startsWith(bytes, OLE_MAGIC)) return oleProblem(bytes);
  if (!startsWith(bytes, ZIP_MAGIC)) return NOT_A_WORD_FILE;
  let declared = 0;
  let entries: DocxEntries;
  try {
    entries = unzipSync(bytes, {
      filter: (file) => {
        if (!NEEDED.test(file.name)) return false;
        declared += file.originalSize;
        // fflate inflates each part into a buffer of its declared size, so a part that lies about
        // its size is cut short (and fails to parse) rather than growing past the bound.
        if (declared > MAX_INFLATED_BYTES) throw new InflatedTooLarge();
        return true;
      },
    });
  } catch (error) {
    if (error instanceof InflatedTooLarge) {
      return {
        code: 'too-large',
        severity: 'error',
        message: `This Word file would take over ${MAX_INFLATED_BYTES / 1024 / 1024} MB once unpacked; Briefing Reader opens Word files of up to that size.`,
      };
    }
    return NOT_A_WORD_FILE;
  }
  if (!entries['word/document.xml']) return damaged('This .docx file has no document in it: it is damaged or is not a Word document.');
  return entries;
}

class InflatedTooLarge extends Error {}

export function isProblem(value: DocxEntries | Problem): value is Problem {
  return typeof (value as Problem).code === 'string' && typeof (value as Problem).severity === 'string';
}

/**
 * Word saves a password-protected `.docx` as an OLE compound file holding `EncryptionInfo` and
 * `EncryptedPackage` streams; an old `.doc` is an OLE file holding a `WordDocument` stream. Stream
 * names are UTF-16 in the file's directory, so looking for the encrypted package's name tells the two apart.
 */
function oleProblem(bytes: Uint8Array): Problem {
  if (containsUtf16(bytes, 'EncryptedPackage')) {
    return {
      code: 'password',
      severity: 'error',
      message: 'This Word file is password-protected; open it in Word, remove the password and save it again to read it here.',
    };
  }
  return damaged('This is an old-style Word document (.doc) named .docx; save it as a .docx in Word to read it here.');
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((byte, index) => bytes[index] === byte);
}

function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = Buffer.from(text, 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle);
}
