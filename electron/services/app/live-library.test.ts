import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AnnotationSidecar } from '../../common/annotation-model';
import type { BriefingEvent } from '../../common/events';
import { newAnnotation } from '../annotations/new-annotation';
import { useTempDirs } from '../test-support/temp-dir';
import { searchWorkerBundle } from '../test-support/worker-bundle';
import { createBriefingServices, type BriefingServices } from './briefing-services';

const tempDir = useTempDirs();
const running: BriefingServices[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((services) => services.dispose()));
});

async function openLibrary() {
  const base = await tempDir();
  const root = join(base, 'Library');
  await mkdir(root);
  await writeFile(join(root, 'first.md'), '---\ntitle: First cable\n---\n\nThe embassy reports calm.\n');
  const events: BriefingEvent[] = [];
  /** The folder the next Open library… dialog answers with. */
  const dialog = { folder: root };
  const services = await startServices(base, root, dialog, events);
  await services.chooseLibrary();
  await services.libraryIdle();
  const listed = () =>
    events
      .flatMap((event) => (event.type === 'library-changed' ? [event.snapshot] : []))
      .at(-1)
      ?.briefings.map((briefing) => briefing.id)
      .sort() ?? [];
  const finds = async (word: string) => (await services.search({ text: word, filters: {}, limit: 10 })).results.map((hit) => hit.id);
  return { base, root, services, events, listed, finds, dialog, startServices: () => startServices(base, root, dialog, events) };
}

async function startServices(base: string, root: string, dialog: { folder: string }, events: BriefingEvent[]) {
  const services = createBriefingServices(
    { userData: join(base, 'user-data'), sampleLibrary: root, defaultLibrary: root, searchWorker: await searchWorkerBundle(), printFonts: '' },
    {
      chooseFolder: async () => dialog.folder,
      confirmExternalLink: async () => false,
      openInBrowser: async () => undefined,
      chooseExportPath: async () => null,
      printToPdf: async () => new Uint8Array(),
      showInFolder: async () => undefined,
      chooseImportFiles: async () => [join(base, 'outside.md'), join(base, 'movie.mp4')],
    },
    () => undefined,
    (event) => events.push(event),
    { watch: { debounceMs: 50, maxWaitMs: 400, settleMs: 100, returnPollMs: 100 } },
  );
  running.push(services);
  return services;
}

const noteOn = (exact: string, start: number) =>
  newAnnotation({
    briefingId: 'first.md',
    fingerprint: '',
    quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start, end: start + exact.length },
    colour: 'c1',
  });

