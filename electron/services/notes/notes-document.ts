import { COLOUR_SLOTS, commentOf, pageOf, positionOf, quoteOf, tagsOf } from '../../common/annotation-model';
import type { ColourMeanings, ColourSlot } from '../../common/annotation-model';
import type { Language } from '../../common/model';
import type { NoteItem } from '../../common/notes-model';
import type { NotesExportOptions } from '../../common/export-model';

export interface NotesDocumentInput {
  libraryName: string;
  scopeLabel: string;
  /** ISO 8601 time of the export. */
  exportedAt: string;
  items: NoteItem[];
  colourMeanings: ColourMeanings;
  options: NotesExportOptions;
  /** The briefing's http(s) link by briefing id; anything else is not offered as a link. */
  urls?: Record<string, string | null>;
  /** The paragraph (1-based) of the briefing a note stands in, when it can be told. */
  paragraphOf?: (item: NoteItem) => number | null;
  /** A PDF's page (1-based) a note stands on, found in the PDF's text; else the page the note was made on. */
  pageOf?: (item: NoteItem) => number | null;
}

export interface NotesEntry {
  /** The annotation's id (`urn:uuid:…`). */
  id: string;
  quote: string;
  colour: ColourSlot;
  /** The colour's meaning, or null when colour names are left out. */
  colourName: string | null;
  /** Markdown source; '' when there is none or comments are left out. */
  comment: string;
  tags: string[];
  paragraph: number | null;
  /** Notes on a PDF: the page, cited instead of a paragraph. */
  page: number | null;
  created: string;
  modified: string;
}

export interface NotesBriefing {
  briefingId: string;
  title: string;
  /** Null when unknown or when metadata is left out. */
  source: string | null;
  date: string | null;
  url: string | null;
  language: Language;
  /** True when the briefing is no longer in the library; its notes are still exported. */
  missing: boolean;
  notes: NotesEntry[];
}

/** The one model the PDF, Markdown and JSON exports are rendered from. */
export interface NotesDocument {
  /** The export title: `<title>`, the PDF's title metadata and the footer. */
  title: string;
  libraryName: string;
  scopeLabel: string;
  exportedAt: string;
  noteCount: number;
  briefingCount: number;
  /** What the renderers show besides the quotes. */
  show: { comments: boolean; tags: boolean; colourNames: boolean; metadata: boolean };
  briefings: NotesBriefing[];
}

/** The export title for a scope: "Notes — <scope>" (or the library name when the scope has no label). */
export function exportTitle(libraryName: string, scopeLabel: string): string {
  const scope = oneLine(scopeLabel) || oneLine(libraryName);
  return scope ? `Notes — ${scope}` : 'Notes';
}

interface Note {
  entry: NotesEntry;
  /** Where the quote starts in the briefing's text: the text order. */
  start: number;
}

interface Group {
  /** The item standing for the briefing (title, source, date). */
  item: NoteItem;
  notes: Note[];
}

