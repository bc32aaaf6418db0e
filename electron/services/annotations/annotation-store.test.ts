import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Annotation, AnnotationSidecar } from '../../common/annotation-model';
import { editAnnotation } from '../../common/annotation-model';
import { ApiError } from '../../common/errors';
import { useTempDirs } from '../test-support/temp-dir';
import { AnnotationStore } from './annotation-store';
import { newAnnotation } from './new-annotation';
import { sidecarPath } from './paths';
import { writeSyntheticSidecars } from './synthetic-library';

const tempDir = useTempDirs();

/** A clock that moves one second per call, so every write is strictly newer than the last. */
function clock(start = '2024-03-01T10:00:00.000Z') {
  let time = Date.parse(start);
  return () => new Date((time += 1000));
}

function draft(briefingId: string, exact = 'the ceasefire held', extra: { comment?: string; tags?: string[] } = {}): Annotation {
  return newAnnotation({
    briefingId,
    fingerprint: `fp-${briefingId}`,
    quote: { type: 'TextQuoteSelector', exact, prefix: 'before ', suffix: ' after' },
    position: { type: 'TextPositionSelector', start: 7, end: 7 + exact.length },
    colour: 'c1',
    ...extra,
  });
}

const readPage = async (root: string, id: string) => JSON.parse(await readFile(sidecarPath(root, id), 'utf8')) as AnnotationSidecar;
const writePage = async (root: string, id: string, page: unknown, name = `${id}.json`) => {
  const path = join(root, '.briefing', 'annotations', name);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, typeof page === 'string' ? page : JSON.stringify(page, null, 2));
};
const ids = (annotations: Annotation[]) => annotations.map((annotation) => annotation.id).sort();

