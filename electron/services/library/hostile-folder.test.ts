import { mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_EXPORT_CHOICES } from '../../common/export-model';
import type { BriefingSummary } from '../../common/model';
import { exportNotes } from '../notes/export-notes';
import { note } from '../notes/notes.fixture';
import { SearchService } from '../search/search-service';
import { makeFifo, withFifoValve } from '../test-support/fifo';
import { useTempDirs } from '../test-support/temp-dir';
import { searchWorkerBundle } from '../test-support/worker-bundle';
import { LibraryService } from './library-service';

const tempDir = useTempDirs();
const searches: SearchService[] = [];
afterEach(async () => {
  await Promise.all(searches.splice(0).map((search) => search.close()));
});

/** Words only the file outside the library holds: finding them anywhere means it was read. */
const SECRET = 'xyzzyplugh';
const SECRET_URL = 'https://secret.example/passwd';

/** A library beside a folder outside it that holds a secret briefing-like file. */
async function setup() {
  const root = await tempDir();
  const outside = await tempDir();
  await writeFile(join(outside, 'passwd.md'), `---\ntitle: Passwords\nurl: ${SECRET_URL}\n---\n\nroot:x:0:0 ${SECRET} credentials.\n`);
  await writeFile(join(root, 'readout.md'), '---\ntitle: Readout\nlanguage: en\n---\n\nThe call covered a ceasefire.\n');
  return { root, outside, library: new LibraryService(await tempDir()) };
}

async function searchFor(root: string, briefings: BriefingSummary[], text: string) {
  const search = new SearchService(await searchWorkerBundle(), await tempDir(), () => undefined);
  searches.push(search);
  await search.open(root, briefings);
  await search.idle();
  return (await search.search({ text: `${text} `, filters: {}, limit: 10 })).results;
}

/** The Markdown export of one note on `briefingId`, with the briefing read as export reads it. */
async function exportedMarkdown(library: LibraryService, root: string, briefingId: string): Promise<string> {
  const folder = await tempDir();
  const outcome = await exportNotes(
    { scope: { label: 'Everything' }, format: 'markdown', paper: 'A4', options: DEFAULT_EXPORT_CHOICES.options },
    {
      libraryName: 'Library',
      colourMeanings: {} as never,
      notes: async () => [note({ briefingId, exact: 'credentials', start: 0 })],
      readArticle: (id) => library.read(root, id),
      exportFolder: folder,
      ports: { chooseExportPath: async (path) => path, printToPdf: async () => new Uint8Array() },
      printFontCss: async () => '',
      progress: () => undefined,
    },
  );
  if (outcome.status !== 'written') throw new Error(`the export was not written: ${JSON.stringify(outcome)}`);
  return readFile(outcome.path, 'utf8');
}

describe('links that lead out of the library', () => {
  it('are listed with the reason and never read: not by the reader, search or an export', async () => {
    const { root, outside, library } = await setup();
    await symlink(join(outside, 'passwd.md'), join(root, 'outside-link.md'));
    await symlink(outside, join(root, 'etc'));
    const snapshot = await library.open(root);

    expect(snapshot.briefings.map((briefing) => briefing.id)).toEqual(['outside-link.md', 'readout.md']);
    expect(snapshot.briefings[0].problem).toEqual({
      code: 'outside-library',
      severity: 'error',
      message: `It is a link to ${join(outside, 'passwd.md')}, outside the library, so it is not read. To read it, open the folder it is in as a library.`,
    });
    expect(snapshot.notices).toEqual([
      { path: 'etc', message: `It is a link to ${outside}, outside the library, so it is not read. To read it, open that folder as a library.` },
    ]);
    await expect(library.read(root, 'outside-link.md')).rejects.toMatchObject({ code: 'refused', message: expect.stringMatching(/outside the library/) });
    expect(await searchFor(root, snapshot.briefings, SECRET)).toEqual([]);
    expect(await exportedMarkdown(library, root, 'outside-link.md')).not.toContain(SECRET_URL);
  });

  it('are not read when swapped in for a briefing after the listing', async () => {
    const { root, outside, library } = await setup();
    await writeFile(join(root, 'cable.md'), `---\ntitle: Cable\nurl: https://example.org/cable\n---\n\nA cable.\n`);
    const snapshot = await library.open(root);
    await rm(join(root, 'cable.md'));
    await symlink(join(outside, 'passwd.md'), join(root, 'cable.md'));

    await expect(library.read(root, 'cable.md')).rejects.toMatchObject({ code: 'refused' });
    expect(await searchFor(root, snapshot.briefings, SECRET)).toEqual([]);
    expect(await exportedMarkdown(library, root, 'cable.md')).not.toContain(SECRET_URL);
  });

  it('inside the library still work, for files and folders', async () => {
    const { root, library } = await setup();
    // The folder is reached only through the link (hidden folders are not listed themselves).
    await mkdir(join(root, '.store', 'reports'), { recursive: true });
    await writeFile(join(root, '.store', 'reports', 'cable.md'), '# Cable\n\nA cable.\n');
    await symlink(join('.store', 'reports'), join(root, 'reports'));
    await symlink('readout.md', join(root, 'same-readout.md'));
    const snapshot = await library.open(root);
    expect(snapshot.briefings.map((briefing) => [briefing.id, briefing.problem])).toEqual([
      ['readout.md', null],
      ['reports/cable.md', null],
      ['same-readout.md', null],
    ]);
    expect(snapshot.notices).toEqual([]);
    expect((await library.read(root, 'same-readout.md')).html).toContain('ceasefire');
  });
});

describe('special files in the library', () => {
  it('a FIFO and a link to /dev/zero are listed with the reason, never opened', async () => {
    const { root, library } = await setup();
    makeFifo(join(root, 'x.md'));
    await symlink('x.md', join(root, 'pipe-link.md'));
    await symlink('/dev/zero', join(root, 'zero.txt'));
    const snapshot = await withFifoValve(join(root, 'x.md'), () => library.open(root));
    const problems = Object.fromEntries(snapshot.briefings.map((briefing) => [briefing.id, briefing.problem]));
    expect(problems).toEqual({
      'pipe-link.md': { code: 'not-a-file', severity: 'error', message: 'It is a named pipe (FIFO), not a regular file, so it is not read.' },
      'readout.md': null,
      'x.md': { code: 'not-a-file', severity: 'error', message: 'It is a named pipe (FIFO), not a regular file, so it is not read.' },
      'zero.txt': { code: 'outside-library', severity: 'error', message: expect.stringContaining('It is a link to /dev/zero, outside the library') },
    });
    await expect(withFifoValve(join(root, 'x.md'), () => library.read(root, 'x.md'))).rejects.toMatchObject({
      code: 'refused',
      message: expect.stringMatching(/named pipe/),
    });
  });
});
