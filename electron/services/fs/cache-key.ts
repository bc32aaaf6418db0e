import { createHash } from 'node:crypto';

/** A short, stable file name for a cache that belongs to one library root. */
export function cacheKeyFor(root: string): string {
  return createHash('sha256').update(root).digest('hex').slice(0, 24);
}
