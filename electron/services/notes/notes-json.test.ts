import { describe, expect, it } from 'vitest';
import { ANNOTATION_CONTEXT, editAnnotation, type Annotation } from '../../common/annotation-model';
import { buildNotesDocument, itemsInDocument } from './notes-document';
import { renderNotesJson } from './notes-json';
import { input, sampleItems } from './notes.fixture';

/** The structure the W3C Web Annotation Data Model asks of a collection of annotations. */
function expectAnnotationCollection(value: unknown): void {
  const collection = value as Record<string, unknown>;
  expect(collection['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
  expect(collection.type).toBe('AnnotationCollection');
  expect(typeof collection.label).toBe('string');
  const first = collection.first as Record<string, unknown>;
  expect(first.type).toBe('AnnotationPage');
  expect(Array.isArray(first.items)).toBe(true);
  const items = first.items as Record<string, unknown>[];
  expect(collection.total).toBe(items.length);
  for (const item of items) {
    expect(item.type).toBe('Annotation');
    expect(item['@context']).toBe(ANNOTATION_CONTEXT);
    expect(item.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(['highlighting', 'commenting']).toContain(item.motivation);
    expect(Date.parse(item.created as string)).not.toBeNaN();
    const target = item.target as { source: string; selector: { type: string }[] };
    expect(typeof target.source).toBe('string');
    expect(target.selector.map((selector) => selector.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector']);
    for (const body of item.body as { type: string; purpose: string; value: string }[]) {
      expect(body.type).toBe('TextualBody');
      expect(['commenting', 'tagging']).toContain(body.purpose);
      expect(typeof body.value).toBe('string');
    }
  }
}

describe('renderNotesJson', () => {
  it('is a W3C AnnotationCollection holding the stored annotations unchanged', () => {
    const items = sampleItems();
    // An annotation edited later and carrying another tool's keys: exported as stored.
    const stored: Annotation = {
      ...editAnnotation(items[0].annotation, { comment: 'Edited', tags: ['x'] }, '2024-03-04T00:00:00.000Z'),
      'other:key': { kept: [1, 2] },
    };
    items[0] = { ...items[0], annotation: stored };
    const json = renderNotesJson(items);
    const parsed = JSON.parse(json);
    expectAnnotationCollection(parsed);
    expect(parsed.total).toBe(6);
    expect(parsed.first.startIndex).toBe(0);
    expect(parsed.first.items).toEqual(items.map((item) => item.annotation));
    expect(parsed.first.items[0]['other:key']).toEqual({ kept: [1, 2] });
    expect(parsed.label).toBe('Briefing Reader notes');
    expect(parsed).not.toHaveProperty('id');
  });

  it('is pretty-printed and keeps Cyrillic as it is', () => {
    const json = renderNotesJson(sampleItems());
    expect(json).toContain('\n  "type": "AnnotationCollection",\n');
    expect(json).toContain('"exact": "Ми вистоїмо"');
    expect(json).toContain('"value": "Ключова фраза — «вистоїмо»."');
    expect(json.endsWith('}\n')).toBe(true);
  });

  it('takes an id and label for the collection', () => {
    const parsed = JSON.parse(renderNotesJson(sampleItems(), { id: 'urn:uuid:11111111-2222-4333-8444-555555555555', label: 'Notes — Everything' }));
    expect(parsed.id).toBe('urn:uuid:11111111-2222-4333-8444-555555555555');
    expect(parsed.first.id).toBe('urn:uuid:11111111-2222-4333-8444-555555555555#page-1');
    expect(parsed.label).toBe('Notes — Everything');
  });

  it('exports the same scope as the document (colour filter applied)', () => {
    const items = sampleItems();
    const doc = buildNotesDocument(input(items, { colours: ['c1'] }));
    const parsed = JSON.parse(renderNotesJson(itemsInDocument(doc, items)));
    expectAnnotationCollection(parsed);
    expect(parsed.total).toBe(3);
    expect(parsed.first.items.every((annotation: Annotation) => annotation['briefing:colour'] === 'c1')).toBe(true);
  });

  it('writes an empty collection for no items', () => {
    const parsed = JSON.parse(renderNotesJson([]));
    expectAnnotationCollection(parsed);
    expect(parsed.total).toBe(0);
  });
});
