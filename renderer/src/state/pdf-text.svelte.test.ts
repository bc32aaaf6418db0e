import { existsSync } from 'node:fs';
import { copyFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pageOf, quoteOf, type AnnotationSidecar } from '../../../electron/common/annotation-model';
import { sidecarPath } from '../../../electron/services/annotations/paths';
import { textLayerOf } from '../lib/pdf/test-support/text-layer';
import { useHost, type TestHost } from './test-support/host';
import { annotations } from './annotations.svelte';
import { find } from './find.svelte';
import { library } from './library.svelte';
import { pdfText } from './pdf-text.svelte';
import { reader } from './reader.svelte';

const CORPUS = fileURLToPath(new URL('../../../../shared/corpus/pdf/', import.meta.url));
/** Three pages in two columns (CRS In Focus IF12672). */
const CRS = '2026-04-22_crs_IF12672-russias-nuclear-weapons.pdf';
const available = existsSync(join(CORPUS, CRS));
if (!available) console.log(`PDF notes tests: skipped, the corpus file ${join(CORPUS, CRS)} is missing`);

const start = useHost();
let opened: PDFDocumentProxy | null = null;

afterEach(async () => {
  reader.close();
  pdfText.close();
  await opened?.destroy();
  opened = null;
});

/** The CRS PDF in a library, open in the reader. */
async function openCrs(withText = true): Promise<{ host: TestHost; briefingId: string; document: PDFDocumentProxy }> {
  const host = await start();
  await library.openCurrent();
  await copyFile(join(CORPUS, CRS), join(host.libraryRoot, CRS));
  await library.refresh();
  return { host, briefingId: CRS, document: await showCrs(withText) };
}

/**
 * Opens the CRS PDF in the reader as the viewer does: pdf.js loads it, pdfText gets its text (or
 * none, as for a password-protected file), and once that is known its notes are anchored on it.
 */
async function showCrs(withText = true): Promise<PDFDocumentProxy> {
  await reader.open(CRS);
  const source = reader.article?.pdf;
  expect(source?.text, 'the services extracted the PDF’s text').toBeTruthy();
  // The pdf.js build the services run in Node; the renderer's is the same code built for browsers.
  await opened?.destroy();
  opened = await getDocument({ data: new Uint8Array(await readFile(join(CORPUS, CRS))), isEvalSupported: false, verbosity: 0 }).promise;
  pdfText.open(withText ? source! : { ...source!, text: null, pageStarts: [] }, opened);
  await vi.waitFor(() => expect(pdfText.readyFor).not.toBeNull());
  annotations.attach(pdfText);
  return opened;
}

/** Renders a page's text layer as pdf.js would and hands it to pdfText, as the viewer's page does. */
async function renderPage(document: PDFDocumentProxy, pageIndex: number): Promise<HTMLElement> {
  const content = await (await document.getPage(pageIndex + 1)).getTextContent();
  const { layer, textDivs } = textLayerOf(content.items, window.document);
  layer.dataset.page = String(pageIndex + 1);
  pdfText.addPage(pageIndex, layer, textDivs, content.items);
  return layer;
}

/** A selection from `from` to `to` (their first occurrences in the text layers given), as a mouse drag would make it. */
function drag(fromLayer: HTMLElement, from: string, toLayer: HTMLElement, to: string): Range {
  const range = window.document.createRange();
  const [startNode, startOffset] = findIn(fromLayer, from);
  const [endNode, endOffset] = findIn(toLayer, to);
  range.setStart(startNode, startOffset);
  range.setEnd(endNode, endOffset + to.length);
  return range;
}

function findIn(layer: HTMLElement, text: string): [Text, number] {
  for (const span of layer.querySelectorAll('span:not(.markedContent)')) {
    const at = span.textContent!.indexOf(text);
    if (at >= 0) return [span.firstChild as Text, at];
  }
  throw new Error(`not on page ${layer.dataset.page}: ${text}`);
}

const painted = (id: string) => annotations.rangesOf(id).map((range) => range.toString());

async function stored(host: TestHost, briefingId: string): Promise<AnnotationSidecar['items']> {
  return (JSON.parse(await readFile(sidecarPath(host.libraryRoot, briefingId), 'utf8')) as AnnotationSidecar).items;
}