describe('AnnotationStore', () => {
  it('creates, lists, updates and deletes, writing a readable W3C AnnotationPage', async () => {
    const root = await tempDir();
    const store = new AnnotationStore(root, { now: clock() });
    const first = draft('us-government/x.md');
    const second = draft('us-government/x.md', 'talks resume');
    await store.save('us-government/x.md', first);
    await store.save('us-government/x.md', second);

    const path = join(root, '.briefing', 'annotations', 'us-government', 'x.md.json');
    const text = await readFile(path, 'utf8');
    expect(text).toContain('\n  "type": "AnnotationPage",\n');
    const page = JSON.parse(text) as AnnotationSidecar;
    expect(page).toMatchObject({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      'briefing:source': 'us-government/x.md',
      'briefing:fingerprint': 'fp-us-government/x.md',
    });
    expect(page.items.map((item) => item.modified)).toEqual(['2024-03-01T10:00:01.000Z', '2024-03-01T10:00:02.000Z']);

    const edited = editAnnotation(first, { colour: 'c4', comment: 'Check with the desk' }, first.modified);
    await store.save('us-government/x.md', edited);
    let listed = await store.list('us-government/x.md');
    expect(listed).toMatchObject({ problem: null, pending: false });
    expect(listed.annotations.find((item) => item.id === first.id)).toMatchObject({
      'briefing:colour': 'c4',
      motivation: 'commenting',
      created: first.created,
    });

    await store.remove('us-government/x.md', first.id);
    listed = await store.list('us-government/x.md');
    expect(ids(listed.annotations)).toEqual([second.id]);
    expect((await readPage(root, 'us-government/x.md'))['briefing:deleted']).toEqual([{ id: first.id, deleted: '2024-03-01T10:00:04.000Z' }]);
    // No temp or lock files are left behind.
    expect((await readdir(dirname(path))).sort()).toEqual(['x.md.json']);
  });

  it('keeps keys it does not know, on the page and on items, when it rewrites', async () => {
    const root = await tempDir();
    const theirs = { ...draft('x.md'), 'other:rating': 5, target: { ...draft('x.md').target, 'other:anchor': { kind: 'xpath' } } };
    await writePage(root, 'x.md', {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationPage',
      'other:owner': { name: 'Olena' },
      'briefing:source': 'x.md',
      'briefing:fingerprint': 'fp-x.md',
      'briefing:deleted': [],
      items: [theirs],
    });
    await new AnnotationStore(root, { now: clock() }).save('x.md', draft('x.md', 'new one'));
    const page = await readPage(root, 'x.md');
    expect(page['other:owner']).toEqual({ name: 'Olena' });
    expect(page.items[0]).toMatchObject({ 'other:rating': 5, target: { 'other:anchor': { kind: 'xpath' } } });
    expect(page.items).toHaveLength(2);
  });

  it('moves a sidecar cut off mid-write aside untouched, says so, and starts a fresh one', async () => {
    const root = await tempDir();
    const store = new AnnotationStore(root, { now: clock() });
    await store.save('ok.md', draft('ok.md'));
    const okBefore = await readFile(sidecarPath(root, 'ok.md'), 'utf8');
    const full = JSON.stringify({ type: 'AnnotationPage', items: [draft('bad.md')] }, null, 2);
    const truncated = full.slice(0, Math.floor(full.length / 2));
    await writePage(root, 'bad.md', truncated);

    const listed = await store.list('bad.md');
    expect(listed.annotations).toEqual([]);
    expect(listed.problem).toMatch(
      /could not be read: it is not valid JSON.*moved aside unchanged to \.briefing\/annotations\/bad\.md\.corrupt-\d{8}T\d+Z\.json/,
    );
    const folder = join(root, '.briefing', 'annotations');
    const aside = (await readdir(folder)).find((name) => name.startsWith('bad.md.corrupt-'))!;
    expect(await readFile(join(folder, aside), 'utf8')).toBe(truncated);
    expect(await readFile(sidecarPath(root, 'ok.md'), 'utf8')).toBe(okBefore);

    const fresh = draft('bad.md', 'after the damage');
    await store.save('bad.md', fresh);
    expect(ids((await readPage(root, 'bad.md')).items)).toEqual([fresh.id]);
    expect((await store.list('bad.md')).problem).toMatch(/moved aside/);
    expect((await store.listAll()).problems).toEqual([{ briefingId: 'bad.md', message: expect.stringMatching(/moved aside/) }]);
  });

  it('quarantines JSON that is not an AnnotationPage, and reports it in listAll', async () => {
    const root = await tempDir();
    await writePage(root, 'list.md', { type: 'Collection', items: [] });
    const all = await new AnnotationStore(root).listAll();
    expect(all.items).toEqual([]);
    expect(all.problems[0]).toMatchObject({ briefingId: 'list.md', message: expect.stringMatching(/not a W3C AnnotationPage.*moved aside/) });
  });

  it('merges a copy another app wrote on disk: newer wins, both sides keep new items, tombstones win', async () => {
    const root = await tempDir();
    const store = new AnnotationStore(root, { now: clock('2024-03-01T10:00:00.000Z') });
    const shared = draft('x.md', 'shared');
    const doomed = draft('x.md', 'doomed');
    await store.save('x.md', shared);
    await store.save('x.md', doomed);
    expect((await store.list('x.md')).annotations).toHaveLength(2);

    // Another app (or a sync tool) replaces the file: edits `shared` later, deletes `doomed`, adds its own.
    const page = await readPage(root, 'x.md');
    const theirs = draft('x.md', 'theirs');
    page.items = [
      { ...page.items[0], 'briefing:colour': 'c5', modified: '2024-03-01T11:00:00.000Z' },
      { ...theirs, modified: '2024-03-01T11:00:00.000Z' },
    ];
    page['briefing:deleted'] = [{ id: doomed.id, deleted: '2024-03-01T11:00:00.000Z' }];
    await writePage(root, 'x.md', page);

    const seen = await store.list('x.md');
    expect(ids(seen.annotations)).toEqual(ids([shared, theirs]));
    expect(seen.annotations.find((item) => item.id === shared.id)?.['briefing:colour']).toBe('c5');

    // This window still holds the old copy of `doomed`; saving something else must not revive it.
    const mine = draft('x.md', 'mine');
    await store.save('x.md', mine);
    const after = await readPage(root, 'x.md');
    expect(ids(after.items)).toEqual(ids([shared, theirs, mine]));
    expect(after['briefing:deleted'].map((entry) => entry.id)).toEqual([doomed.id]);
  });

  it('merges Syncthing and Dropbox conflict copies, then removes them once the sidecar is written', async () => {
    const root = await tempDir();
    const store = new AnnotationStore(root, { now: clock() });
    const local = draft('uk/звернення.md', 'Ми будемо захищати');
    await store.save('uk/звернення.md', local);
    const base = await readPage(root, 'uk/звернення.md');
    const fromLaptop = draft('uk/звернення.md', 'від ноутбука');
    const fromPhone = draft('uk/звернення.md', 'з телефону');
    await writePage(root, '', { ...base, items: [...base.items, fromLaptop] }, 'uk/звернення.md.sync-conflict-20240101-120000-ABCDEFG.json');
    await writePage(root, '', { ...base, items: [fromPhone] }, 'uk/звернення.md (conflicted copy 2024-01-01).json');
    await writePage(root, '', { ...base, items: [fromPhone] }, 'uk/звернення.md_conflict-20240101-120000.json');

    const listed = await store.list('uk/звернення.md');
    expect(ids(listed.annotations)).toEqual(ids([local, fromLaptop, fromPhone]));
    expect(await readdir(join(root, '.briefing', 'annotations', 'uk'))).toEqual(['звернення.md.json']);
    expect(ids((await readPage(root, 'uk/звернення.md')).items)).toEqual(ids([local, fromLaptop, fromPhone]));
  });

  it('leaves conflict copies in place while the sidecar cannot be written', async () => {
    const root = await tempDir();
    const copy = 'x.md.sync-conflict-20240101-120000-ABCDEFG.json';
    await writePage(root, '', { type: 'AnnotationPage', items: [draft('x.md')] }, copy);
    await writePage(root, '', '{ "type": "AnnotationPage", "items": [', 'x.md (conflicted copy 2024-02-02).json');
    const store = new AnnotationStore(root);
    const listed = await store.list('x.md');
    expect(listed.annotations).toHaveLength(1);
    expect(listed.problem).toMatch(/conflicting copy .*could not be read.*left as it is/);
    expect((await readdir(join(root, '.briefing', 'annotations'))).sort()).toEqual(['x.md (conflicted copy 2024-02-02).json', 'x.md.json']);
  });

  it('loses nothing when two stores (two processes) save to the same briefing at once', async () => {
    const root = await tempDir();
    const left = new AnnotationStore(root);
    const right = new AnnotationStore(root);
    const leftItems = Array.from({ length: 25 }, (_, index) => draft('x.md', `left ${index}`));
    const rightItems = Array.from({ length: 25 }, (_, index) => draft('x.md', `right ${index}`));
    await Promise.all([...leftItems.map((item) => left.save('x.md', item)), ...rightItems.map((item) => right.save('x.md', item))]);
    expect(ids((await readPage(root, 'x.md')).items)).toEqual(ids([...leftItems, ...rightItems]));
    expect(ids((await new AnnotationStore(root).list('x.md')).annotations)).toHaveLength(50);
  });

  it('loses nothing when two real processes save to the same sidecar one annotation at a time', async () => {
    const root = await tempDir();
    const script = fileURLToPath(new URL('./save-many.fixture.ts', import.meta.url));
    const start = String(Date.now() + 2000);
    const run = (label: string) => promisify(execFile)(process.execPath, ['--import', 'tsx', script, root, 'x.md', label, '40', start]);
    await Promise.all([run('a'), run('b')]);
    const page = await readPage(root, 'x.md');
    expect(page.items).toHaveLength(80);
    expect(await readdir(join(root, '.briefing', 'annotations'))).toEqual(['x.md.json']);
  });

  it('keeps an annotation it cannot write, says why, and saves it when the library is writable again', async () => {
    const root = await tempDir();
    // As root, chmod does not stop writes; a file where the .briefing folder should be does.
    await writeFile(join(root, '.briefing'), 'in the way');
    const store = new AnnotationStore(root, { now: clock() });
    const kept = draft('x.md', 'unsaved');

    const failure = await store.save('x.md', kept).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ code: 'unreadable', message: expect.stringMatching(/^Your annotation is kept in this window but could not be saved: /) });
    expect(await store.list('x.md')).toMatchObject({ annotations: [{ id: kept.id }], pending: true, problem: null });
    expect((await store.listAll()).items.map((item) => item.annotation.id)).toEqual([kept.id]);
    expect(await store.retryPending()).toBe(0);

    await rm(join(root, '.briefing'));
    expect(await store.retryPending()).toBe(1);
    expect(await store.list('x.md')).toMatchObject({ pending: false });
    expect(ids((await readPage(root, 'x.md')).items)).toEqual([kept.id]);
  });

  it('writes held changes on the next successful save', async () => {
    const root = await tempDir();
    await mkdir(join(root, '.briefing', 'annotations'), { recursive: true });
    await writeFile(join(root, '.briefing', 'annotations', 'blocked'), 'a file where a folder is needed');
    const store = new AnnotationStore(root, { now: clock() });
    const held = draft('blocked/x.md');
    await expect(store.save('blocked/x.md', held)).rejects.toThrow(/a file is in the way/);
    await rm(join(root, '.briefing', 'annotations', 'blocked'));
    await store.save('other.md', draft('other.md'));
    expect(ids((await readPage(root, 'blocked/x.md')).items)).toEqual([held.id]);
  });

  it('moves the sidecar of a renamed briefing to its new id', async () => {
    const root = await tempDir();
    const store = new AnnotationStore(root, { now: clock() });
    const note = draft('old/report.md');
    await store.save('old/report.md', note, 'fp-report');
    await store.save('kept.md', draft('kept.md'), 'fp-kept');

    const moves = await store.reconcile([
      { id: 'new/report-final.md', fingerprint: 'fp-report' },
      { id: 'kept.md', fingerprint: 'fp-kept' },
      { id: 'copy-of-kept.md', fingerprint: 'fp-kept' },
    ]);
    expect(moves).toEqual([{ from: 'old/report.md', to: 'new/report-final.md' }]);
    const page = await readPage(root, 'new/report-final.md');
    expect(page).toMatchObject({ 'briefing:source': 'new/report-final.md', 'briefing:fingerprint': 'fp-report' });
    expect(page.items.map((item) => item.target.source)).toEqual(['new/report-final.md']);
    await expect(readFile(sidecarPath(root, 'old/report.md'))).rejects.toThrow(/ENOENT/);
    expect(ids((await store.list('new/report-final.md')).annotations)).toEqual([note.id]);
    expect(await store.reconcile([{ id: 'new/report-final.md', fingerprint: 'fp-report' }])).toEqual([]);
  });

  it('follows a briefing edited after its notes were saved, then renamed, by the text the library last listed', async () => {
    const root = await tempDir();
    const store = new AnnotationStore(root, { now: clock() });
    await store.save('cable.md', draft('cable.md'), 'fp-as-annotated');
    const renamed = [{ id: 'cable, final.md', fingerprint: 'fp-edited' }];
    expect(await store.reconcile(renamed)).toEqual([]);
    expect(await store.reconcile(renamed, new Map([['cable.md', 'fp-edited']]))).toEqual([{ from: 'cable.md', to: 'cable, final.md' }]);
    // Still marked with the text it was anchored to, so the reader re-anchors it.
    expect(await readPage(root, 'cable, final.md')).toMatchObject({ 'briefing:fingerprint': 'fp-as-annotated' });
  });

  it('leaves an ambiguous rename alone', async () => {
    const root = await tempDir();
    const store = new AnnotationStore(root);
    await store.save('gone.md', draft('gone.md'), 'fp-same');
    expect(
      await store.reconcile([
        { id: 'a.md', fingerprint: 'fp-same' },
        { id: 'b.md', fingerprint: 'fp-same' },
      ]),
    ).toEqual([]);
  });

  it('stores Cyrillic, emoji and HTML in comments verbatim', async () => {
    const root = await tempDir();
    const store = new AnnotationStore(root);
    const comment = 'Перевірити 🇺🇦 <script>alert("x")</script> <img src=x onerror=alert(1)> & «лапки»';
    const note = draft('ru/заявление.md', 'Прекращение огня 🕊️', { comment, tags: ['переговори', '🔥'] });
    await store.save('ru/заявление.md', note);
    const [stored] = (await new AnnotationStore(root).list('ru/заявление.md')).annotations;
    expect(stored.body).toEqual([
      { type: 'TextualBody', purpose: 'commenting', value: comment, format: 'text/markdown' },
      { type: 'TextualBody', purpose: 'tagging', value: 'переговори' },
      { type: 'TextualBody', purpose: 'tagging', value: '🔥' },
    ]);
    expect(stored.target.selector[0].exact).toBe('Прекращение огня 🕊️');
    expect(await readFile(sidecarPath(root, 'ru/заявление.md'), 'utf8')).toContain('<script>alert(\\"x\\")</script>');
  });

  it('refuses briefing ids that would leave the annotations folder', async () => {
    const store = new AnnotationStore(await tempDir());
    for (const id of ['../x.md', 'a/../../x.md', '/etc/passwd', '', 'a//b.md', 'a\\b.md']) {
      await expect(store.save(id, draft('x.md'))).rejects.toMatchObject({ code: 'invalid-arguments' });
    }
  });

  it('lists 10,000 annotations across 500 sidecars, with their briefing ids', async () => {
    const root = await tempDir();
    const briefingIds = await writeSyntheticSidecars(root, 500, 20);
    const store = new AnnotationStore(root);
    const all = await store.listAll();
    expect(all.problems).toEqual([]);
    expect(all.items).toHaveLength(10_000);
    expect(new Set(all.items.map((item) => item.annotation.id)).size).toBe(10_000);
    expect(new Set(all.items.map((item) => item.briefingId))).toEqual(new Set(briefingIds));
    expect(all.items.every((item) => item.annotation.target.source === item.briefingId)).toBe(true);
  });
});
