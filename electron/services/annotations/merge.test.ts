import { describe, expect, it } from 'vitest';
import type { Annotation, AnnotationSidecar } from '../../common/annotation-model';
import { compareTimes, mergeSidecars } from './merge';
import { emptySidecar } from './sidecar-file';
import { newAnnotation } from './new-annotation';

const item = (id: string, modified: string, colour: Annotation['briefing:colour'] = 'c1'): Annotation => ({
  ...newAnnotation({
    briefingId: 'x.md',
    fingerprint: 'f',
    quote: { type: 'TextQuoteSelector', exact: 'q', prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: 0, end: 1 },
    colour,
  }),
  id,
  modified,
});

const page = (items: Annotation[], deleted: AnnotationSidecar['briefing:deleted'] = [], extra: Record<string, unknown> = {}): AnnotationSidecar => ({
  ...emptySidecar('x.md', 'f'),
  ...extra,
  items,
  'briefing:deleted': deleted,
});

describe('mergeSidecars', () => {
  it('keeps every id, the newer modified winning', () => {
    const merged = mergeSidecars(page([item('a', '2024-01-01T00:00:00Z', 'c1'), item('b', '2024-01-01T00:00:00Z')]), [
      page([item('a', '2024-01-02T00:00:00Z', 'c2'), item('c', '2024-01-01T00:00:00Z')]),
      page([item('a', '2023-12-31T00:00:00Z', 'c3')]),
    ]);
    expect(merged.items.map((entry) => [entry.id, entry['briefing:colour']])).toEqual([
      ['a', 'c2'],
      ['b', 'c1'],
      ['c', 'c1'],
    ]);
  });

  it('lets a tombstone beat older copies and keeps it; an edit after the deletion survives', () => {
    const merged = mergeSidecars(page([item('a', '2024-01-01T00:00:00Z'), item('b', '2024-01-05T00:00:00Z')]), [
      page(
        [],
        [
          { id: 'a', deleted: '2024-01-02T00:00:00Z' },
          { id: 'b', deleted: '2024-01-02T00:00:00Z' },
        ],
      ),
    ]);
    expect(merged.items.map((entry) => entry.id)).toEqual(['b']);
    expect(merged['briefing:deleted']).toEqual([{ id: 'a', deleted: '2024-01-02T00:00:00Z' }]);
  });

  it('keeps unknown keys of the base page and keys only other copies have', () => {
    const merged = mergeSidecars(page([], [], { 'other:tool': { x: 1 }, shared: 'base' }), [page([], [], { shared: 'copy', 'copy:only': true })]);
    expect(merged).toMatchObject({ 'other:tool': { x: 1 }, shared: 'base', 'copy:only': true });
  });

  it('compares times by instant, not by text', () => {
    expect(compareTimes('2024-01-01T01:00:00+02:00', '2024-01-01T00:00:00Z')).toBeLessThan(0);
  });
});