describe('a live library', () => {
  it('lists a briefing written into the folder while open, and search finds it', async () => {
    const { root, services, listed, finds } = await openLibrary();
    await writeFile(join(root, 'second.md'), '---\ntitle: Second cable\n---\n\nThe zeppelin arrived.\n');
    await vi.waitFor(() => expect(listed()).toEqual(['first.md', 'second.md']), { timeout: 5000 });
    await services.searchIdle();
    await vi.waitFor(async () => expect(await finds('zeppelin')).toEqual(['second.md']), { timeout: 20_000 });
    await rm(join(root, 'second.md'));
    await vi.waitFor(() => expect(listed()).toEqual(['first.md']), { timeout: 5000 });
  });

  it('keeps the read mark and place of a briefing renamed on disk', async () => {
    const { root, services, listed } = await openLibrary();
    await services.setReadingPosition('first.md', 0.97);
    await rename(join(root, 'first.md'), join(root, 'first, renamed.md'));
    await vi.waitFor(() => expect(listed()).toEqual(['first, renamed.md']), { timeout: 5000 });
    expect(await services.getReadingStates()).toEqual({ 'first, renamed.md': expect.objectContaining({ fraction: 0.97, read: true }) });
  });

  it('follows a briefing edited after it was last read, then renamed', async () => {
    const { root, services, events, listed } = await openLibrary();
    await services.setReadingPosition('first.md', 0.5);
    const fingerprint = () => events.flatMap((event) => (event.type === 'library-changed' ? event.snapshot.briefings : [])).at(-1)?.fingerprint;
    await writeFile(join(root, 'first.md'), '---\ntitle: First cable\n---\n\nThe embassy reports calm. A line added later.\n');
    await vi.waitFor(() => expect(fingerprint()).toBeTruthy(), { timeout: 5000 });
    await rename(join(root, 'first.md'), join(root, 'renamed.md'));
    await vi.waitFor(() => expect(listed()).toEqual(['renamed.md']), { timeout: 5000 });
    expect(await services.getReadingStates()).toEqual({ 'renamed.md': expect.objectContaining({ fraction: 0.5 }) });
  });

  it('reports the folder gone (the last listing kept) and back again', async () => {
    const { root, listed, events } = await openLibrary();
    await rm(root, { recursive: true });
    await vi.waitFor(() => expect(events.some((event) => event.type === 'library-changed' && !event.snapshot.available)).toBe(true), { timeout: 5000 });
    expect(listed()).toEqual(['first.md']);
    await mkdir(root);
    await writeFile(join(root, 'first.md'), '---\ntitle: First cable\n---\n\nThe embassy reports calm.\n');
    await vi.waitFor(() => expect(events.at(-1)).toMatchObject({ type: 'library-changed', snapshot: { available: true } }), { timeout: 5000 });
  });

  it('imports dropped documents and chosen files, leaving out what it cannot read', async () => {
    const { base, services } = await openLibrary();
    const dropped = await services.importDocuments([
      { name: 'note.txt', data: Buffer.from('Pasted briefing\n\nFrom the desk.').toString('base64') },
      { name: 'first.md', data: Buffer.from('# Another first').toString('base64') },
    ]);
    expect(dropped.added).toEqual(['note.txt', 'first (2).md']);
    expect(dropped.snapshot.briefings.map((briefing) => briefing.id).sort()).toEqual(['first (2).md', 'first.md', 'note.txt']);

    await writeFile(join(base, 'outside.md'), '# From elsewhere');
    await writeFile(join(base, 'movie.mp4'), 'not a briefing');
    const chosen = await services.importFiles();
    expect(chosen?.added).toEqual(['outside.md']);
    expect(chosen?.skipped).toEqual([{ name: 'movie.mp4', reason: expect.stringContaining('a .mp4 file') }]);
  });

  it('ends on the library switched to while a rescan of the one before is still running', async () => {
    const { base, root, services, events, listed, finds, dialog, startServices } = await openLibrary();
    const other = join(base, 'Other');
    await mkdir(other);
    await writeFile(join(other, 'island.md'), '---\ntitle: Island report\n---\n\nA quokka was seen on the island.\n');
    await Promise.all(
      Array.from({ length: 300 }, (_, index) =>
        writeFile(join(root, `dispatch-${index}.md`), `---\ntitle: Dispatch ${index}\n---\n\nRoutine dispatch ${index}.\n`),
      ),
    );
    // The watcher's rescan of the first library is reading the new files.
    await vi.waitFor(() => expect(events.some((event) => event.type === 'library-progress' && event.done < event.total)).toBe(true), { timeout: 10_000 });
    dialog.folder = other;
    const switchedAt = events.length;
    expect((await services.chooseLibrary())?.root).toBe(other);
    await services.libraryIdle();
    // The rescan of the library left behind finished after the switch: the window never hears of it.
    expect(events.slice(switchedAt).flatMap((event) => (event.type === 'library-changed' ? [event.snapshot.root] : []))).not.toContain(root);
    await services.searchIdle();
    expect(await finds('quokka')).toEqual(['island.md']);
    // The watcher is on the library switched to.
    await writeFile(join(other, 'wombat.md'), '# Wombat sighting\n\nA wombat too.\n');
    await vi.waitFor(() => expect(listed()).toEqual(['island.md', 'wombat.md']), { timeout: 5000 });
    // And the next launch opens it.
    await services.dispose();
    expect((await (await startServices()).openCurrentLibrary()).root).toBe(other);
  });

  it('tells the window when another program changes or damages the notes, never when it saved them itself', async () => {
    const { root, services, events, listed } = await openLibrary();
    const told = () => events.flatMap((event) => (event.type === 'annotations-changed' ? [event.briefingIds] : []));
    const sidecar = join(root, '.briefing', 'annotations', 'first.md.json');
    await services.listAnnotations('first.md');
    const mine = noteOn('reports calm', 16);
    await services.saveAnnotation('first.md', mine);
    // A briefing written after the save is listed once the watcher has taken in both.
    await writeFile(join(root, 'witness.md'), '# Witness\n');
    await vi.waitFor(() => expect(listed()).toEqual(['first.md', 'witness.md']), { timeout: 5000 });
    expect(told()).toEqual([]);

    // A sync tool brings a note made on another machine.
    const page = JSON.parse(await readFile(sidecar, 'utf8')) as AnnotationSidecar;
    const theirs = noteOn('The embassy', 0);
    await writeFile(sidecar, JSON.stringify({ ...page, items: [...page.items, theirs] }));
    await vi.waitFor(() => expect(told()).toEqual([['first.md']]), { timeout: 5000 });
    expect((await services.listAnnotations('first.md')).annotations.map((note) => note.id).sort()).toEqual([mine.id, theirs.id].sort());

    // Garbage over it, moved aside by the notes view's listing before the window could look.
    await writeFile(sidecar, '{"type": "AnnotationPage", "items": [');
    await services.listAllAnnotations();
    await vi.waitFor(() => expect(told().length).toBeGreaterThan(1), { timeout: 5000 });
    expect(told().at(-1)).toEqual(['first.md']);
    const after = await services.listAnnotations('first.md');
    expect(after.annotations).toEqual([]);
    expect(after.problem).toMatch(/could not be read: it is not valid JSON .* moved aside unchanged/);
  });
});
