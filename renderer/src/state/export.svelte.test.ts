import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildAnnotation, commentOf } from '../../../electron/common/annotation-model';
import { describeRange } from '../../../electron/common/anchoring';
import type { AnnotationCollection } from '../../../electron/services/notes/notes-json';
import { api } from '../lib/api';
import { selectOnly } from '../lib/list-selection';
import { useHost } from './test-support/host';
import { exporter } from './export.svelte';
import { library } from './library.svelte';
import { navigation } from './navigation.svelte';
import { notes } from './notes.svelte';
import { reader } from './reader.svelte';

/** Where the save dialog puts the export: beside the test's library. */
let exportPath = '';
const start = useHost({ chooseExportPath: async () => exportPath });

/** The sample library open, and one note on each of its first three briefings, commented with its title. */
async function libraryWithNotes(): Promise<string[]> {
  const host = await start();
  exportPath = join(dirname(host.libraryRoot), 'notes.json');
  await library.openCurrent();
  const briefings = library.sorted.slice(0, 3);
  for (const briefing of briefings) {
    const article = await api.readBriefing(briefing.id);
    const body = window.document.createElement('article');
    body.innerHTML = article.html;
    const text = body.textContent!;
    const at = text.search(/\S/);
    const described = describeRange(text, at, text.indexOf(' ', at))!;
    const note = buildAnnotation(
      { briefingId: briefing.id, fingerprint: briefing.fingerprint, ...described, colour: 'c1', comment: `note on ${briefing.title}` },
      `urn:uuid:${crypto.randomUUID()}`,
      new Date().toISOString(),
    );
    await api.saveAnnotation(briefing.id, note);
  }
  return briefings.map((briefing) => `note on ${briefing.title}`);
}

/** Opens the export dialog where the person is, exports as JSON, and reads the comments in the file. */
async function exportFromHere(): Promise<string[]> {
  exporter.show();
  exporter.choices.format = 'json';
  await exporter.run();
  expect(exporter.error).toBeNull();
  expect(exporter.outcome).toMatchObject({ status: 'written', path: exportPath });
  const collection = JSON.parse(await readFile(exportPath, 'utf8')) as AnnotationCollection;
  return collection.first.items.map(commentOf).sort();
}

beforeEach(() => {
  reader.close();
  notes.clearFilters();
  navigation.go('library');
  library.selection = selectOnly(null);
});

describe('export scopes', () => {
  it('exports the notes of the briefing open in the reader', async () => {
    const [first] = await libraryWithNotes();
    await reader.open(library.sorted[0].id);
    expect(await exportFromHere()).toEqual([first]);
    expect(exporter.kind).toBe('briefing');
  });

  it('exports the notes of the rows selected in the library', async () => {
    const [first, , third] = await libraryWithNotes();
    const [a, , c] = library.sorted;
    library.selection = { current: c.id, anchor: a.id, ids: new Set([a.id, c.id]) };
    expect(await exportFromHere()).toEqual([first, third].sort());
    expect(exporter.kind).toBe('selected');
  });

  it('exports the notes the notes view’s filter shows', async () => {
    const [, second] = await libraryWithNotes();
    navigation.go('notes');
    await notes.load();
    notes.text = second;
    expect(notes.visible).toHaveLength(1);
    expect(await exportFromHere()).toEqual([second]);
    expect(exporter.kind).toBe('filter');
  });

  it('exports every note in the library from the library list', async () => {
    const written = await libraryWithNotes();
    expect(await exportFromHere()).toEqual([...written].sort());
    expect(exporter.kind).toBe('everything');
  });
});
