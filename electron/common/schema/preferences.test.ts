import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFERENCES } from '../model';
import { preferences, preferencesPatch } from './preferences';

describe('PDF preferences', () => {
  it('remember fit width, fit page or a zoom from 50 to 400 %, and whether pages are inverted', () => {
    expect(v.is(preferences, DEFAULT_PREFERENCES)).toBe(true);
    for (const pdfZoom of ['fit-width', 'fit-page', 0.5, 1.25, 4]) expect(v.is(preferencesPatch, { pdfZoom })).toBe(true);
    expect(v.is(preferencesPatch, { pdfInvert: true })).toBe(true);
  });

  it('refuse a zoom out of range or a word they do not know, saying what is expected', () => {
    const messageFor = (pdfZoom: unknown) => v.safeParse(preferencesPatch, { pdfZoom }).issues?.[0].message;
    for (const pdfZoom of [0.1, 40]) expect(messageFor(pdfZoom)).toBe('expected a number from 0.5 to 4');
    for (const pdfZoom of [Number.NaN, 'fit-height', null]) expect(messageFor(pdfZoom)).toBe('expected fit-width, fit-page or a number from 0.5 to 4');
    expect(v.is(preferencesPatch, { pdfInvert: 'yes' })).toBe(false);
  });
});
