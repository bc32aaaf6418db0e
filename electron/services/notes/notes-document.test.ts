import { describe, expect, it } from 'vitest';
import { buildNotesDocument, displayDate, exportTitle, isEmpty, itemsInDocument, type NotesDocument } from './notes-document';
import { input, note, sampleItems } from './notes.fixture';

const titles = (doc: NotesDocument) => doc.briefings.map((briefing) => briefing.title);
const quotes = (doc: NotesDocument) => doc.briefings.map((briefing) => briefing.notes.map((entry) => entry.quote));

describe('buildNotesDocument', () => {
  it('fills the title block: library, scope, export date, counts of notes and briefings', () => {
    const doc = buildNotesDocument(input(sampleItems()));
    expect(doc).toMatchObject({
      title: 'Notes — Everything',
      libraryName: 'Embassy briefings',
      scopeLabel: 'Everything',
      exportedAt: '2024-03-05T09:30:00.000Z',
      noteCount: 6,
      briefingCount: 3,
    });
    expect(isEmpty(doc)).toBe(false);
  });

  it('text order: briefings newest first with undated last, notes as they stand in the text', () => {
    const doc = buildNotesDocument(input(sampleItems(), { order: 'text' }));
    expect(titles(doc)).toEqual(['Price cap review', 'Grain corridor talks', 'Звернення Президента']);
    expect(quotes(doc)).toEqual([
      ['Diesel cap from 5 February', 'Review every two months', 'The cap stays at $60'],
      ['Inspections in Istanbul', 'Ships will sail from Odesa'],
      ['Ми вистоїмо'],
    ]);
  });

  it('date order: notes newest first, still grouped by briefing, briefings by their newest note', () => {
    const doc = buildNotesDocument(input(sampleItems(), { order: 'date' }));
    expect(titles(doc)).toEqual(['Звернення Президента', 'Price cap review', 'Grain corridor talks']);
    expect(quotes(doc)).toEqual([
      ['Ми вистоїмо'],
      ['Diesel cap from 5 February', 'The cap stays at $60', 'Review every two months'],
      ['Ships will sail from Odesa', 'Inspections in Istanbul'],
    ]);
  });

  it('colour order: notes grouped by colour slot within each briefing, then in text order', () => {
    const items = [
      note({ briefingId: 'a.md', exact: 'third c3', start: 10, colour: 'c3' }),
      note({ briefingId: 'a.md', exact: 'late c1', start: 900, colour: 'c1' }),
      note({ briefingId: 'a.md', exact: 'c5 note', start: 1, colour: 'c5' }),
      note({ briefingId: 'a.md', exact: 'early c1', start: 5, colour: 'c1' }),
      note({ briefingId: 'a.md', exact: 'c2 note', start: 700, colour: 'c2' }),
    ];
    const doc = buildNotesDocument(input(items, { order: 'colour' }));
    expect(quotes(doc)).toEqual([['early c1', 'late c1', 'c2 note', 'third c3', 'c5 note']]);
    expect(doc.briefings[0].notes.map((entry) => entry.colourName)).toEqual(['Key point', 'Key point', 'Question', 'Action', 'Follow-up']);
  });

  it('keeps only the chosen colours and drops briefings left without notes', () => {
    const doc = buildNotesDocument(input(sampleItems(), { colours: ['c1'] }));
    expect(titles(doc)).toEqual(['Price cap review', 'Звернення Президента']);
    expect(quotes(doc)).toEqual([['Review every two months', 'The cap stays at $60'], ['Ми вистоїмо']]);
    expect(doc.noteCount).toBe(3);
    expect(doc.briefingCount).toBe(2);
  });

  it('represents an empty scope: no items, or no chosen colour matching', () => {
    const none = buildNotesDocument(input([]));
    expect(isEmpty(none)).toBe(true);
    expect(none).toMatchObject({ noteCount: 0, briefingCount: 0, briefings: [] });
    expect(isEmpty(buildNotesDocument(input(sampleItems(), { colours: [] })))).toBe(true);
    expect(isEmpty(buildNotesDocument(input(sampleItems(), { colours: ['c5'] })))).toBe(true);
  });

  it('carries each note: quote, colour and its name, comment, tags, paragraph, times', () => {
    const items = sampleItems();
    const doc = buildNotesDocument(input(items, {}, { paragraphOf: (item) => (item.briefingId === 'new.md' ? 7 : null) }));
    const entry = doc.briefings[0].notes.find((candidate) => candidate.quote === 'The cap stays at $60');
    expect(entry).toEqual({
      id: items[1].annotation.id,
      quote: 'The cap stays at $60',
      colour: 'c1',
      colourName: 'Key point',
      comment: 'Check the **Urals** discount.',
      tags: ['oil', 'price cap'],
      paragraph: 7,
      page: null,
      created: '2024-03-01T09:00:00.000Z',
      modified: '2024-03-01T09:00:00.000Z',
    });
    expect(doc.briefings[1].notes[0].paragraph).toBeNull();
  });

  it('gives a note on a PDF its page: the one found in the text, else the one it was made on', () => {
    const made = note({ briefingId: 'act.pdf', exact: 'Article 66', start: 10, page: 37 });
    expect(buildNotesDocument(input([made])).briefings[0].notes[0]).toMatchObject({ page: 37, paragraph: null });
    expect(buildNotesDocument(input([made], {}, { pageOf: () => 38 })).briefings[0].notes[0].page).toBe(38);
    expect(buildNotesDocument(input([made], {}, { pageOf: () => null })).briefings[0].notes[0].page).toBe(37);
  });

  it('uses the edited colour meanings', () => {
    const items = [note({ briefingId: 'a.md', exact: 'x', start: 0, colour: 'c2' })];
    const doc = buildNotesDocument(input(items, {}, { colourMeanings: { c1: 'A', c2: 'Ask the minister', c3: 'C', c4: 'D', c5: 'E' } }));
    expect(doc.briefings[0].notes[0].colourName).toBe('Ask the minister');
  });

  it('leaves out what the options turn off', () => {
    const doc = buildNotesDocument(
      input(sampleItems(), { comments: false, tags: false, colourNames: false, metadata: false }, { urls: { 'new.md': 'https://example.org/cap' } }),
    );
    const briefing = doc.briefings.find((candidate) => candidate.briefingId === 'new.md')!;
    expect(briefing).toMatchObject({ source: null, date: null, url: null });
    for (const entry of doc.briefings.flatMap((candidate) => candidate.notes)) {
      expect(entry).toMatchObject({ comment: '', tags: [], colourName: null });
    }
    expect(doc.show).toEqual({ comments: false, tags: false, colourNames: false, metadata: false });
    // Ordering still uses the dates even when they are not shown.
    expect(titles(doc)).toEqual(['Price cap review', 'Grain corridor talks', 'Звернення Президента']);
  });

  it('offers only http(s) links', () => {
    const doc = buildNotesDocument(
      input(sampleItems(), {}, { urls: { 'new.md': 'https://example.org/cap?a=1', 'old.md': 'javascript:alert(1)', 'undated.md': null } }),
    );
    expect(Object.fromEntries(doc.briefings.map((briefing) => [briefing.briefingId, briefing.url]))).toEqual({
      'new.md': 'https://example.org/cap?a=1',
      'old.md': null,
      'undated.md': null,
    });
  });

  it('marks a briefing that is no longer in the library and keeps its notes', () => {
    const items = [
      note({ briefingId: 'gone.md', title: 'gone.md', source: null, date: null, missing: true, exact: 'Quote from a deleted briefing', start: 3 }),
      ...sampleItems(),
    ];
    const doc = buildNotesDocument(input(items));
    const gone = doc.briefings.find((briefing) => briefing.briefingId === 'gone.md')!;
    expect(gone).toMatchObject({ missing: true, title: 'gone.md', notes: [{ quote: 'Quote from a deleted briefing' }] });
    expect(doc.briefings.filter((briefing) => briefing.missing)).toHaveLength(1);
  });

  it('groups notes by briefing id even when items arrive interleaved', () => {
    const doc = buildNotesDocument(input(sampleItems()));
    expect(new Set(doc.briefings.map((briefing) => briefing.briefingId)).size).toBe(doc.briefings.length);
  });

  it('gives the items of the document in its order, for the JSON export of the same scope', () => {
    const items = sampleItems();
    const doc = buildNotesDocument(input(items, { colours: ['c1', 'c2'] }));
    expect(itemsInDocument(doc, items).map((item) => item.annotation.target.selector[0].exact)).toEqual([
      'Review every two months',
      'The cap stays at $60',
      'Ships will sail from Odesa',
      'Ми вистоїмо',
    ]);
  });

  it('builds 2,000 notes across 200 briefings, each counted once (time: npm run bench -- export)', () => {
    const items = Array.from({ length: 2000 }, (_, index) =>
      note({
        briefingId: `b${index % 200}.md`,
        date: `2023-01-${String((index % 28) + 1).padStart(2, '0')}`,
        exact: `quote ${index}`,
        start: index,
        colour: (['c1', 'c2', 'c3', 'c4', 'c5'] as const)[index % 5],
      }),
    );
    const doc = buildNotesDocument(input(items, { order: 'date' }));
    expect(doc.noteCount).toBe(2000);
    expect(doc.briefingCount).toBe(200);
  });
});

describe('helpers', () => {
  it('reads dates as written, to the day', () => {
    expect(displayDate('2022-03-08T10:00:00')).toBe('2022-03-08');
    expect(displayDate('2022')).toBe('2022');
    expect(displayDate('2022-03')).toBe('March 2022');
    expect(displayDate(null)).toBeNull();
  });

  it('titles the export by its scope', () => {
    expect(exportTitle('Lib', 'This briefing: Price cap')).toBe('Notes — This briefing: Price cap');
    expect(exportTitle('Lib', '  ')).toBe('Notes — Lib');
    expect(exportTitle('', '')).toBe('Notes');
  });
});
