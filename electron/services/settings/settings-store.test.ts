import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../test-support/temp-dir';
import { DEFAULT_PREFERENCES } from '../../common/model';
import { SettingsStore } from './settings-store';

const tempDir = useTempDirs();

describe('SettingsStore reading states', () => {
  it('counts a briefing read once it is read to the end, and keeps that when scrolled back', async () => {
    const store = new SettingsStore(await tempDir());
    await store.setReadingPosition('/lib', 'a.md', 0.5);
    await store.setReadingPosition('/lib', 'b.md', 0.97);
    await store.setReadingPosition('/lib', 'b.md', 0.1);
    await store.setReadingPosition('/other', 'c.md', 1);
    const states = await store.getReadingStates('/lib');
    expect(Object.keys(states).sort()).toEqual(['a.md', 'b.md']);
    expect(states['a.md']).toMatchObject({ fraction: 0.5 });
    expect(states['a.md'].read).toBeUndefined();
    expect(states['b.md']).toMatchObject({ fraction: 0.1, read: true });
  });

  it('marks read and unread without losing the place, and remembers it after a restart', async () => {
    const userData = await tempDir();
    const store = new SettingsStore(userData);
    await store.setReadingPosition('/lib', 'a.md', 0.4);
    await store.setRead('/lib', ['a.md', 'never-opened.md'], true);
    expect(await store.getReadingStates('/lib')).toMatchObject({ 'a.md': { fraction: 0.4, read: true }, 'never-opened.md': { fraction: 0, read: true } });
    await store.setReadingPosition('/lib', 'done.md', 1);
    await store.setRead('/lib', ['a.md', 'done.md'], false);
    const again = await new SettingsStore(userData).getReadingStates('/lib');
    expect(again['a.md'].fraction).toBe(0.4);
    expect(again['a.md'].read).toBeUndefined();
    // Read to the end, then marked unread: it starts again from the top.
    expect(again['done.md']).toMatchObject({ fraction: 0 });
    expect(again['done.md'].read).toBeUndefined();
    expect(again['never-opened.md'].read).toBe(true);
  });

  it('gives a renamed briefing its place and read mark back, but never guesses between twins', async () => {
    const userData = await tempDir();
    const store = new SettingsStore(userData);
    await store.setReadingPosition('/lib', 'cables/a.md', 0.6, 'fp-a');
    await store.setRead('/lib', ['b.md'], true, (id) => (id === 'b.md' ? 'fp-b' : undefined));
    await store.setReadingPosition('/lib', 'c.md', 0.3, 'fp-c');
    await store.setReadingPosition('/other', 'a.md', 0.9, 'fp-a');

    const moved = await store.followRenames('/lib', [
      { id: 'archive/a renamed.md', fingerprint: 'fp-a' },
      { id: 'b.md', fingerprint: 'fp-b' },
      // c.md went, and two files with its text came: which one was it? Left alone.
      { id: 'c copy 1.md', fingerprint: 'fp-c' },
      { id: 'c copy 2.md', fingerprint: 'fp-c' },
    ]);
    expect(moved).toBe(1);
    const states = await new SettingsStore(userData).getReadingStates('/lib');
    expect(Object.keys(states).sort()).toEqual(['archive/a renamed.md', 'b.md', 'c.md']);
    expect(states['archive/a renamed.md']).toMatchObject({ fraction: 0.6, fingerprint: 'fp-a' });
    expect(states['b.md']).toMatchObject({ read: true, fingerprint: 'fp-b' });
    expect(await store.getReadingStates('/other')).toMatchObject({ 'a.md': { fraction: 0.9 } });
    expect(await store.followRenames('/lib', [{ id: 'archive/a renamed.md', fingerprint: 'fp-a' }])).toBe(0);
  });

  it('lists recent libraries newest first', async () => {
    const userData = await tempDir();
    const store = new SettingsStore(userData);
    const one = join(userData, 'one');
    await mkdir(one);
    await store.rememberLibrary(one);
    await store.rememberLibrary('/gone');
    await store.rememberLibrary(one);
    expect(await store.getRecentLibraries()).toEqual([one, '/gone']);
    await rm(one, { recursive: true });
  });
});

describe('SettingsStore preferences read from disk', () => {
  it('puts each damaged setting back to its default, keeps the rest, and says which, once', async () => {
    const userData = await tempDir();
    const stored = {
      preferences: {
        theme: 'purple',
        fontSize: 24,
        lineHeight: '1.8',
        colourMeanings: { c1: 'Evidence', c2: 42, c9: 'From a newer version' },
        export: { format: 'markdown', paper: 'Tabloid', options: { ...DEFAULT_PREFERENCES.export.options, tags: false, order: 'zigzag' } },
        sortKey: 'title',
        constructor: 'not a setting',
      },
      lastLibrary: '/lib',
      recentLibraries: ['/lib', 7],
    };
    await writeFile(join(userData, 'settings.json'), JSON.stringify(stored));
    const store = new SettingsStore(userData);
    const preferences = await store.getPreferences();
    expect(preferences).toEqual({
      ...DEFAULT_PREFERENCES,
      fontSize: 24,
      sortKey: 'title',
      colourMeanings: { ...DEFAULT_PREFERENCES.colourMeanings, c1: 'Evidence' },
      export: { format: 'markdown', paper: null, options: { ...DEFAULT_PREFERENCES.export.options, tags: false } },
    });
    const notice = await store.takeNotice();
    expect(notice).toContain(join(userData, 'settings.json'));
    expect(notice).toMatch(/defaults: theme, the meaning of colour 2, line spacing, the export choices\. Your other settings are kept\./);
    expect(await store.takeNotice()).toBeNull();
    expect(await store.getRecentLibraries()).toEqual(['/lib']);

    // The next save writes the repaired settings; read again, nothing is left to tell.
    await store.setPreferences({ fontSize: 25 });
    expect(JSON.parse(await readFile(join(userData, 'settings.json'), 'utf8')).preferences.theme).toBe('system');
    const again = new SettingsStore(userData);
    expect(await again.getPreferences()).toMatchObject({ theme: 'system', fontSize: 25, sortKey: 'title' });
    expect(await again.takeNotice()).toBeNull();
  });

  it('uses the defaults, silently, when there is no settings file or it holds no preferences', async () => {
    const store = new SettingsStore(await tempDir());
    expect(await store.getPreferences()).toEqual(DEFAULT_PREFERENCES);
    expect(await store.takeNotice()).toBeNull();
  });
});
