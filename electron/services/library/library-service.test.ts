import { mkdir, readdir, readFile, rename, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BriefingParser } from './briefing-parser';
import { LibraryService } from './library-service';
import { useTempDirs } from '../test-support/temp-dir';

const tempDir = useTempDirs();

async function makeLibrary() {
  const root = await tempDir();
  await mkdir(join(root, 'uk'));
  await writeFile(
    join(root, 'readout.md'),
    '---\ntitle: Readout\nsource: White House\ndate: 2022-10-04\n---\n\n## Key points\n\nThe call covered a ceasefire.\n',
  );
  await writeFile(
    join(root, 'uk', 'zvernennia.md'),
    '---\ntitle: Звернення\n---\n\nЗвертаюся до вас у цей напружений момент. Ми будемо захищати свою державу.\n',
  );
  await writeFile(join(root, 'notes.txt'), 'A note\n\nPlain text body.\n');
  await writeFile(join(root, 'ignored.epub'), 'not a briefing');
  await mkdir(join(root, '.briefing'));
  await writeFile(join(root, '.briefing', 'hidden.md'), '# hidden');
  return root;
}

describe('LibraryService', () => {
  it('lists briefings recursively with metadata and skips hidden folders and other files', async () => {
    const root = await makeLibrary();
    const snapshot = await new LibraryService(await tempDir()).open(root);
    expect(snapshot.available).toBe(true);
    expect(snapshot.briefings.map((b) => [b.id, b.title, b.language, b.format])).toEqual([
      ['notes.txt', 'A note', 'en', 'text'],
      ['readout.md', 'Readout', 'en', 'markdown'],
      ['uk/zvernennia.md', 'Звернення', 'uk', 'markdown'],
    ]);
    expect(snapshot.briefings[1]).toMatchObject({ source: 'White House', date: '2022-10-04', problem: null });
  });

  it('reopens from the manifest without reading unchanged files, and rereads changed ones', async () => {
    const root = await makeLibrary();
    const cache = await tempDir();
    const readout = join(root, 'readout.md');
    const mtime = new Date('2024-01-01T00:00:00Z');
    await utimes(readout, mtime, mtime);
    await new LibraryService(cache).open(root);
    // Same size and modification time: the cache must be trusted, so the old title stays.
    await writeFile(readout, (await readFile(readout, 'utf8')).replace('title: Readout', 'title: Changed'));
    await utimes(readout, mtime, mtime);
    await writeFile(join(root, 'notes.txt'), 'A changed note\n\nNew body.\n');
    await utimes(join(root, 'notes.txt'), new Date(), new Date(Date.now() + 5000));

    const snapshot = await new LibraryService(cache).open(root);
    expect(snapshot.briefings.find((b) => b.id === 'readout.md')?.title).toBe('Readout');
    expect(snapshot.briefings.find((b) => b.id === 'notes.txt')?.title).toBe('A changed note');
  });

  it('renders an opened briefing as sanitized HTML with headings', async () => {
    const root = await makeLibrary();
    const service = new LibraryService(await tempDir());
    await service.open(root);
    const article = await service.read(root, 'readout.md');
    expect(article.html).toBe('<h2 id="h-1">Key points</h2>\n<p>The call covered a ceasefire.</p>\n');
    expect(article.headings).toEqual([{ id: 'h-1', level: 2, text: 'Key points' }]);
  });

  it('refuses ids it did not list, so no path can reach outside the library', async () => {
    const root = await makeLibrary();
    const service = new LibraryService(await tempDir());
    await service.open(root);
    for (const id of ['../secret.md', '/etc/passwd', 'ignored.epub', '.briefing/hidden.md']) {
      await expect(service.read(root, id)).rejects.toMatchObject({ code: 'not-found' });
    }
  });

  it('says so plainly when a listed briefing has been deleted', async () => {
    const root = await makeLibrary();
    const service = new LibraryService(await tempDir());
    await service.open(root);
    await rm(join(root, 'readout.md'));
    await expect(service.read(root, 'readout.md')).rejects.toMatchObject({
      code: 'not-found',
      message: expect.stringMatching(/no longer in the library folder/),
    });
  });

  it('keeps the last known list when the folder disappears, and recovers when it returns', async () => {
    const root = await makeLibrary();
    const service = new LibraryService(await tempDir());
    await service.open(root);
    await rename(root, `${root}-moved`);
    const missing = await service.open(root);
    expect(missing.available).toBe(false);
    expect(missing.briefings).toHaveLength(3);
    expect(missing.notices[0].message).toMatch(/cannot be found/);
    await rename(`${root}-moved`, root);
    expect((await service.open(root)).available).toBe(true);
  });

  it('survives symlink loops and reports them once', async () => {
    const root = await makeLibrary();
    await symlink(root, join(root, 'uk', 'back-to-root'));
    await symlink(join(root, 'self.md'), join(root, 'self.md')).catch(() => undefined);
    const snapshot = await new LibraryService(await tempDir()).open(root);
    expect(snapshot.briefings.filter((b) => b.id.endsWith('readout.md'))).toHaveLength(1);
    expect(snapshot.notices).toEqual([{ path: 'uk/back-to-root', message: expect.stringMatching(/loop/) }]);
    expect(snapshot.briefings.find((b) => b.id === 'self.md')?.problem).toMatchObject({ code: 'unreadable', message: expect.stringMatching(/loop/) });
  });

  it('refuses a file over the size limit without reading it', async () => {
    const root = await tempDir();
    await writeFile(join(root, 'huge.txt'), Buffer.alloc(10 * 1024 * 1024 + 1, 0x61));
    const [huge] = (await new LibraryService(await tempDir()).open(root)).briefings;
    expect(huge.problem).toMatchObject({ code: 'too-large', severity: 'error', message: expect.stringMatching(/up to 10 MB/) });
  });

  it('ignores a damaged manifest and rebuilds it', async () => {
    const root = await makeLibrary();
    const cache = await tempDir();
    await new LibraryService(cache).open(root);
    for (const file of await readdir(cache)) await writeFile(join(cache, file), '{ truncated');
    expect((await new LibraryService(cache).open(root)).briefings).toHaveLength(3);
  });
});

describe('LibraryService with a parser that fails', () => {
  it('lists the file as unreadable with the reason, and tries it again on the next open', async () => {
    const root = await tempDir();
    await writeFile(join(root, 'cable.md'), '---\ntitle: Cable\n---\n\nText.\n');
    const real = new BriefingParser();
    let failures = 1;
    const flaky = {
      parse: (...args: Parameters<BriefingParser['parse']>) =>
        failures-- > 0 ? Promise.reject(new Error('the parser stopped (exit code 134)')) : real.parse(...args),
      close: () => real.close(),
    } as unknown as BriefingParser;
    const library = new LibraryService(await tempDir(), flaky);
    const first = await library.open(root);
    expect(first.briefings[0].problem).toMatchObject({ severity: 'error', message: expect.stringContaining('the parser stopped (exit code 134)') });
    const second = await library.open(root);
    expect(second.briefings[0]).toMatchObject({ title: 'Cable', problem: null });
  });
});
