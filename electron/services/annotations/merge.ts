import type { Annotation, AnnotationSidecar, AnnotationTombstone } from '../../common/annotation-model';

/** Orders ISO times by the instant they name; falls back to text order so the result is stable. */
export function compareTimes(a: string, b: string): number {
  const x = Date.parse(a);
  const y = Date.parse(b);
  if (!Number.isNaN(x) && !Number.isNaN(y) && x !== y) return x - y;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Merges copies of one sidecar (the file on disk, sync-tool conflict copies, unsaved changes)
 * so that no copy's work is lost: annotations are matched by id and the newer `modified` wins
 * (on a tie the later page in the list wins, so callers put their own changes last). A tombstone
 * beats any copy not modified after it and is kept, so an old copy cannot bring an annotation
 * back. The first page's other keys, and keys only later pages have, are kept as they are.
 */
export function mergeSidecars(base: AnnotationSidecar, others: readonly AnnotationSidecar[]): AnnotationSidecar {
  const items = new Map<string, Annotation>();
  const deleted = new Map<string, AnnotationTombstone>();
  const extra: Record<string, unknown> = {};
  for (const page of [base, ...others]) {
    for (const [key, value] of Object.entries(page)) if (!(key in base) && !(key in extra)) extra[key] = value;
    for (const item of page.items) {
      const known = items.get(item.id);
      if (!known || compareTimes(item.modified, known.modified) >= 0) items.set(item.id, item);
    }
    for (const tombstone of page['briefing:deleted']) {
      const known = deleted.get(tombstone.id);
      if (!known || compareTimes(tombstone.deleted, known.deleted) > 0) deleted.set(tombstone.id, tombstone);
    }
  }
  for (const [id, tombstone] of deleted) {
    const item = items.get(id);
    if (!item) continue;
    // An edit made after the deletion (on another machine) is newer work: it survives.
    if (compareTimes(tombstone.deleted, item.modified) >= 0) items.delete(id);
    else deleted.delete(id);
  }
  return { ...base, ...extra, 'briefing:deleted': [...deleted.values()], items: [...items.values()] };
}
