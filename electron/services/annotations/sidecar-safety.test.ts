import { mkdir, readdir, readFile, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../common/annotation-model';
import { makeFifo, withFifoValve } from '../test-support/fifo';
import { useTempDirs } from '../test-support/temp-dir';
import { AnnotationStore } from './annotation-store';
import { newAnnotation } from './new-annotation';
import { removeLeftovers } from './sidecar-walk';

const tempDir = useTempDirs();

function draft(briefingId: string, exact = 'the ceasefire held'): Annotation {
  return newAnnotation({
    briefingId,
    fingerprint: `fp-${briefingId}`,
    quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: 0, end: exact.length },
    colour: 'c1',
  });
}

/** Every file and folder under `folder`, relative to it. */
const tree = async (folder: string) => (await readdir(folder, { recursive: true })).map(String).sort();

/** Notes of someone else's library, outside this one: a linked folder must never reach them. */
async function outsideNotes() {
  const outside = await tempDir();
  await mkdir(join(outside, 'annotations'));
  const page = { '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationPage', items: [draft('x.md', 'a note from elsewhere')] };
  await writeFile(join(outside, 'annotations', 'x.md.json'), JSON.stringify(page));
  await writeFile(join(outside, 'notes.json'), JSON.stringify(page));
  return outside;
}

describe('annotations reached through a link out of the library', () => {
  for (const [what, folder, link] of [
    ['a linked .briefing folder', true, (root: string, outside: string) => symlink(outside, join(root, '.briefing'))],
    [
      'a linked annotations folder',
      true,
      async (root: string, outside: string) => {
        await mkdir(join(root, '.briefing'));
        await symlink(join(outside, 'annotations'), join(root, '.briefing', 'annotations'));
      },
    ],
    [
      'a linked sidecar file',
      false,
      async (root: string, outside: string) => {
        await mkdir(join(root, '.briefing', 'annotations'), { recursive: true });
        await symlink(join(outside, 'notes.json'), join(root, '.briefing', 'annotations', 'x.md.json'));
      },
    ],
  ] as const) {
    it(`are neither read nor written through ${what}, and the person is told why`, async () => {
      const root = await tempDir();
      const outside = await outsideNotes();
      await link(root, outside);
      const before = await tree(outside);
      const store = new AnnotationStore(root);

      const listed = await store.list('x.md');
      expect(listed.annotations).toEqual([]);
      expect(listed.problem).toMatch(/is a link to .*, outside the library, so notes are neither read from it nor written through it/);
      expect((await store.listAll()).items).toEqual([]);
      await expect(store.save('x.md', draft('x.md'))).rejects.toMatchObject({
        message: expect.stringMatching(/could not be saved: “\.briefing.*” is a link to .*, outside the library/),
      });
      // A briefing with no notes yet would have its folder made out there.
      if (folder) await expect(store.save('reports/y.md', draft('reports/y.md'))).rejects.toThrow(/outside the library/);
      expect(await tree(outside)).toEqual(before);
      expect(await readFile(join(outside, 'notes.json'), 'utf8')).toContain('a note from elsewhere');
    });
  }

  it('still works through a link that stays inside the library', async () => {
    const root = await tempDir();
    await mkdir(join(root, 'notes-kept-here'));
    await symlink('notes-kept-here', join(root, '.briefing'));
    const store = new AnnotationStore(root);
    const kept = draft('x.md');
    await store.save('x.md', kept);
    expect(await tree(join(root, 'notes-kept-here'))).toEqual(['annotations', 'annotations/x.md.json']);
    expect((await new AnnotationStore(root).list('x.md')).annotations.map((item) => item.id)).toEqual([kept.id]);
  });

  it('a conflict copy that is a link out of the library, or a FIFO, is never read', async () => {
    const root = await tempDir();
    const outside = await outsideNotes();
    const notes = join(root, '.briefing', 'annotations');
    await mkdir(notes, { recursive: true });
    await symlink(join(outside, 'notes.json'), join(notes, 'x.md.sync-conflict-20240101-120000-ABCDEFG.json'));
    const fifo = join(notes, 'x.md (conflicted copy 2024-01-01).json');
    makeFifo(fifo);
    const store = new AnnotationStore(root);
    const listed = await withFifoValve(fifo, () => store.list('x.md'));
    expect(listed.annotations).toEqual([]);
    expect((await withFifoValve(fifo, () => store.listAll())).items).toEqual([]);
  });

  it('a FIFO in place of a sidecar is reported, never opened', async () => {
    const root = await tempDir();
    await mkdir(join(root, '.briefing', 'annotations'), { recursive: true });
    const fifo = join(root, '.briefing', 'annotations', 'x.md.json');
    makeFifo(fifo);
    const listed = await withFifoValve(fifo, () => new AnnotationStore(root).list('x.md'));
    expect(listed).toMatchObject({ annotations: [], problem: expect.stringMatching(/could not be read \(it is a named pipe \(FIFO\), not a regular file/) });
    expect((await stat(fifo)).isFIFO()).toBe(true);
  });
});

describe('removeLeftovers', () => {
  it('removes temp files and locks writers left over a minute ago, under .briefing/annotations only', async () => {
    const root = await tempDir();
    const notes = join(root, '.briefing', 'annotations');
    await mkdir(join(notes, 'reports'), { recursive: true });
    await mkdir(join(root, '.briefing', 'other'));
    const old = new Date(Date.now() - 5 * 60_000);
    const files: Record<string, string> = {
      // Ours, left by writers that were killed:
      '.briefing/annotations/.x.md.json.0123456789ab.tmp': '{"half":',
      '.briefing/annotations/reports/.y.md.json.abcdef012345.tmp': '{',
      '.briefing/annotations/.x.md.json.lock': JSON.stringify({ pid: 2 ** 22 + 1, host: 'elsewhere', since: old.toISOString(), nonce: 'n' }),
      '.briefing/annotations/.x.md.json.lock.0123456789ab.stale': '',
      // The person's, whatever their names look like:
      '.briefing/annotations/x.md.json': '{}',
      '.briefing/annotations/notes.tmp': 'mine',
      '.briefing/other/.a.md.0123456789ab.tmp': 'mine',
      '.x.md.0123456789ab.tmp': 'mine',
    };
    for (const [path, text] of Object.entries(files)) {
      await writeFile(join(root, path), text);
      await utimes(join(root, path), old, old);
    }
    // A write still running in another window:
    await writeFile(join(notes, '.z.md.json.fedcba987654.tmp'), '{');

    expect(await removeLeftovers(root)).toBe(4);
    expect(
      (await tree(root)).filter((path) => !path.endsWith('other') && !path.endsWith('reports') && !path.endsWith('annotations') && path !== '.briefing'),
    ).toEqual(
      [
        '.briefing/annotations/.z.md.json.fedcba987654.tmp',
        '.briefing/annotations/notes.tmp',
        '.briefing/annotations/x.md.json',
        '.briefing/other/.a.md.0123456789ab.tmp',
        '.x.md.0123456789ab.tmp',
      ].sort(),
    );
  });

  it('never reaches through a linked annotations folder', async () => {
    const root = await tempDir();
    const outside = await tempDir();
    const left = join(outside, '.x.md.json.0123456789ab.tmp');
    await writeFile(left, 'not ours');
    const old = new Date(Date.now() - 5 * 60_000);
    await utimes(left, old, old);
    await mkdir(join(root, '.briefing'));
    await symlink(outside, join(root, '.briefing', 'annotations'));
    expect(await removeLeftovers(root)).toBe(0);
    expect(await readdir(outside)).toEqual(['.x.md.json.0123456789ab.tmp']);
  });
});
