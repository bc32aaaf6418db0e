/**
 * Import and live-library figures (issue 6). `extract_100_ms`: see import-extract.ts.
 * `listed_1000_ms`: from 1,000 new briefings written into an open 10,000-briefing library until
 * the watcher's rescan lists all of them (no reload, no focus event). `searchable_1000_ms`: from
 * the same moment until a word of the last one is found by search. `main_loop_max_lag_ms`: the
 * longest the services' event loop (the Electron main process, which answers the window) was
 * blocked meanwhile. One run: the setup alone takes a minute.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BriefingEvent } from '../electron/common/events';
import { createBriefingServices } from '../electron/services/app/briefing-services';
import { parseWorkerBundle, searchWorkerBundle } from '../electron/services/test-support/worker-bundle';
import { ScriptedPorts } from '../web-host/web-host';
import { readPassages, round, writeLibrary } from './corpus';
import { benchExtract } from './import-extract';

const LIBRARY = 10_000;
const DROPPED = 1_000;

export async function benchImport(): Promise<Record<string, number>> {
  const extract = await benchExtract();
  const sandbox = await mkdtemp(join(tmpdir(), 'briefing-bench-import-'));
  const library = join(sandbox, 'library');
  const passages = await readPassages(LIBRARY + DROPPED);
  await writeLibrary(library, passages.slice(0, LIBRARY));
  const listed: string[][] = [];
  const ports = new ScriptedPorts(async () => new Uint8Array());
  const services = createBriefingServices(
    {
      userData: join(sandbox, 'user-data'),
      sampleLibrary: library,
      defaultLibrary: library,
      searchWorker: await searchWorkerBundle(),
      parseWorker: await parseWorkerBundle(),
      printFonts: '',
    },
    ports,
    () => undefined,
    (event: BriefingEvent) => {
      if (event.type === 'library-changed') listed.push(event.snapshot.briefings.map((briefing) => briefing.id));
    },
  );
  try {
    ports.nextFolder = library;
    await services.chooseLibrary();
    await services.searchIdle();
    await services.libraryIdle();

    let maxLag = 0;
    let tick = performance.now();
    const lagTimer = setInterval(() => {
      const now = performance.now();
      maxLag = Math.max(maxLag, now - tick - 20);
      tick = now;
    }, 20);

    const dropped = passages
      .slice(LIBRARY)
      .map((passage, index) => ({ ...passage, title: `Dropped ${index}: ${passage.title}`, text: `${passage.text}\n\nMarker word droppedmarker${index}.` }));
    const start = performance.now();
    const folder = join(library, 'dropped');
    await mkdir(folder);
    await writeLibrary(folder, dropped);
    while (!listed.some((ids) => ids.length === LIBRARY + DROPPED)) await new Promise((resolve) => setTimeout(resolve, 10));
    const listedMs = performance.now() - start;
    const last = `droppedmarker${DROPPED - 1}`;
    while ((await services.search({ text: last, filters: {}, limit: 1 })).results.length === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    const searchableMs = performance.now() - start;
    clearInterval(lagTimer);
    return { ...extract, listed_1000_ms: round(listedMs), searchable_1000_ms: round(searchableMs), main_loop_max_lag_ms: round(maxLag) };
  } finally {
    await services.dispose();
    await rm(sandbox, { recursive: true, force: true });
  }
}
