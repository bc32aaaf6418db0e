import { mkdir, realpath } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { ApiError } from '../../common/errors';
import { isWithin } from '../fs/safe-read';

/** Where sidecars live inside a library; hidden so the library scan skips it. */
export const annotationsRoot = (libraryRoot: string): string => join(libraryRoot, '.briefing', 'annotations');

/**
 * The sidecar of a briefing: its id (a `/`-separated relative path) plus `.json`, under the
 * annotations folder. Ids arrive from the renderer, so anything that could climb out of that
 * folder is refused rather than normalised.
 */
export function sidecarPath(libraryRoot: string, briefingId: string): string {
  const segments = briefingId.split('/');
  if (!briefingId || briefingId.includes('\\') || briefingId.includes('\0') || segments.some((part) => part === '' || part === '.' || part === '..')) {
    throw new ApiError('invalid-arguments', `“${briefingId}” is not a briefing in this library.`);
  }
  return `${join(annotationsRoot(libraryRoot), ...segments)}.json`;
}

/** The briefing id a sidecar belongs to, from its path. */
export function briefingIdOf(libraryRoot: string, sidecar: string): string {
  return relative(annotationsRoot(libraryRoot), sidecar)
    .split(sep)
    .join('/')
    .replace(/\.json$/, '');
}

/** The library a sidecar path (made by `sidecarPath` for `briefingId`) belongs to. */
export function libraryRootOf(sidecar: string, briefingId: string): string {
  const tail = `${sep}${join('.briefing', 'annotations', ...briefingId.split('/'))}.json`;
  if (!sidecar.endsWith(tail)) throw new Error(`${sidecar} is not the annotations file of ${briefingId}`);
  return sidecar.slice(0, -tail.length) || sep;
}

/**
 * Why `path` (anything under the annotations folder, existing or not) must not be used: the
 * deepest part of it that exists leads, through a link, outside the library. A linked
 * `.briefing`, `annotations` or sidecar pointing elsewhere would have notes read from, or written
 * into, a place the person never chose. Null when it stays inside.
 */
export async function leadsOutside(libraryRoot: string, path: string): Promise<string | null> {
  const realRoot = await realpath(libraryRoot);
  for (let probe = path; isWithin(libraryRoot, probe); probe = dirname(probe)) {
    let real: string;
    try {
      real = await realpath(probe);
    } catch (error) {
      if (['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '')) continue;
      throw error;
    }
    if (isWithin(realRoot, real)) return null;
    return `“${relative(libraryRoot, probe).split(sep).join('/')}” is a link to ${real}, outside the library, so notes are neither read from it nor written through it. Replace the link with a real folder (or file) and notes are saved again`;
  }
  return null;
}

/** Makes the folder of a sidecar, refusing (an ApiError) when it would lie outside the library. */
export async function makeSidecarFolder(libraryRoot: string, sidecar: string): Promise<void> {
  const outside = await leadsOutside(libraryRoot, sidecar);
  if (outside) throw new ApiError('refused', outside);
  await mkdir(dirname(sidecar), { recursive: true });
}
