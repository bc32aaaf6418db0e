import { access, realpath, rename, stat } from 'node:fs/promises';
import { ANNOTATION_CONTEXT, type AnnotationSidecar } from '../../common/annotation-model';
import { readAnnotationPage } from '../../common/annotation-validate';
import { readFileWithin, RefusedFileError } from '../fs/safe-read';
import { leadsOutside, libraryRootOf } from './paths';

export type SidecarRead =
  | { state: 'missing' }
  | { state: 'ok'; page: AnnotationSidecar }
  /** The bytes are there but are not a page we can use; `reason` is a clause a person can read. */
  | { state: 'corrupt'; reason: string }
  /** The file exists but could not be read (permissions, I/O); it must not be written over. */
  | { state: 'unreadable'; error: NodeJS.ErrnoException };

export function parseSidecar(text: string, briefingId: string): AnnotationSidecar | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return text.trim() ? 'it is not valid JSON (it may have been cut off while being written)' : 'it is empty (it may have been cut off while being written)';
  }
  return readAnnotationPage(value, briefingId);
}

/** Far beyond any real page of notes (a thousand notes take about 1 MB); a bigger file is left alone, never loaded. */
const SIDECAR_MAX_BYTES = 64 * 1024 * 1024;

/** The refusal as a clause, for "could not be read (…)". */
function refusalClause(error: RefusedFileError): string {
  if (error.reason === 'too-large') return `it is larger than ${SIDECAR_MAX_BYTES / 1024 / 1024} MB, far beyond a file of notes`;
  return error.message.replace(/^It /, 'it ').replace(/\.$/, '');
}

const isGone = (error: unknown) => ['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '');

/**
 * Reads the sidecar at `path` (made by `sidecarPath` for `briefingId`). Only a regular file
 * inside the library is read: one reached through a link that leads out of it, or a FIFO or
 * device in its place, is `unreadable` with the reason, so it is neither read nor written over.
 */
export async function readSidecar(path: string, briefingId: string): Promise<SidecarRead> {
  let text: string;
  try {
    const root = libraryRootOf(path, briefingId);
    const outside = await leadsOutside(root, path);
    if (outside) return { state: 'unreadable', error: new Error(outside) };
    text = Buffer.from(await readFileWithin(await realpath(root), path, SIDECAR_MAX_BYTES)).toString('utf8');
  } catch (error) {
    if (isGone(error)) return { state: 'missing' };
    if (error instanceof RefusedFileError) return { state: 'unreadable', error: new Error(refusalClause(error)) };
    return { state: 'unreadable', error: error as NodeJS.ErrnoException };
  }
  const parsed = parseSidecar(text, briefingId);
  return typeof parsed === 'string' ? { state: 'corrupt', reason: parsed } : { state: 'ok', page: parsed };
}

/**
 * Reads sidecars, reusing the last parse while the file's identity (inode, size, mtime in ns) is
 * unchanged. Any change by another program alters at least one of them, so it is re-read.
 */
/** Identity of a file's current content, or null if it is not there. */
export async function fileStamp(path: string): Promise<string | null> {
  try {
    const info = await stat(path, { bigint: true });
    return `${info.ino}:${info.size}:${info.mtimeNs}`;
  } catch {
    return null;
  }
}

export class SidecarReader {
  private readonly cache = new Map<string, { stamp: string; result: SidecarRead }>();

  async read(path: string, briefingId: string): Promise<SidecarRead> {
    let stamp: string;
    try {
      const info = await stat(path, { bigint: true });
      stamp = `${info.ino}:${info.size}:${info.mtimeNs}`;
    } catch (error) {
      this.cache.delete(path);
      if (isGone(error)) return { state: 'missing' };
      return { state: 'unreadable', error: error as NodeJS.ErrnoException };
    }
    const cached = this.cache.get(path);
    if (cached?.stamp === stamp) return cached.result;
    const result = await readSidecar(path, briefingId);
    if (result.state === 'ok') this.cache.set(path, { stamp, result });
    else this.cache.delete(path);
    return result;
  }

  forget(path: string): void {
    this.cache.delete(path);
  }
}

/**
 * Moves a damaged sidecar aside, byte for byte, to `x.md.corrupt-<time>.json`, never over an
 * earlier one. Returns where it went, or null if it had already gone (another window moved it).
 */
export async function quarantine(path: string, now: Date): Promise<string | null> {
  const stamp = now.toISOString().replace(/[-:.]/g, '');
  for (let attempt = 0; attempt < 100; attempt++) {
    const target = path.replace(/\.json$/, `.corrupt-${stamp}${attempt ? `-${attempt}` : ''}.json`);
    try {
      await access(target);
      continue;
    } catch {
      // free name
    }
    try {
      await rename(path, target);
      return target;
    } catch (error) {
      if (isGone(error)) return null;
      throw error;
    }
  }
  throw new Error(`no free name to move ${path} aside`);
}

/** Two-space JSON so people can read and diff their notes. */
export const serializeSidecar = (page: AnnotationSidecar): string => `${JSON.stringify(page, null, 2)}\n`;

export function emptySidecar(briefingId: string, fingerprint: string): AnnotationSidecar {
  return {
    '@context': ANNOTATION_CONTEXT,
    type: 'AnnotationPage',
    'briefing:source': briefingId,
    'briefing:fingerprint': fingerprint,
    'briefing:deleted': [],
    items: [],
  };
}
