// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { joinPages, pageTextOf } from '../../../../electron/common/pdf-text';
import { PageTextLayer, placeTextLayer } from './page-text-layer';
import { textLayerOf } from './test-support/text-layer';

type Item = { str: string; hasEOL: boolean } | { type: 'beginMarkedContent' | 'beginMarkedContentProps' | 'endMarkedContent' };

const line = (...parts: string[]): Item[] => parts.map((str, index) => ({ str, hasEOL: index === parts.length - 1 }));

/** A two-column page: the left column's lines come first in the content stream, then the right's. */
const TWO_COLUMNS: Item[] = [
  { type: 'beginMarkedContentProps' },
  ...line('Russia’s nuclear'),
  ...line('weapons are', ' ', 'deployed'),
  { type: 'endMarkedContent' },
  { str: '', hasEOL: false },
  ...line('at the end of the'),
  ...line('left column.'),
  ...line('The right column'),
  ...line('starts here.'),
];

/** A page placed on a document as the services would give it: this page second, after another. */
function pageOf(items: Item[], servicesText?: string) {
  const pageText = servicesText ?? pageTextOf(items).text;
  const { text, pageStarts } = joinPages(['Page one has some text.', pageText]);
  const { layer, textDivs } = textLayerOf(items);
  const placed = placeTextLayer(textDivs, items, pageText, pageStarts[1]);
  return { text, pageStart: pageStarts[1], layer, textDivs, placed, page: new PageTextLayer(1, layer, placed.spans) };
}

describe('a text layer placed on the document text', () => {
  it('puts each span where its item is in the page text, skipping marked content and empty items', () => {
    const { text, pageStart, placed } = pageOf(TWO_COLUMNS);
    expect(placed.exact).toBe(true);
    for (const span of placed.spans) expect(text.slice(span.start, span.end)).toBe(span.node.data);
    expect(placed.spans[0].start).toBe(pageStart);
    expect(placed.spans.map((span) => span.node.data)).toEqual([
      'Russia’s nuclear',
      'weapons are',
      ' ',
      'deployed',
      'at the end of the',
      'left column.',
      'The right column',
      'starts here.',
    ]);
  });

  it('covers a passage across a line and a column break with one range, painting just those words', () => {
    const { text, page } = pageOf(TWO_COLUMNS);
    const start = text.indexOf('end of the');
    const end = text.indexOf('right column') + 'right column'.length;
    const range = page.rangeFor(start, end)!;
    // The line breaks of the text are <br>s in the layer: the range holds the words, nothing else.
    expect(range.toString()).toBe('end of theleft column.The right column');
    expect(text.slice(start, end)).toBe('end of the\nleft column.\nThe right column');
  });

  it('clips a passage that runs on past the page to the part on it, and gives nothing for another page', () => {
    const { text, page } = pageOf(TWO_COLUMNS);
    const range = page.rangeFor(text.indexOf('some text'), text.indexOf('nuclear') + 'nuclear'.length)!;
    expect(range.toString()).toBe('Russia’s nuclear');
    expect(page.rangeFor(0, 'Page one'.length)).toBeNull();
  });

  it('reads a selection inside spans back as the same offsets', () => {
    const { text, page, placed } = pageOf(TWO_COLUMNS);
    const deployed = placed.spans.find((span) => span.node.data === 'deployed')!;
    const right = placed.spans.find((span) => span.node.data === 'The right column')!;
    expect(page.offsetOf(deployed.node, 2, 'start')).toBe(text.indexOf('deployed') + 2);
    expect(page.offsetOf(right.node, 'The right column'.length, 'end')).toBe(text.indexOf('The right column') + 'The right column'.length);
  });

  it('maps a point between spans (the margin, a <br>) to the next text for a start and the previous for an end', () => {
    const { text, layer, page } = pageOf(TWO_COLUMNS);
    const br = layer.querySelector('br')!;
    const breakParent = br.parentNode!;
    const at = [...breakParent.childNodes].indexOf(br) + 1;
    expect(page.offsetOf(breakParent, at, 'start')).toBe(text.indexOf('weapons'));
    expect(page.offsetOf(breakParent, at, 'end')).toBe(text.indexOf('nuclear') + 'nuclear'.length);
    // The layer's very end (dragging past the last line): the end of the page's text.
    expect(page.offsetOf(layer, layer.childNodes.length, 'end')).toBe(text.indexOf('starts here.') + 'starts here.'.length);
    expect(page.offsetOf(layer, layer.childNodes.length, 'start')).toBeNull();
  });

  it('says where a point is relative to the layer', () => {
    const { layer, page } = pageOf(TWO_COLUMNS);
    const before = document.createElement('p');
    layer.before(before);
    const after = document.createElement('p');
    layer.after(after);
    expect(page.compare(before, 0)).toBe(-1);
    expect(page.compare(layer.querySelector('span')!, 0)).toBe(0);
    expect(page.compare(after, 0)).toBe(1);
    expect(page.compare(document.createElement('p'), 0)).toBeNull();
  });

  it('re-finds the strings when the services extracted the page differently, leaving out what it cannot find', () => {
    // The services' text has the ligature unfolded and lacks a line the viewer's items have.
    const items: Item[] = [...line('The ﬁrst line'), ...line('an extra line'), ...line('the last line')];
    const { text, placed, page } = pageOf(items, 'The first line\nthe last line');
    expect(placed.exact).toBe(false);
    expect(placed.spans.map((span) => span.node.data)).toEqual(['the last line']);
    expect(page.rangeFor(text.indexOf('last'), text.indexOf('last') + 4)!.toString()).toBe('last');
  });

  it('places only the spans the viewer made when it stopped early (pdf.js caps a layer at 100,000 spans)', () => {
    const items: Item[] = line('one', ' two', ' three');
    const { layer, textDivs } = textLayerOf(items);
    const placed = placeTextLayer(textDivs.slice(0, 2), items, pageTextOf(items).text, 0);
    expect(placed.spans.map((span) => span.node.data)).toEqual(['one', ' two']);
    expect(new PageTextLayer(0, layer, placed.spans).extent).toEqual({ start: 0, end: 7 });
  });
});
