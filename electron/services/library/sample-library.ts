import { cp, stat } from 'node:fs/promises';

/**
 * First run: copies the bundled sample library to a writable folder (the bundle itself may be
 * read-only, and annotations are written beside the briefings). An existing folder is never
 * overwritten: the person may have edited it.
 */
export async function ensureSampleLibrary(sampleSource: string, target: string): Promise<string> {
  const existing = await stat(target).catch(() => null);
  if (!existing) await cp(sampleSource, target, { recursive: true, errorOnExist: false, force: false });
  return target;
}
