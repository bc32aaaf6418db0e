import { randomUUID } from 'node:crypto';
import { ApiError } from '../../common/errors';
import { fromHypothesis, hypothesisRows } from '../../common/schema/hypothesis';
import type { AnnotationStore } from './annotation-store';

export interface HypothesisImport {
  added: number;
  /** Each row left out, by its Hypothesis id, with the reason. */
  skipped: { id: string; reason: string }[];
}

/**
 * Adds the annotations of a Hypothesis JSON export (see schema/hypothesis.ts) to one briefing's
 * sidecar. Rows that cannot be highlights (page notes, replies) and rows imported before are left
 * out with the reason; the rest are anchored like any note when the briefing is shown.
 */
export async function importHypothesis(store: AnnotationStore, briefing: { id: string; fingerprint: string }, json: string): Promise<HypothesisImport> {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new ApiError('unreadable', 'That file is not JSON, so no Hypothesis annotations were imported from it.');
  }
  const rows = hypothesisRows(value);
  if (typeof rows === 'string') throw new ApiError('unreadable', `No annotations were imported: ${rows}.`);
  const known = new Set((await store.list(briefing.id)).annotations.map((item) => item.via));
  const result: HypothesisImport = { added: 0, skipped: [] };
  for (const row of rows) {
    const rowId = typeof (row as { id?: unknown } | null)?.id === 'string' ? (row as { id: string }).id : '(no id)';
    const converted = fromHypothesis(row, { briefingId: briefing.id, fingerprint: briefing.fingerprint, id: `urn:uuid:${randomUUID()}` });
    if (!converted.ok) result.skipped.push({ id: rowId, reason: converted.reason });
    else if (known.has(converted.annotation.via)) result.skipped.push({ id: rowId, reason: 'it was imported before' });
    else {
      await store.save(briefing.id, converted.annotation, briefing.fingerprint);
      known.add(converted.annotation.via);
      result.added++;
    }
  }
  return result;
}
