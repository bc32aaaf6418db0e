import { randomUUID } from 'node:crypto';
import { buildAnnotation, type Annotation, type AnnotationDraft } from '../../common/annotation-model';

/** A new annotation with a fresh `urn:uuid:` id, made now (or at `now`, for tests). */
export function newAnnotation(draft: AnnotationDraft & { now?: Date }): Annotation {
  const { now, ...rest } = draft;
  return buildAnnotation(rest, `urn:uuid:${randomUUID()}`, (now ?? new Date()).toISOString());
}