export function buildNotesDocument(input: NotesDocumentInput): NotesDocument {
  const { options } = input;
  const wanted = new Set(options.colours);
  const groups = new Map<string, Group>();
  for (const item of input.items) {
    const annotation = item.annotation;
    const colour = annotation['briefing:colour'];
    if (!wanted.has(colour)) continue;
    const position = positionOf(annotation);
    const entry: NotesEntry = {
      id: annotation.id,
      quote: quoteOf(annotation).exact,
      colour,
      colourName: options.colourNames ? (input.colourMeanings[colour] ?? colour) : null,
      comment: options.comments ? commentOf(annotation) : '',
      tags: options.tags ? tagsOf(annotation) : [],
      paragraph: input.paragraphOf?.(item) ?? null,
      page: input.pageOf?.(item) ?? pageOf(annotation),
      created: annotation.created,
      modified: annotation.modified,
    };
    let group = groups.get(item.briefingId);
    if (!group) groups.set(item.briefingId, (group = { item, notes: [] }));
    // A live copy of the briefing knows more than a missing one: prefer it for the heading.
    if (group.item.missing && !item.missing) group.item = item;
    group.notes.push({ entry, start: Number.isFinite(position?.start) ? position.start : Number.MAX_SAFE_INTEGER });
  }

  const byText = (a: Note, b: Note) => a.start - b.start || compare(a.entry.created, b.entry.created) || compare(a.entry.id, b.entry.id);
  const byCreatedNewest = (a: Note, b: Note) => compare(b.entry.created, a.entry.created) || compare(a.entry.id, b.entry.id);
  const slotIndex = (slot: ColourSlot) => {
    const index = COLOUR_SLOTS.indexOf(slot);
    return index < 0 ? COLOUR_SLOTS.length : index;
  };
  const byColour = (a: Note, b: Note) => slotIndex(a.entry.colour) - slotIndex(b.entry.colour) || byText(a, b);
  const noteOrder = options.order === 'date' ? byCreatedNewest : options.order === 'colour' ? byColour : byText;

  const newestNote = (group: Group) => group.notes.reduce((newest, note) => (note.entry.created > newest ? note.entry.created : newest), '');
  const byBriefingDate = (a: Group, b: Group) => {
    const dateA = a.item.date ?? null;
    const dateB = b.item.date ?? null;
    if (dateA !== dateB) {
      if (dateA === null) return 1;
      if (dateB === null) return -1;
      const order = compare(dateB, dateA);
      if (order) return order;
    }
    return a.item.title.localeCompare(b.item.title) || compare(a.item.briefingId, b.item.briefingId);
  };
  const byNewestNote = (a: Group, b: Group) => compare(newestNote(b), newestNote(a)) || byBriefingDate(a, b);

  const ordered = [...groups.values()].sort(options.order === 'date' ? byNewestNote : byBriefingDate);
  const briefings: NotesBriefing[] = ordered.map((group) => {
    const { item } = group;
    const url = input.urls?.[item.briefingId] ?? null;
    return {
      briefingId: item.briefingId,
      title: oneLine(item.title) || item.briefingId,
      source: options.metadata ? item.source : null,
      date: options.metadata ? item.date : null,
      url: options.metadata && url && /^https?:\/\/\S+$/i.test(url) ? url : null,
      language: item.language,
      missing: item.missing,
      notes: [...group.notes].sort(noteOrder).map((note) => note.entry),
    };
  });

  return {
    title: exportTitle(input.libraryName, input.scopeLabel),
    libraryName: input.libraryName,
    scopeLabel: input.scopeLabel,
    exportedAt: input.exportedAt,
    noteCount: briefings.reduce((sum, briefing) => sum + briefing.notes.length, 0),
    briefingCount: briefings.length,
    show: { comments: options.comments, tags: options.tags, colourNames: options.colourNames, metadata: options.metadata },
    briefings,
  };
}

/** True when the scope holds no notes: the caller says "No notes in this scope" and writes no file. */
export function isEmpty(doc: NotesDocument): boolean {
  return doc.noteCount === 0;
}

/** The items whose notes the document holds, in the document's order (for the JSON export of the same scope). */
export function itemsInDocument(doc: NotesDocument, items: NoteItem[]): NoteItem[] {
  const byId = new Map(items.map((item) => [item.annotation.id, item]));
  return doc.briefings.flatMap((briefing) => briefing.notes.map((note) => byId.get(note.id))).filter((item): item is NoteItem => item !== undefined);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * A date as people read it in a citation, at the precision the briefing gives: the day part of an
 * ISO time (`2022-03-08`), a month in words (`September 2022`, as `2022-09` reads like a day cut
 * short), a year as written.
 */
export function displayDate(value: string | null): string | null {
  if (!value) return null;
  const match = /^(\d{4})(?:-(\d{2})(-\d{2})?)?/.exec(value.trim());
  if (!match) return value.trim() || null;
  const [whole, year, month, day] = match;
  const monthName = month && !day ? MONTHS[Number(month) - 1] : undefined;
  return monthName ? `${monthName} ${year}` : whole;
}

/**
 * Where in its briefing a note is cited: the page of a PDF (`p. 4`), else the paragraph (`¶ 4`);
 * null when neither is known. Each format puts its own space between the two.
 */
export function placeOf(note: NotesEntry): { sign: 'p.' | '¶'; number: number } | null {
  if (note.page !== null) return { sign: 'p.', number: note.page };
  return note.paragraph !== null ? { sign: '¶', number: note.paragraph } : null;
}

/** "1 note from 1 briefing", "12 notes from 3 briefings". */
export function countLabel(doc: NotesDocument): string {
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  return `${plural(doc.noteCount, 'note')} from ${plural(doc.briefingCount, 'briefing')}`;
}

export const MISSING_LABEL = 'Briefing no longer in the library';

function oneLine(text: string): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
