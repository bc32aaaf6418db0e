import { constants, type Stats } from 'node:fs';
import { lstat, open, readlink, realpath, type FileHandle } from 'node:fs/promises';
import { isAbsolute, relative, sep } from 'node:path';

/** Why a file was not read: it leads out of the folder, is not a regular file, or is over the cap. */
export type RefusalReason = 'outside' | 'special' | 'too-large';

export class RefusedFileError extends Error {
  constructor(
    readonly reason: RefusalReason,
    message: string,
    /** For `too-large`: the size seen, or null when the file held more than its size said. */
    readonly size: number | null = null,
  ) {
    super(message);
  }
}

/** True when `path` is `folder` or below it; both must be real paths (no links). */
export function isWithin(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${sep}`));
}

/** What a non-regular file is, in words; null for a regular file or a folder. */
function specialKind(info: Stats): string | null {
  if (info.isFile() || info.isDirectory()) return null;
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  return 'a special file';
}

/**
 * Where `path` really is, checked to be inside `realRoot` (a real path): a link that leads out of
 * it throws `outside`. Missing files throw the file system's ENOENT.
 */
export async function realPathWithin(realRoot: string, path: string): Promise<string> {
  const real = await realpath(path);
  if (!isWithin(realRoot, real)) throw outsideError(real, false);
  return real;
}

/** The refusal of a link to `real`, outside the library. */
export function outsideError(real: string, folder: boolean): RefusedFileError {
  const remedy = folder ? 'open that folder as a library' : 'open the folder it is in as a library';
  return new RefusedFileError('outside', `It is a link to ${real}, outside the library, so it is not read. To read it, ${remedy}.`);
}

/** The refusal of anything but a regular file or a folder, or null. */
export function specialFileError(info: Stats): RefusedFileError | null {
  const kind = specialKind(info);
  return kind ? new RefusedFileError('special', `It is ${kind}, not a regular file, so it is not read.`) : null;
}

// Not on Windows, which has none of these flags (nor FIFOs a folder of files would hold).
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0) | (constants.O_NOCTTY ?? 0);
/** Read size for a file whose size reads 0 (/proc, a device): read until it ends or passes the cap. */
const CHUNK = 64 * 1024;
/** Where Linux names the file behind an open descriptor, exactly. */
const FD_LINKS = '/proc/self/fd';

/**
 * Reads a regular file whose real path is inside `realRoot`, at most `maxBytes` of it. Its links
 * are resolved and the real path checked before anything is opened. It is then opened without
 * following a link (one swapped in meanwhile fails), without blocking (a FIFO cannot hang the
 * open) and without becoming a terminal's, and anything but a regular file is refused from the
 * open descriptor. The file opened must then still be inside the root (a folder on the way
 * swapped for a link meanwhile is caught). A file whose size reads 0 is read until it ends or
 * passes `maxBytes`, so the cap holds even when the size is wrong (/proc, a device).
 */
export async function readFileWithin(realRoot: string, path: string, maxBytes: number): Promise<Uint8Array> {
  const real = await realPathWithin(realRoot, path);
  const handle = await open(real, OPEN_FLAGS).catch((error: NodeJS.ErrnoException) => {
    // O_NOFOLLOW's refusal: the last part of the path became a link after it was resolved.
    if (error.code === 'ELOOP') throw replaced();
    // What opening a socket says.
    if (error.code === 'ENXIO') throw new RefusedFileError('special', 'It is a socket, not a regular file, so it is not read.');
    throw error;
  });
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw specialFileError(info) ?? new RefusedFileError('special', 'It is a folder, not a file, so it is not read.');
    const opened = await openedPath(handle, real, info);
    if (opened === null || !isWithin(realRoot, opened)) throw replaced();
    if (info.size > maxBytes) throw new RefusedFileError('too-large', 'It is too large to open.', info.size);
    return await readCapped(handle, info.size, maxBytes);
  } finally {
    await handle.close();
  }
}

const replaced = () => new RefusedFileError('outside', 'It was replaced by a link while being opened, so it is not read.');

/**
 * The real path of the file `handle` holds open. Linux says exactly; elsewhere `real` is resolved
 * again and must lead to the same file (null when it does not).
 */
async function openedPath(handle: FileHandle, real: string, info: Stats): Promise<string | null> {
  try {
    return await readlink(`${FD_LINKS}/${handle.fd}`);
  } catch {
    const again = await realpath(real);
    const now = await lstat(again);
    return now.dev === info.dev && now.ino === info.ino ? again : null;
  }
}

/** Reads `expected` bytes (or up to the end); when `expected` is 0, up to the end, refusing past `maxBytes`. */
async function readCapped(handle: FileHandle, expected: number, maxBytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const size = expected > 0 ? expected - total : Math.min(CHUNK, maxBytes + 1 - total);
    if (size === 0) break;
    const buffer = Buffer.allocUnsafe(size);
    const { bytesRead } = await handle.read(buffer, 0, size, null);
    if (bytesRead === 0) break;
    chunks.push(buffer.subarray(0, bytesRead));
    total += bytesRead;
    if (total > maxBytes) throw new RefusedFileError('too-large', 'It is too large to open.', null);
  }
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
}
