import { existsSync } from 'node:fs';
import { mkdir, readdir, symlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { useTempDirs } from '../test-support/temp-dir';
import { searchWorkerBundle } from '../test-support/worker-bundle';
import { createBriefingServices, type BriefingServices } from './briefing-services';
import type { HostPorts } from './host-ports';

const tempDir = useTempDirs();
const running: BriefingServices[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((services) => services.dispose()));
});

/** The services with `library` as the folder the person chooses; every other dialog is cancelled. */
async function servicesChoosing(library: string) {
  const base = await tempDir();
  const ports: HostPorts = {
    chooseFolder: async () => library,
    confirmExternalLink: async () => false,
    openInBrowser: async () => undefined,
    chooseExportPath: async () => null,
    printToPdf: async () => new Uint8Array(),
    showInFolder: async () => undefined,
    chooseImportFiles: async () => [],
  };
  const api = createBriefingServices(
    {
      userData: join(base, 'user-data'),
      sampleLibrary: join(base, 'none'),
      defaultLibrary: join(base, 'Library'),
      searchWorker: await searchWorkerBundle(),
      printFonts: join(base, 'none.css'),
    },
    ports,
    () => undefined,
    () => undefined,
    { watch: false },
  );
  running.push(api);
  return api;
}

describe('a library holding a link to /etc/passwd', () => {
  it('lists it as a link outside the library and never shows or indexes its text', async (context) => {
    if (!existsSync('/etc/passwd')) return context.skip('no /etc/passwd on this machine');
    const library = await tempDir();
    await writeFile(join(library, 'readout.txt'), 'Readout\n\nThe root cause of the outage was found.\n');
    await symlink('/etc/passwd', join(library, 'outside-link.txt'));
    await symlink('/etc', join(library, 'etc'));
    const api = await servicesChoosing(library);

    const snapshot = (await api.chooseLibrary())!;
    expect(snapshot.briefings.map((briefing) => [briefing.id, briefing.problem?.code ?? null])).toEqual([
      ['outside-link.txt', 'outside-library'],
      ['readout.txt', null],
    ]);
    expect(snapshot.notices).toEqual([{ path: 'etc', message: expect.stringContaining('It is a link to /etc, outside the library') }]);
    await expect(api.readBriefing('outside-link.txt')).rejects.toMatchObject({ code: 'refused' });
    const search = (text: string) => api.search({ text: `${text} `, filters: {}, limit: 10 });
    // Indexed once a word only the readout holds is found.
    await expect.poll(async () => (await search('outage')).results.length).toBe(1);
    // Every /etc/passwd has a root line: only the briefing that mentions a root cause may match.
    expect((await search('root')).results.map((hit) => hit.id)).toEqual(['readout.txt']);
  });
});

describe('opening a library', () => {
  it('clears the temp files and locks of saves killed over a minute ago', async () => {
    const library = await tempDir();
    const notes = join(library, '.briefing', 'annotations');
    await mkdir(notes, { recursive: true });
    const old = new Date(Date.now() - 5 * 60_000);
    for (const name of ['.x.md.json.0123456789ab.tmp', '.x.md.json.lock']) {
      await writeFile(join(notes, name), '{');
      await utimes(join(notes, name), old, old);
    }
    await writeFile(join(notes, 'x.md.json'), JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationPage', items: [] }));
    await (await servicesChoosing(library)).chooseLibrary();
    expect(await readdir(notes)).toEqual(['x.md.json']);
  });
});
