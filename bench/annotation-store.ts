/**
 * Annotation store figures: the cost of saving one annotation into a sidecar that already holds
 * 50 (read, merge, atomic write with fsync, under the lock), and the notes view's `listAll` over
 * 10,000 annotations in 500 sidecars with a fresh store (nothing cached). Medians, in ms.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AnnotationStore } from '../electron/services/annotations/annotation-store';
import { sampleAnnotation, writeSyntheticSidecars } from '../electron/services/annotations/synthetic-library';
import { median, round } from './corpus';

const SAVES = 20;
const LIST_RUNS = 5;

export async function benchAnnotationStore(): Promise<{ save_one_ms: number; notes_10000_ms: number }> {
  const sandbox = await mkdtemp(join(tmpdir(), 'briefing-bench-annotations-'));
  try {
    const saveLibrary = join(sandbox, 'save');
    const [briefingId] = await writeSyntheticSidecars(saveLibrary, 1, 50);
    const store = new AnnotationStore(saveLibrary);
    const saves: number[] = [];
    for (let run = 0; run < SAVES; run++) {
      const annotation = sampleAnnotation(briefingId, 1_000 + run);
      const start = performance.now();
      await store.save(briefingId, annotation);
      saves.push(performance.now() - start);
    }

    const notesLibrary = join(sandbox, 'notes');
    await writeSyntheticSidecars(notesLibrary, 500, 20);
    const lists: number[] = [];
    for (let run = 0; run < LIST_RUNS; run++) {
      const start = performance.now();
      const all = await new AnnotationStore(notesLibrary).listAll();
      lists.push(performance.now() - start);
      if (all.items.length !== 10_000) throw new Error(`expected 10000 annotations, listed ${all.items.length}`);
    }
    return { save_one_ms: round(median(saves)), notes_10000_ms: round(median(lists)) };
  } finally {
    await rm(sandbox, { recursive: true, force: true });
  }
}
