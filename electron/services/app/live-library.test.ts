import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BriefingEvent } from '../../common/events';
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
  const services = createBriefingServices(
    { userData: join(base, 'user-data'), sampleLibrary: root, defaultLibrary: root, searchWorker: await searchWorkerBundle(), printFonts: '' },
    {
      chooseFolder: async () => root,
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
  await services.chooseLibrary();
  await services.libraryIdle();
  const listed = () =>
    events.flatMap((event) => (event.type === 'library-changed' ? [event.snapshot] : [])).at(-1)?.briefings.map((briefing) => briefing.id).sort() ?? [];
  const finds = async (word: string) =>
    (await services.search({ text: word, filters: {}, limit: 10 })).results.map((hit) => hit.id);
  return { base, root, services, events, listed, finds };
}

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
});
