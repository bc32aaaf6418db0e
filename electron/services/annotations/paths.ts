import { join, relative, sep } from 'node:path';
import { ApiError } from '../../common/errors';

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
  return relative(annotationsRoot(libraryRoot), sidecar).split(sep).join('/').replace(/\.json$/, '');
}
