import { ANNOTATION_CONTEXT, type Annotation, type AnnotationSidecar } from './annotation-model';
import { problemOf, read } from './schema/fields';
import { annotation, annotationTombstone } from './schema/annotation';
import * as v from 'valibot';

/** Null when `value` is an annotation the app can store and show, else a sentence saying why not. */
export const isAnnotation = (value: unknown): string | null => problemOf(annotation, value);

const page = v.looseObject({
  type: v.literal('AnnotationPage'),
  items: v.array(v.unknown()),
});
const tombstones = v.optional(v.array(annotationTombstone), []);

/**
 * Reads parsed JSON as an AnnotationPage whose items the app can show, in the shape the app keeps
 * them (see schema/annotation.ts): another W3C tool's annotations are read too. Our extension
 * keys are optional on input and filled in; every other key is kept so it is written back as it
 * was. Returns a clause a person can read when the page cannot be used.
 */
export function readAnnotationPage(value: unknown, briefingId: string): AnnotationSidecar | string {
  const shape = read(page, value);
  if (!shape.ok) return 'it is not a W3C AnnotationPage';
  const items: Annotation[] = [];
  for (const [index, item] of shape.value.items.entries()) {
    const parsed = read(annotation, item);
    if (!parsed.ok) return `annotation ${index + 1} cannot be read (${parsed.problem})`;
    items.push(parsed.value);
  }
  const deleted = read(tombstones, shape.value['briefing:deleted']);
  if (!deleted.ok) return 'its list of deleted annotations is damaged';
  const source = shape.value['briefing:source'];
  const fingerprint = shape.value['briefing:fingerprint'];
  return {
    ...shape.value,
    '@context': ANNOTATION_CONTEXT,
    type: 'AnnotationPage',
    'briefing:source': typeof source === 'string' ? source : briefingId,
    'briefing:fingerprint': typeof fingerprint === 'string' ? fingerprint : '',
    'briefing:deleted': deleted.value,
    items,
  };
}
