import { join } from 'node:path';
import type { BriefingSummary } from '../../common/model';
import { cacheKeyFor } from '../fs/cache-key';
import { writeFileAtomic } from '../fs/atomic-write';
import { readJsonOr } from '../fs/json-file';
import { stringifyPaced } from '../../common/async/time-slice';
import { cacheVersion } from './parser-version';

/**
 * The listing cache's version: bump the layout number when the manifest's shape changes; a change
 * in what parsing makes of a file changes it through `PARSER_VERSION`.
 */
export const MANIFEST_VERSION = cacheVersion(1);

export interface ManifestEntry {
  size: number;
  mtimeMs: number;
  summary: BriefingSummary;
}

export interface Manifest {
  version: string;
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

  /** Written an entry at a time, so saving the listing of a large library never holds up the window's messages. */
  async save(manifest: Manifest): Promise<void> {
    const text = await stringifyPaced({ version: manifest.version, root: manifest.root }, 'entries', manifest.entries);
    await writeFileAtomic(this.pathFor(manifest.root), `${text}\n`);
  }
}
