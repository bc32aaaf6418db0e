import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { BriefingEvent } from '../../../electron/common/events';
import type { LibrarySnapshot } from '../../../electron/common/model';
import { useHost } from './test-support/host';
import { annotations } from './annotations.svelte';
import { library } from './library.svelte';
import './live-library.svelte';
import { reader } from './reader.svelte';

const start = useHost();

/** The sample library open in the window, as at launch, and watched. */
async function openLibrary() {
  const host = await start();
  await library.openCurrent();
  await host.services.libraryIdle();
  return host;
}

const listing =
  (wanted: (snapshot: LibrarySnapshot) => boolean) =>
  (event: BriefingEvent): event is Extract<BriefingEvent, { type: 'library-changed' }> =>
    event.type === 'library-changed' && wanted(event.snapshot);

describe('the reader', () => {
  it('ends on the briefing opened last when an earlier one answers later', async () => {
    const host = await openLibrary();
    const [first, second] = library.sorted;
    const release = host.hold('readBriefing', ([id]) => id === first.id);
    const openingFirst = reader.open(first.id);
    await reader.open(second.id);
    release();
    await openingFirst;
    expect(reader.article?.summary.id).toBe(second.id);
    expect(reader.article?.summary.title).toBe(second.title);
    expect(annotations.briefingId).toBe(second.id);
    expect(library.selectedId).toBe(second.id);
    expect(reader.loading).toBe(false);
  });

  it('says the briefing was removed when its file goes while it loads, not its late text', async () => {
    const host = await openLibrary();
    const [briefing] = library.sorted;
    const release = host.hold('readBriefing', ([id]) => id === briefing.id);
    const opening = reader.open(briefing.id);
    const gone = host.nextEvent(listing((snapshot) => !snapshot.briefings.some((item) => item.id === briefing.id)));
    await rm(join(host.libraryRoot, briefing.id));
    await gone;
    release();
    await opening;
    expect(reader.article).toBeNull();
    expect(reader.error).toMatch(/removed from the library folder/);
    expect(reader.loading).toBe(false);
    expect(library.find(briefing.id)).toBeUndefined();
  });

  it('keeps a briefing open when its file is renamed, under its new name', async () => {
    const host = await openLibrary();
    const [briefing] = library.sorted;
    await reader.open(briefing.id);
    const renamedId = briefing.id.replace(/\.md$/, '-renamed.md');
    const renamed = host.nextEvent(listing((snapshot) => snapshot.briefings.some((item) => item.id === renamedId)));
    await rename(join(host.libraryRoot, briefing.id), join(host.libraryRoot, renamedId));
    await renamed;
    await vi.waitFor(() => expect(reader.article?.summary.id).toBe(renamedId));
    expect(reader.article?.summary.title).toBe(briefing.title);
    expect(reader.error).toBeNull();
    expect(library.selectedId).toBe(renamedId);
  });
});
