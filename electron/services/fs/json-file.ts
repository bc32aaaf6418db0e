import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from './atomic-write';

/**
 * Reads a JSON file the app owns (settings, caches). These can always be rebuilt, so a missing or
 * damaged file yields `fallback` instead of an error; the app keeps working with defaults.
 */
export async function readJsonOr<T>(path: string, fallback: T): Promise<T> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T;
  } catch {
    return fallback;
  }
}

export async function writeJson(path: string, value: unknown): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(value)}\n`);
}
