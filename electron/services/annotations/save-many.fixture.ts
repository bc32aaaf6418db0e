/**
 * Test helper run as a separate Node process: saves `count` annotations one by one to one
 * briefing, so the cross-process test has two real processes racing on one sidecar.
 * Both wait until <start> (epoch ms) so their writes overlap despite different start-up times.
 * Usage: node --import tsx save-many.fixture.ts <library> <briefing id> <label> <count> <start>
 */
import { AnnotationStore } from './annotation-store';
import { sampleAnnotation } from './synthetic-library';

const [root, briefingId, label, count, start] = process.argv.slice(2);
const store = new AnnotationStore(root);
const offset = label === 'a' ? 0 : 1_000_000;
await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(start) - Date.now())));
for (let index = 0; index < Number(count); index++) {
  await store.save(briefingId, sampleAnnotation(briefingId, offset + index));
}
