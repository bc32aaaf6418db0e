import { constants, type Stats } from 'node:fs';
import { lstat, open, realpath, type FileHandle } from 'node:fs/promises';
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

// Not on Windows, which has neither flag (nor FIFOs a folder of files would hold).
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0);
/** Read size once a file has given all its stat said it held: a lying size is found out cheaply. */
const PROBE = 64 * 1024;

/**
 * Reads a regular file whose real path is inside `realRoot`, at most `maxBytes` of it. Links are
 * resolved first and the result checked, and anything but a regular file is refused before it is
 * opened. It is then opened without following a link (one swapped in meanwhile fails) and without
 * blocking (a FIFO swapped in cannot hang the open), and the open file must be the one checked.
 * After opening, the path must still lead, inside the root, to that very file. Reading stops at
 * `maxBytes + 1`, so the cap holds even when the reported size is wrong (a file still growing,
 * /proc, a device).
 */
export async function readFileWithin(realRoot: string, path: string, maxBytes: number): Promise<Uint8Array> {
  const real = await realPathWithin(realRoot, path);
  const checked = await lstat(real);
  refuseSpecial(checked);
  const handle = await open(real, OPEN_FLAGS).catch((error: NodeJS.ErrnoException) => {
    // O_NOFOLLOW's refusal: the last part of the path became a link after it was resolved.
    if (error.code === 'ELOOP') throw new RefusedFileError('outside', 'It was replaced by a link while being opened, so it is not read.');
    // What opening a socket says.
    if (error.code === 'ENXIO') throw new RefusedFileError('special', 'It is a socket or a device, not a regular file, so it is not read.');
    throw error;
  });
  try {
    const info = await handle.stat();
    refuseSpecial(info);
    const now = await lstat(await realPathWithin(realRoot, path));
    if (!sameFile(info, checked) || !sameFile(info, now)) throw new RefusedFileError('outside', 'It was replaced while being opened, so it is not read.');
    if (info.size > maxBytes) throw new RefusedFileError('too-large', 'It is too large to open.', info.size);
    return await readCapped(handle, info.size, maxBytes);
  } finally {
    await handle.close();
  }
}

function refuseSpecial(info: Stats): void {
  if (info.isFile()) return;
  throw specialFileError(info) ?? new RefusedFileError('special', 'It is a folder, not a file, so it is not read.');
}

const sameFile = (a: Stats, b: Stats) => a.dev === b.dev && a.ino === b.ino;

async function readCapped(handle: FileHandle, expected: number, maxBytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const size = Math.min(total < expected ? expected - total : PROBE, maxBytes + 1 - total);
    const buffer = Buffer.allocUnsafe(size);
    const { bytesRead } = await handle.read(buffer, 0, size, null);
    if (bytesRead === 0) break;
    chunks.push(buffer.subarray(0, bytesRead));
    total += bytesRead;
    if (total > maxBytes) throw new RefusedFileError('too-large', 'It is too large to open.', null);
  }
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
}
