import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commentOf, positionOf, quoteOf, tagsOf, type AnnotationSidecar } from '../../common/annotation-model';
import { useTempDirs } from '../test-support/temp-dir';
import { AnnotationStore } from './annotation-store';
import { importHypothesis } from './hypothesis-import';
import { newAnnotation } from './new-annotation';
import { sidecarPath } from './paths';

const tempDir = useTempDirs();
const BRIEFING = 'usgov/blinken-call.md';

/** An AnnotationPage as another W3C tool writes it: a lone annotation with none of our extension keys. */
const foreignPage = {
  '@context': 'http://www.w3.org/ns/anno.jsonld',
  type: 'AnnotationPage',
  items: [
    {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'https://annotations.example.org/anno/42',
      type: 'Annotation',
      created: '2024-04-30T08:00:00Z',
      'dc:creator': { name: 'Another tool' },
      body: { type: 'TextualBody', value: 'Is this the same list as in March?', format: 'text/plain' },
      target: {
        source: 'https://www.state.gov/secretary-blinkens-call',
        selector: [
          { type: 'XPathSelector', value: '/html/body/p[3]' },
          { type: 'TextPositionSelector', start: 1294, end: 1310 },
          { type: 'TextQuoteSelector', exact: 'concrete actions' },
        ],
      },
    },
  ],
};

async function writeSidecar(root: string, page: unknown): Promise<void> {
  const path = sidecarPath(root, BRIEFING);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, JSON.stringify(page, null, 2));
}

describe('annotations written by other tools', () => {
  it('reads a foreign W3C annotation instead of quarantining its sidecar, and keeps what it does not know', async () => {
    const root = await tempDir();
    await writeSidecar(root, foreignPage);
    const store = new AnnotationStore(root);
    const listed = await store.list(BRIEFING);
    expect(listed.problem).toBeNull();
    expect(listed.annotations).toHaveLength(1);
    const [foreign] = listed.annotations;
    expect(quoteOf(foreign)).toEqual({ type: 'TextQuoteSelector', exact: 'concrete actions', prefix: '', suffix: '' });
    expect(positionOf(foreign)).toEqual({ type: 'TextPositionSelector', start: 1294, end: 1310 });
    expect(foreign.target.selector[2]).toEqual({ type: 'XPathSelector', value: '/html/body/p[3]' });
    expect(foreign).toMatchObject({ 'briefing:colour': 'c1', created: '2024-04-30T08:00:00Z', modified: '2024-04-30T08:00:00Z' });
    expect(commentOf(foreign)).toBe('Is this the same list as in March?');

    // A note of our own saved beside it: the file is rewritten with the foreign one whole.
    await store.save(
      BRIEFING,
      newAnnotation({ briefingId: BRIEFING, fingerprint: 'fp', quote: quoteOf(foreign), position: positionOf(foreign), colour: 'c3' }),
    );
    const page = JSON.parse(await readFile(sidecarPath(root, BRIEFING), 'utf8')) as AnnotationSidecar;
    expect(page.items).toHaveLength(2);
    expect(page.items.find((item) => item.id === foreign.id)).toMatchObject({
      'dc:creator': { name: 'Another tool' },
      target: { source: 'https://www.state.gov/secretary-blinkens-call' },
    });
  });

  it('imports the highlights of a Hypothesis export, leaves out page notes and replies, and never imports one twice', async () => {
    const root = await tempDir();
    const exported = await readFile(new URL('./fixtures/hypothesis-export.json', import.meta.url), 'utf8');
    const store = new AnnotationStore(root);
    const briefing = { id: BRIEFING, fingerprint: 'fp-blinken' };

    expect(await importHypothesis(store, briefing, exported)).toEqual({
      added: 1,
      skipped: [
        { id: 'Xr9pTIj9Ee-8n7sJm2K0dw', reason: 'it is a page note, with no quoted text' },
        { id: 'Zt1aUIj9Ee-1yQp3o8L2aw', reason: 'it is a reply to another annotation' },
      ],
    });
    const [imported] = (await new AnnotationStore(root).list(BRIEFING)).annotations;
    expect(imported.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(quoteOf(imported)).toEqual({
      type: 'TextQuoteSelector',
      exact: 'concrete actions',
      prefix: 'the Secretary outlined 22 ',
      suffix: ' to strengthen the',
    });
    expect(positionOf(imported)).toEqual({ type: 'TextPositionSelector', start: 1294, end: 1310 });
    expect(imported.target.selector[2]).toMatchObject({ type: 'RangeSelector', startContainer: '/main[1]/div[2]/p[1]' });
    expect(imported.target).toMatchObject({ source: BRIEFING, 'briefing:fingerprint': 'fp-blinken' });
    expect(commentOf(imported)).toBe('Compare with the **March** readout: the same list, one item shorter.');
    expect(tagsOf(imported)).toEqual(['ceasefire', 'follow-up']);
    expect(imported).toMatchObject({
      'briefing:colour': 'c1',
      motivation: 'commenting',
      // Hypothesis's time it was made; `modified` is when it came into this library (the store stamps every save).
      created: '2024-05-02T09:14:03.512380+00:00',
      via: 'https://hypothes.is/a/Qm3x5Ij8Ee-4yVvT1a7PBg',
    });

    const again = await importHypothesis(store, briefing, exported);
    expect(again.added).toBe(0);
    expect(again.skipped[0]).toEqual({ id: 'Qm3x5Ij8Ee-4yVvT1a7PBg', reason: 'it was imported before' });
    expect((await store.list(BRIEFING)).annotations).toHaveLength(1);
  });

  it('refuses a file that is not a Hypothesis export with a sentence, adding nothing', async () => {
    const store = new AnnotationStore(await tempDir());
    await expect(importHypothesis(store, { id: BRIEFING, fingerprint: '' }, '{"total": 1')).rejects.toThrow(/not JSON/);
    await expect(importHypothesis(store, { id: BRIEFING, fingerprint: '' }, '{"items": []}')).rejects.toThrow(/not a Hypothesis export/);
    expect((await store.list(BRIEFING)).annotations).toEqual([]);
  });
});
