import { createHash } from 'node:crypto';
import { readdir, readFile, rm, stat, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { isAtomicTempName, writeFileAtomic } from '../../fs/atomic-write';
import { cacheVersion } from '../parser-version';
import type { PdfExtraction } from './extract-pdf';

/** The cache's folder under the app's cache folder (`<userData>/cache/pdf-text`). */
export const PDF_CACHE_FOLDER = 'pdf-text';
/** The layout of one cached file; bump when PdfExtraction's shape changes. */
const LAYOUT = 1;
/** The cache is kept under this size; the files used least recently go first. */
const DEFAULT_LIMIT_BYTES = 256 * 1024 * 1024;
/** A temp file this old was left by a writer that was killed. */
const STALE_TEMP_MS = 10 * 60 * 1000;

interface CacheFile {
  version: string;
  extraction: PdfExtraction;
}

let folder: string | null = null;
let limitBytes = DEFAULT_LIMIT_BYTES;
/** Bytes written since the folder was last measured: pruning measures again once they add up. */
let writtenSinceMeasure = Infinity;

/**
 * Where this thread keeps PDF extractions (null: nowhere, every PDF is extracted each time). The
 * parse worker, the search worker and the main process share one folder: a PDF extracted while
 * the library is listed is not extracted again to be indexed, opened or exported.
 */
export function configurePdfCache(cacheFolder: string | null, limit = DEFAULT_LIMIT_BYTES): void {
  folder = cacheFolder;
  limitBytes = limit;
  writtenSinceMeasure = Infinity;
}

/**
 * A PDF's extraction, from the cache when its bytes were extracted before by this parser version,
 * else made by `extract` and cached. Keyed by the SHA-256 of the bytes, which is returned too.
 * A cache file that cannot be read or is not a valid extraction is ignored and replaced; a cache
 * that cannot be written (a full disk) costs speed, never the result.
 */
export async function cachedExtraction(
  bytes: Uint8Array,
  extract: (bytes: Uint8Array) => Promise<PdfExtraction>,
): Promise<{ key: string; extraction: PdfExtraction }> {
  const key = createHash('sha256').update(bytes).digest('hex');
  const dir = folder;
  if (!dir) return { key, extraction: await extract(bytes) };
  const path = join(dir, `${key}.json`);
  const cached = await readCached(path);
  if (cached) {
    // Marks it used, so pruning drops the files not opened for longest.
    const now = new Date();
    await utimes(path, now, now).catch(() => undefined);
    return { key, extraction: cached };
  }
  const extraction = await extract(bytes);
  const data = JSON.stringify({ version: cacheVersion(LAYOUT), extraction } satisfies CacheFile);
  try {
    await writeFileAtomic(path, data);
    writtenSinceMeasure += Buffer.byteLength(data);
    if (writtenSinceMeasure > limitBytes / 10) await prune(dir);
  } catch {
    // Not cached; the extraction still stands.
  }
  return { key, extraction };
}

async function readCached(path: string): Promise<PdfExtraction | null> {
  try {
    const file = JSON.parse(await readFile(path, 'utf8')) as Partial<CacheFile>;
    return file.version === cacheVersion(LAYOUT) && isExtraction(file.extraction) ? file.extraction : null;
  } catch {
    return null;
  }
}

function isExtraction(value: unknown): value is PdfExtraction {
  const extraction = value as PdfExtraction | null;
  if (extraction?.kind === 'locked') return true;
  if (extraction?.kind !== 'opened') return false;
  const { pages, failedPages, info, pageCount } = extraction;
  return (
    Number.isInteger(pageCount) &&
    Array.isArray(pages) &&
    pages.length === pageCount &&
    pages.every((page) => typeof page === 'string') &&
    Array.isArray(failedPages) &&
    typeof info === 'object' &&
    info !== null &&
    [info.titles, info.authors, info.dates, info.producers].every((list) => Array.isArray(list) && list.every((item) => typeof item === 'string'))
  );
}

/** Keeps the folder under its limit: the least recently used files go, down to 80 % of it; dead temp files go too. */
async function prune(dir: string): Promise<void> {
  const names = await readdir(dir);
  const files = (
    await Promise.all(
      names.map(async (name) => {
        const path = join(dir, name);
        const info = await stat(path).catch(() => null);
        if (info && isAtomicTempName(name) && Date.now() - info.mtimeMs > STALE_TEMP_MS) await rm(path, { force: true });
        return info && name.endsWith('.json') ? { path, size: info.size, used: info.mtimeMs } : null;
      }),
    )
  ).filter((file) => file !== null);
  let total = files.reduce((sum, file) => sum + file.size, 0);
  writtenSinceMeasure = 0;
  if (total <= limitBytes) return;
  for (const file of files.sort((a, b) => a.used - b.used)) {
    if (total <= limitBytes * 0.8) break;
    await rm(file.path, { force: true }).catch(() => undefined);
    total -= file.size;
  }
}
