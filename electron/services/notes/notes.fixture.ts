import { buildAnnotation, DEFAULT_COLOUR_MEANINGS, type ColourSlot } from '../../common/annotation-model';
import type { Language } from '../../common/model';
import type { NoteItem } from '../../common/notes-model';
import type { NotesExportOptions } from '../../common/export-model';
import type { NotesDocumentInput } from './notes-document';

export interface NoteSpec {
  briefingId: string;
  title?: string;
  source?: string | null;
  date?: string | null;
  language?: Language;
  missing?: boolean;
  exact: string;
  start: number;
  colour?: ColourSlot;
  comment?: string;
  tags?: string[];
  /** ISO time the note was made. */
  created?: string;
  /** A note on a PDF: the page it was made on (a FragmentSelector). */
  page?: number;
  prefix?: string;
  suffix?: string;
}

let counter = 0;

/** A NoteItem as the notes view gets it: a real W3C annotation built by `buildAnnotation`. */
export function note(spec: NoteSpec): NoteItem {
  counter += 1;
  const annotation = buildAnnotation(
    {
      briefingId: spec.briefingId,
      fingerprint: `fp-${spec.briefingId}`,
      quote: { type: 'TextQuoteSelector', exact: spec.exact, prefix: spec.prefix ?? 'before ', suffix: spec.suffix ?? ' after' },
      position: { type: 'TextPositionSelector', start: spec.start, end: spec.start + spec.exact.length },
      colour: spec.colour ?? 'c1',
      comment: spec.comment,
      tags: spec.tags,
      page: spec.page,
    },
    `urn:uuid:00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    spec.created ?? '2024-03-01T10:00:00.000Z',
  );
  return {
    briefingId: spec.briefingId,
    title: spec.title ?? spec.briefingId,
    source: spec.source === undefined ? 'Reuters' : spec.source,
    date: spec.date === undefined ? '2024-01-01' : spec.date,
    language: spec.language ?? 'en',
    missing: spec.missing ?? false,
    annotation,
  };
}

export const ALL_OPTIONS: NotesExportOptions = {
  comments: true,
  tags: true,
  colourNames: true,
  metadata: true,
  colours: ['c1', 'c2', 'c3', 'c4', 'c5'],
  order: 'text',
};

export function input(items: NoteItem[], options: Partial<NotesExportOptions> = {}, extra: Partial<NotesDocumentInput> = {}): NotesDocumentInput {
  return {
    libraryName: 'Embassy briefings',
    scopeLabel: 'Everything',
    exportedAt: '2024-03-05T09:30:00.000Z',
    items,
    colourMeanings: DEFAULT_COLOUR_MEANINGS,
    options: { ...ALL_OPTIONS, ...options },
    ...extra,
  };
}

/** Three briefings (one undated, one in Ukrainian) with notes in several colours, made at different times. */
export function sampleItems(): NoteItem[] {
  return [
    note({
      briefingId: 'old.md',
      title: 'Grain corridor talks',
      date: '2022-07-22',
      exact: 'Ships will sail from Odesa',
      start: 400,
      colour: 'c2',
      created: '2024-03-01T12:00:00.000Z',
    }),
    note({
      briefingId: 'new.md',
      title: 'Price cap review',
      date: '2023-02-05',
      exact: 'The cap stays at $60',
      start: 900,
      colour: 'c1',
      created: '2024-03-01T09:00:00.000Z',
      comment: 'Check the **Urals** discount.',
      tags: ['oil', 'price cap'],
    }),
    note({
      briefingId: 'new.md',
      title: 'Price cap review',
      date: '2023-02-05',
      exact: 'Diesel cap from 5 February',
      start: 120,
      colour: 'c3',
      created: '2024-03-02T09:00:00.000Z',
    }),
    note({
      briefingId: 'undated.md',
      title: 'Звернення Президента',
      date: null,
      language: 'uk',
      exact: 'Ми вистоїмо',
      start: 50,
      colour: 'c1',
      created: '2024-03-03T08:00:00.000Z',
      comment: 'Ключова фраза — «вистоїмо».',
      tags: ['промова'],
    }),
    note({
      briefingId: 'new.md',
      title: 'Price cap review',
      date: '2023-02-05',
      exact: 'Review every two months',
      start: 500,
      colour: 'c1',
      created: '2024-02-28T09:00:00.000Z',
    }),
    note({
      briefingId: 'old.md',
      title: 'Grain corridor talks',
      date: '2022-07-22',
      exact: 'Inspections in Istanbul',
      start: 100,
      colour: 'c4',
      created: '2024-02-20T12:00:00.000Z',
    }),
  ];
}
