import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { Article, BriefingSummary, LibrarySnapshot } from '../../common/model';
import { ApiError } from '../../common/errors';
import { SCAN_CONCURRENCY } from './limits';
import { ManifestCache, type Manifest, type ManifestEntry } from './manifest';
import { BriefingParser } from './briefing-parser';
import { unreadableSummary } from './parse-briefing';
import { readApiError, readBriefingFile, readProblem } from './briefing-file';
import { scanFolder, type FoundFile } from './scan-folder';
import { mapLimit } from '../../common/async/map-limit';
import { timeSlicer } from '../../common/async/time-slice';

/**
 * Lists and reads the briefings of library folders. Owns the manifest cache; never writes into a
 * library. Each `open` reconciles the folder with the cache: only new or changed files are read.
 */
export class LibraryService {
  private readonly manifests: ManifestCache;
  private readonly known = new Map<string, Manifest>();
  private readonly departed = new Map<string, ReadonlyMap<string, string>>();

  /** `parser` parses in a worker thread when given one; by default files are parsed inline. */
  constructor(
    cacheDir: string,
    private readonly parser = new BriefingParser(),
  ) {
    this.manifests = new ManifestCache(cacheDir);
  }

  /**
   * Scans `root` (reusing cached entries) and returns its listing. Never rejects for a missing
   * folder. `onProgress` hears how many of the new or changed files have been read so far.
   */
  async open(root: string, onProgress?: (done: number, total: number) => void): Promise<LibrarySnapshot> {
    root = resolve(root);
    const previous = this.known.get(root) ?? (await this.manifests.load(root));
    const rootInfo = await stat(root).catch(() => null);
    if (!rootInfo?.isDirectory()) {
      this.known.set(root, previous);
      return snapshot(
        root,
        false,
        Object.values(previous.entries).map((entry) => entry.summary),
        [
          {
            path: '.',
            message: `The library folder ${root} cannot be found. It may have been moved or renamed, or be on a drive that is not connected. The list below is what it held when last seen.`,
          },
        ],
      );
    }
    const { files, notices } = await scanFolder(root);
    const entries: Record<string, ManifestEntry> = {};
    const fresh: FoundFile[] = [];
    for (const file of files) {
      const cached = previous.entries[file.id];
      if (cached && cached.size === file.size && cached.mtimeMs === file.mtimeMs) entries[file.id] = cached;
      else fresh.push(file);
    }
    const changed = fresh.length > 0 || Object.keys(previous.entries).length !== files.length;
    let done = 0;
    // Reads finish in batches, and parsing each batch back to back would hold the event loop for
    // hundreds of milliseconds; pacing lets the window's messages through between files.
    const pace = timeSlicer();
    await mapLimit(fresh, SCAN_CONCURRENCY, async (file) => {
      const { summary, settled } = await summarize(root, file, this.parser);
      // A summary that says only that parsing failed this time is not cached: the next open tries again.
      entries[file.id] = { size: settled ? (file.size ?? -1) : -1, mtimeMs: file.mtimeMs ?? -1, summary };
      onProgress?.(++done, fresh.length);
      await pace();
    });
    const manifest: Manifest = { ...previous, entries };
    this.departed.set(
      root,
      new Map(
        Object.entries(previous.entries).flatMap(([id, entry]) => (id in entries || !entry.summary.fingerprint ? [] : [[id, entry.summary.fingerprint]])),
      ),
    );
    this.known.set(root, manifest);
    if (changed) await this.manifests.save(manifest);
    return snapshot(
      root,
      true,
      files.map((file) => entries[file.id].summary),
      notices,
    );
  }

  /**
   * Reads one briefing for display. Only ids listed by the last `open` of `root` are accepted, so
   * a path from the renderer can never reach outside the library.
   */
  async read(root: string, id: string): Promise<Article> {
    root = resolve(root);
    const entry = this.known.get(root)?.entries[id];
    if (!entry) throw new ApiError('not-found', 'This briefing is not in the library any more. It may have been moved or deleted.');
    let bytes: Uint8Array;
    try {
      bytes = await readBriefingFile(root, id, entry.summary.format);
    } catch (error) {
      throw readApiError(error, entry.summary.format);
    }
    const { summary, article } = await this.parser.parse(id, entry.summary.format, bytes, true).catch((error: unknown) => {
      throw new ApiError('unreadable', `This briefing could not be read: ${(error as Error).message}.`);
    });
    if (!article) throw new ApiError('unreadable', summary.problem?.message ?? 'This briefing cannot be read.');
    return article;
  }

  /**
   * The text fingerprints of the briefings the last `open` of `root` found gone, by id: a rename
   * or move is the same text under a new id, and things kept per briefing follow it.
   */
  departedFingerprints(root: string): ReadonlyMap<string, string> {
    return this.departed.get(resolve(root)) ?? new Map();
  }

  /** Stops the parse worker, if one runs. */
  close(): Promise<void> {
    return this.parser.close();
  }
}

/** A file's listing row; `settled` is false when it says only that the parser failed this time. */
async function summarize(root: string, file: FoundFile, parser: BriefingParser): Promise<{ summary: BriefingSummary; settled: boolean }> {
  if (file.error || file.size === null) {
    return { summary: unreadableSummary(file.id, file.format, 0, readProblem(file.error, file.format, false)), settled: true };
  }
  let bytes: Uint8Array;
  try {
    bytes = await readBriefingFile(root, file.id, file.format);
  } catch (error) {
    return { summary: unreadableSummary(file.id, file.format, file.size, readProblem(error, file.format, true)), settled: true };
  }
  try {
    return { summary: (await parser.parse(file.id, file.format, bytes, false)).summary, settled: true };
  } catch (error) {
    const message = `This file could not be read: ${(error as Error).message}. It is tried again when the library is next opened.`;
    return { summary: unreadableSummary(file.id, file.format, file.size, { code: 'unreadable', severity: 'error', message }), settled: false };
  }
}

function snapshot(root: string, available: boolean, briefings: BriefingSummary[], notices: LibrarySnapshot['notices']): LibrarySnapshot {
  return { root, name: basename(root), available, briefings, notices, scannedAt: new Date().toISOString() };
}
