import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { buildAnnotation, pageOf } from './annotation-model';
import { annotation as annotationSchema } from './schema/annotation';

const draft = {
  briefingId: 'acts/code.pdf',
  fingerprint: 'f',
  quote: { type: 'TextQuoteSelector' as const, exact: 'Article 110', prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector' as const, start: 10, end: 21 },
  colour: 'c1' as const,
};

describe('the page of a note on a PDF', () => {
  it('is kept as an RFC 3778 fragment that survives the schema, and read back', () => {
    const made = buildAnnotation({ ...draft, page: 37 }, 'urn:uuid:1', '2026-11-29T00:00:00.000Z');
    expect(made.target.selector[2]).toEqual({ type: 'FragmentSelector', conformsTo: 'http://tools.ietf.org/rfc/rfc3778', value: 'page=37' });
    const read = v.parse(annotationSchema, JSON.parse(JSON.stringify(made)));
    expect(pageOf(read)).toBe(37);
  });

  it('is absent for notes on text briefings and for fragments that are not a page', () => {
    expect(pageOf(buildAnnotation(draft, 'urn:uuid:2', '2026-11-29T00:00:00.000Z'))).toBeNull();
    const other = buildAnnotation(draft, 'urn:uuid:3', '2026-11-29T00:00:00.000Z');
    other.target.selector.push({ type: 'FragmentSelector', value: 'page=0' }, { type: 'FragmentSelector', value: 'viewrect=1,2,3,4' });
    expect(pageOf(other)).toBeNull();
  });
});