describe.skipIf(!available)('notes on a PDF', () => {
  it('highlights across a column break: the quote is the document’s text, the note knows its page, the words are painted', async () => {
    const { host, briefingId, document } = await openCrs();
    const page1 = await renderPage(document, 0);
    // The left column ends "…Russia had “up to 2,000" and the right one goes on "warheads” intended for NSNW".
    const note = (await annotations.highlightSelection(drag(page1, 'up to 2,000', page1, 'intended for NSNW'), 'c3'))!;
    expect(quoteOf(note).exact).toBe('up to 2,000\nwarheads” intended for NSNW');
    expect(pageOf(note)).toBe(1);
    expect(painted(note.id)).toEqual(['up to 2,000warheads” intended for NSNW']);
    const [saved] = await stored(host, briefingId);
    expect(quoteOf(saved).exact).toBe(quoteOf(note).exact);
    expect(saved.target.selector[2]).toMatchObject({ type: 'FragmentSelector', value: 'page=1' });
  });

  it('highlights across a page break: painted in two pieces, one on each page, and only while each page is rendered', async () => {
    const { document } = await openCrs();
    const page1 = await renderPage(document, 0);
    const page2 = await renderPage(document, 1);
    const note = (await annotations.highlightSelection(drag(page1, 'potential nuclear', page2, 'employment scenarios')))!;
    expect(pageOf(note)).toBe(1);
    expect(quoteOf(note).exact).toMatch(/^potential nuclear\n\nRussia’s Nuclear Weapons\n.*\nemployment scenarios$/);
    expect(painted(note.id)).toEqual(['potential nuclear', expect.stringMatching(/^Russia’s Nuclear Weapons.*employment scenarios$/)]);
    pdfText.removePage(0);
    expect(painted(note.id)).toEqual([expect.stringMatching(/employment scenarios$/)]);
    // A page rendered again (scrolled back, or at another zoom) has new spans: the highlight is on them.
    const again = await renderPage(document, 0);
    expect(annotations.rangesOf(note.id)[0].startContainer.parentElement!.parentElement).toBe(again);
  });

  it('opens the note under a click on its words', async () => {
    const { document } = await openCrs();
    const page1 = await renderPage(document, 0);
    const note = (await annotations.highlightSelection(drag(page1, 'strategic bombers', page1, 'strategic bombers')))!;
    const [node, offset] = findIn(page1, 'bombers');
    expect(annotations.at(node, offset).map((hit) => hit.id)).toEqual([note.id]);
    expect(annotations.at(...findIn(page1, 'ICBMs'))).toEqual([]);
  });

  it('snaps a selection cut mid-word to whole words, across the column break', async () => {
    const { document } = await openCrs();
    const page1 = await renderPage(document, 0);
    const range = drag(page1, 'to 2,000', page1, 'intended for NS');
    range.setStart(range.startContainer, range.startOffset + 1);
    expect(pdfText.snapToWords(range, 'en')!.toString()).toBe('to 2,000warheads” intended for NSNW');
  });

  it('re-anchors notes when the PDF is opened again, with the same words painted', async () => {
    const { document } = await openCrs();
    const page1 = await renderPage(document, 0);
    const note = (await annotations.highlightSelection(drag(page1, 'Strategic Rocket Forces', page1, 'Strategic Rocket Forces'), 'c2', 'check'))!;
    reader.close();
    pdfText.close();
    expect(annotations.placed).toEqual([]);
    await renderPage(await showCrs(), 0);
    expect(annotations.placed.map(({ anchor }) => anchor.kind)).toEqual(['position']);
    expect(painted(note.id)).toEqual(['Strategic Rocket Forces']);
  });

  it('builds the text itself when the services had none (a password-protected file), exactly as they would', async () => {
    await openCrs(false);
    expect(pdfText.text).toBe(reader.article!.pdf!.text);
    expect([...pdfText.pageStarts]).toEqual(reader.article!.pdf!.pageStarts);
  });

  it('finds a phrase over the whole document, pages not rendered included, and starts a search’s hits at its page', async () => {
    await openCrs();
    find.showSearchHits(['Belarus']);
    find.apply(pdfText, true, pdfText.pageStarts[1]);
    const pages = find.matches.map((match) => pdfText.pageAt(match.start));
    expect(pages).toContain(1);
    expect(pages).toContain(2);
    expect(pdfText.pageAt(find.goneTo!.span.start)).toBe(2);
    // Nothing is rendered, so nothing is painted yet; the matches are there for when pages render.
    expect(find.ranges).toEqual([]);
  });

  it('says once in the console when a page’s text layer is not the services’ text, and still paints only words it found', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { document } = await openCrs();
    const content = await (await document.getPage(1)).getTextContent();
    // As if the viewer's items came from another extraction: one line is missing from them.
    const items = content.items.filter((item) => !('str' in item) || !item.str.startsWith('U.S. and Russian strategic nuclear forces'));
    const { layer, textDivs } = textLayerOf(items, window.document);
    pdfText.addPage(0, layer, textDivs, items);
    pdfText.addPage(0, layer, textDivs, items);
    expect(warn).toHaveBeenCalledTimes(1);
    const note = (await annotations.highlightSelection(drag(layer, 'Strategic Rocket Forces', layer, 'Strategic Rocket Forces')))!;
    expect(quoteOf(note).exact).toBe('Strategic Rocket Forces');
    expect(painted(note.id)).toEqual(['Strategic Rocket Forces']);
    warn.mockRestore();
  });
});
