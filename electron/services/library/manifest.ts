import { join } from 'node:path';
import type { BriefingSummary } from '../../common/model';
import { cacheKeyFor } from '../fs/cache-key';
import { readJsonOr, writeJson } from '../fs/json-file';

/** Bump when the summary shape or parsing changes, so old caches are rebuilt instead of trusted. */
const MANIFEST_VERSION = 1;

export interface ManifestEntry {
  size: number;
  mtimeMs: number;
  summary: BriefingSummary;
}

export interface Manifest {
  version: number;
  root: string;
  entries: Record<string, ManifestEntry>;
}

/**
 * The cached listing of one library, kept in user data (never in the library). A file whose size
 * and modification time match its entry is not read again on reopen.
 */
export class ManifestCache {
  constructor(private readonly cacheDir: string) {}

  private pathFor(root: string): string {
    return join(this.cacheDir, `${cacheKeyFor(root)}.json`);
  }

  async load(root: string): Promise<Manifest> {
    const empty: Manifest = { version: MANIFEST_VERSION, root, entries: {} };
    const manifest = await readJsonOr<Manifest>(this.pathFor(root), empty);
    const valid = manifest.version === MANIFEST_VERSION && manifest.root === root && typeof manifest.entries === 'object';
    return valid ? manifest : empty;
  }

  save(manifest: Manifest): Promise<void> {
    return writeJson(this.pathFor(manifest.root), manifest);
  }
}
