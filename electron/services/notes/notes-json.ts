import { ANNOTATION_CONTEXT, type Annotation } from '../../common/annotation-model';
import type { NoteItem } from '../../common/notes-model';

export interface AnnotationCollection {
  '@context': typeof ANNOTATION_CONTEXT;
  id?: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: { id?: string; type: 'AnnotationPage'; startIndex: number; items: Annotation[] };
}

/**
 * The notes as a W3C AnnotationCollection with one AnnotationPage holding the annotations exactly as
 * stored (extension keys included). W3C wants an IRI for the collection: pass `id`
 * (e.g. `urn:uuid:` + randomUUID()) and the page gets `<id>#page-1`.
 */
export function renderNotesJson(items: NoteItem[], meta: { label?: string; id?: string } = {}): string {
  const annotations = items.map((item) => item.annotation);
  const collection: AnnotationCollection = {
    '@context': ANNOTATION_CONTEXT,
    ...(meta.id ? { id: meta.id } : {}),
    type: 'AnnotationCollection',
    label: meta.label ?? 'Briefing Reader notes',
    total: annotations.length,
    first: { ...(meta.id ? { id: `${meta.id}#page-1` } : {}), type: 'AnnotationPage', startIndex: 0, items: annotations },
  };
  return `${JSON.stringify(collection, null, 2)}\n`;
}
