import { describe, expect, it, vi } from 'vitest';
import { useHost } from './test-support/host';
import { library } from './library.svelte';
import { preferences } from './preferences.svelte';
import { search } from './search.svelte';
import { twins } from './twins.svelte';
import { api } from '../lib/api';

const start = useHost();

/** The sample library open and indexed, as when a person starts searching. */
async function openLibrary() {
  const host = await start();
  await library.openCurrent();
  await host.services.libraryIdle();
  await host.services.searchIdle();
  await preferences.load();
  return host;
}

const ENGLISH = 'president-of-ukraine/en/2022-02-25-address-at-end-of-first-day-of-russian-attacks.md';
const UKRAINIAN = 'president-of-ukraine/uk/2022-02-25-address-at-end-of-first-day-of-russian-attacks-uk.md';

describe('search state', () => {
  it('folds a result into its better ranked translation when asked, and remembers that', async () => {
    await openLibrary();
    expect(twins.of(ENGLISH).map((twin) => twin.id)).toEqual([UKRAINIAN]);
    search.text = '137';
    await search.run();
    const ids = search.results.map((hit) => hit.id);
    expect(ids).toEqual(expect.arrayContaining([ENGLISH, UKRAINIAN]));

    await search.toggleCollapseTwins();
    const folded = search.results.map((hit) => hit.id);
    expect(folded.filter((id) => id === ENGLISH || id === UKRAINIAN)).toEqual([ids.find((id) => id === ENGLISH || id === UKRAINIAN)]);
    expect(search.folded).toBe(1);
    expect((await api.getPreferences()).collapseTwins).toBe(true);

    await search.toggleCollapseTwins();
    expect(search.results.map((hit) => hit.id)).toEqual(ids);
    expect(search.folded).toBe(0);
  });

  it('searches the words as typed after "Search instead for", until the query is edited', async () => {
    await openLibrary();
    const asked = vi.spyOn(api, 'search');
    search.text = 'humanitarain aid';
    await search.run();
    expect(search.response?.match).toBe('corrected');
    search.searchAsTyped();
    await vi.waitFor(() => expect(asked).toHaveBeenLastCalledWith(expect.objectContaining({ text: 'humanitarain aid', exact: true })));
    await vi.waitFor(() => expect(search.response?.corrections).toEqual([]));
    search.text = 'humanitarain aid ';
    search.edited();
    await vi.waitFor(() => expect(search.response?.match).toBe('corrected'));
    expect(asked.mock.lastCall?.[0]).not.toHaveProperty('exact');
    asked.mockRestore();
  });
});
