import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { commentOf, quoteOf, type AnnotationSidecar } from '../../../electron/common/annotation-model';
import { sidecarPath } from '../../../electron/services/annotations/paths';
import { ArticleSurface } from '../lib/article-surface';
import { TextIndex } from '../lib/text-ranges';
import { useHost, type TestHost } from './test-support/host';
import { annotations } from './annotations.svelte';
import { library } from './library.svelte';
import { reader } from './reader.svelte';

const start = useHost();

/** What a person sees of a note, and what its sidecar holds of it. */
type Shown = { quote: string; comment: string };

/** A briefing of the sample library open in the reader, its article rendered and anchored. */
async function openBriefing(): Promise<{ host: TestHost; briefingId: string; article: Element }> {
  const host = await start();
  await library.openCurrent();
  const briefingId = library.sorted[0].id;
  await reader.open(briefingId);
  const article = window.document.createElement('article');
  article.innerHTML = reader.article!.html;
  annotations.attach(new ArticleSurface(article));
  return { host, briefingId, article };
}

/** Selects the first occurrence of `words` in the article, as the mouse would. */
function select(article: Element, words: string): Range {
  const at = article.textContent!.indexOf(words);
  expect(at, `“${words}” is in the article`).toBeGreaterThanOrEqual(0);
  return new TextIndex(article).rangeFor(at, at + words.length)!;
}

const shown = (): Shown[] => annotations.ordered.map(({ annotation }) => ({ quote: quoteOf(annotation).exact, comment: commentOf(annotation) }));

async function onDisk(host: TestHost, briefingId: string): Promise<Shown[]> {
  const text = await readFile(sidecarPath(host.libraryRoot, briefingId), 'utf8').catch(() => null);
  const page = text ? (JSON.parse(text) as AnnotationSidecar) : { items: [] };
  return page.items.map((annotation) => ({ quote: quoteOf(annotation).exact, comment: commentOf(annotation) }));
}

/** The notes on screen are `expected`, and the sidecar on disk says the same. */
async function expectNotes(host: TestHost, briefingId: string, expected: Shown[]): Promise<void> {
  expect(shown()).toEqual(expected);
  expect(await onDisk(host, briefingId)).toEqual(expected);
}

describe('undo and redo of notes', () => {
  it('takes back a new highlight and puts it back', async () => {
    const { host, briefingId, article } = await openBriefing();
    const words = article.textContent!.trim().split(/\s+/).slice(0, 3).join(' ');
    await annotations.highlightSelection(select(article, words));
    await expectNotes(host, briefingId, [{ quote: words, comment: '' }]);
    await annotations.undo();
    await expectNotes(host, briefingId, []);
    await annotations.redo();
    await expectNotes(host, briefingId, [{ quote: words, comment: '' }]);
  });

  it('takes back an edited comment and puts the edit back', async () => {
    const { host, briefingId, article } = await openBriefing();
    const words = article.textContent!.trim().split(/\s+/).slice(0, 2).join(' ');
    const note = (await annotations.highlightSelection(select(article, words), 'c2', 'first thought'))!;
    await annotations.edit(note, { comment: 'second thought' });
    await expectNotes(host, briefingId, [{ quote: words, comment: 'second thought' }]);
    await annotations.undo();
    await expectNotes(host, briefingId, [{ quote: words, comment: 'first thought' }]);
    await annotations.redo();
    await expectNotes(host, briefingId, [{ quote: words, comment: 'second thought' }]);
  });

  it('brings a deleted note back with its comment, and deletes it again', async () => {
    const { host, briefingId, article } = await openBriefing();
    const words = article.textContent!.trim().split(/\s+/).slice(0, 4).join(' ');
    const note = (await annotations.highlightSelection(select(article, words), 'c1', 'keep this'))!;
    await annotations.remove(note);
    await expectNotes(host, briefingId, []);
    await annotations.undo();
    await expectNotes(host, briefingId, [{ quote: words, comment: 'keep this' }]);
    await annotations.redo();
    await expectNotes(host, briefingId, []);
  });

  it('forgets what was undone once a new change is made', async () => {
    const { host, briefingId, article } = await openBriefing();
    const [first, second] = article.textContent!.trim().split(/\s+/);
    await annotations.highlightSelection(select(article, first));
    await annotations.undo();
    await annotations.highlightSelection(select(article, second));
    await annotations.redo();
    await expectNotes(host, briefingId, [{ quote: second, comment: '' }]);
  });
});
