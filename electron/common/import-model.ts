import type { LibrarySnapshot } from './model';

/** What an import did: the ids of the briefings added, and each file left out with the reason. */
export interface ImportResult {
  added: string[];
  skipped: { name: string; reason: string }[];
}

/** An import's result with the library listed again, the new briefings in it. */
export interface ImportOutcome extends ImportResult {
  snapshot: LibrarySnapshot;
}

/** A file dropped on the window or text pasted into it: its name and its bytes, base64-encoded. */
export interface ImportDocument {
  name: string;
  data: string;
}

/** Most documents one drop or paste may carry, and the largest encoded size of each (32 MB of bytes). */
export const IMPORT_LIMITS = { documents: 200, base64Chars: Math.ceil((32 * 1024 * 1024) / 3) * 4 } as const;
