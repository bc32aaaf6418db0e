import { join } from 'node:path';
import { positionOf, type Annotation, type ColourMeanings } from '../../common/annotation-model';
import { ApiError } from '../../common/errors';
import { EXPORT_EXTENSIONS, type ExportOutcome, type ExportProgress, type ExportRequest, type ExportScope } from '../../common/export-model';
import type { Article } from '../../common/model';
import type { NoteItem } from '../../common/notes-model';
import { abortable } from '../app/abortable';
import type { HostPorts } from '../app/host-ports';
import { writeFileAtomic } from '../fs/atomic-write';
import { mapLimit } from '../../common/async/map-limit';
import { safeFileName } from '../fs/safe-file-name';
import { buildNotesDocument, isEmpty, itemsInDocument, type NotesDocument } from './notes-document';
import { renderNotesHtml } from './notes-html';
import { renderNotesJson } from './notes-json';
import { renderNotesMarkdown } from './notes-markdown';
import { paragraphAt, paragraphStarts } from './paragraphs';
import { pagesOfNotes } from './pdf-pages';

/** What an export needs from the app around it; the services pass the real ones, tests their own. */
export interface NotesExportContext {
  libraryName: string;
  colourMeanings: ColourMeanings;
  /** Every note in the library, with its briefing's listing. */
  notes(): Promise<NoteItem[]>;
  /** The briefing as the reader shows it (for paragraph numbers and its link), or null when it is gone. */
  readArticle(briefingId: string): Promise<Article | null>;
  /** The folder the save dialog starts in. */
  exportFolder: string;
  ports: Pick<HostPorts, 'chooseExportPath' | 'printToPdf'>;
  /** The bundled fonts as @font-face rules (only read for PDF). */
  printFontCss(): Promise<string>;
  progress(progress: ExportProgress): void;
  /** Aborted when the person stops the export: it ends as `stopped` and writes nothing. */
  signal?: AbortSignal;
  now?: () => Date;
}

/** How many briefings are read at once to number paragraphs. */
const READ_CONCURRENCY = 8;

/** The notes a scope names, before the colour filter. */
export function notesInScope(items: NoteItem[], scope: ExportScope): NoteItem[] {
  if (scope.annotationIds) {
    const wanted = new Set(scope.annotationIds);
    return items.filter((item) => wanted.has(item.annotation.id));
  }
  if (scope.briefingIds) {
    const wanted = new Set(scope.briefingIds);
    return items.filter((item) => wanted.has(item.briefingId));
  }
  return items;
}

/**
 * Exports a scope's notes: collect, stop if empty (no dialog, no file), ask where to save,
 * compose the one document model, render the chosen format, write it atomically.
 */
export async function exportNotes(request: ExportRequest, context: NotesExportContext): Promise<ExportOutcome> {
  context.progress({ stage: 'collecting', done: 0, total: 0 });
  const items = notesInScope(await context.notes(), request.scope);
  const exportedAt = (context.now?.() ?? new Date()).toISOString();
  const base = {
    libraryName: context.libraryName,
    scopeLabel: request.scope.label,
    exportedAt,
    items,
    colourMeanings: context.colourMeanings,
    options: request.options,
  };
  const outline = buildNotesDocument(base);
  if (isEmpty(outline)) {
    return {
      status: 'empty',
      message:
        items.length === 0
          ? 'There are no notes in this scope, so nothing was exported.'
          : 'None of the notes in this scope have the chosen colours, so nothing was exported.',
    };
  }

  const fileName = safeFileName(outline.title, EXPORT_EXTENSIONS[request.format]);
  const path = await context.ports.chooseExportPath(join(context.exportFolder, fileName), request.format);
  if (!path) return { status: 'cancelled' };

  try {
    const doc = request.format === 'json' ? outline : await compose(base, outline, context);
    const data = await render(doc, items, request, context);
    // The last moment to stop: once writing starts, the file is written whole.
    context.signal?.throwIfAborted();
    context.progress({ stage: 'writing', done: 0, total: 1 });
    await writeExport(path, data);
    return { status: 'written', path, format: request.format, noteCount: doc.noteCount, briefingCount: doc.briefingCount };
  } catch (error) {
    if (context.signal?.aborted) return { status: 'stopped' };
    throw error;
  }
}

/** The document again, now with paragraph (or PDF page) numbers and links read from each briefing's text. */
async function compose(base: Parameters<typeof buildNotesDocument>[0], outline: NotesDocument, context: NotesExportContext): Promise<NotesDocument> {
  const ids = outline.briefings.filter((briefing) => !briefing.missing).map((briefing) => briefing.briefingId);
  const starts = new Map<string, number[]>();
  /** Notes on PDFs: annotation id → the page it is found on now. */
  const pages = new Map<string, number | null>();
  const urls: Record<string, string | null> = {};
  const notesOf = new Map<string, Annotation[]>();
  for (const item of base.items) {
    const annotations = notesOf.get(item.briefingId);
    if (annotations) annotations.push(item.annotation);
    else notesOf.set(item.briefingId, [item.annotation]);
  }
  let done = 0;
  context.progress({ stage: 'composing', done, total: ids.length });
  await mapLimit(ids, READ_CONCURRENCY, async (id) => {
    context.signal?.throwIfAborted();
    // A briefing that cannot be read now still exports its notes, only without paragraph numbers.
    const article = await context.readArticle(id).catch(() => null);
    if (article?.pdf) {
      const annotations = notesOf.get(id) ?? [];
      pagesOfNotes(article.pdf, annotations).forEach((page, index) => pages.set(annotations[index].id, page));
    } else if (article) starts.set(id, paragraphStarts(article.html));
    if (article) urls[id] = article.url;
    context.progress({ stage: 'composing', done: ++done, total: ids.length });
  });
  return buildNotesDocument({
    ...base,
    urls,
    paragraphOf: (item) => {
      const paragraphs = starts.get(item.briefingId);
      return paragraphs ? paragraphAt(paragraphs, positionOf(item.annotation)?.start ?? Number.NaN) : null;
    },
    pageOf: (item) => pages.get(item.annotation.id) ?? null,
  });
}

async function render(doc: NotesDocument, items: NoteItem[], request: ExportRequest, context: NotesExportContext): Promise<string | Uint8Array> {
  switch (request.format) {
    case 'markdown':
      return renderNotesMarkdown(doc);
    case 'json':
      return renderNotesJson(itemsInDocument(doc, items), { label: doc.title, id: `urn:uuid:${crypto.randomUUID()}` });
    case 'pdf': {
      const html = renderNotesHtml(doc, { paper: request.paper, fontCss: await context.printFontCss() });
      context.progress({ stage: 'printing', done: 0, total: 0 });
      context.signal?.throwIfAborted();
      return abortable(context.ports.printToPdf(html, { paper: request.paper, signal: context.signal }), context.signal);
    }
  }
}

const WRITE_ERRORS: Record<string, string> = {
  EACCES: 'you do not have permission to write there',
  EPERM: 'you do not have permission to write there',
  EROFS: 'that disk is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is full',
  ENOENT: 'that folder does not exist',
  ENOTDIR: 'part of that path is a file, not a folder',
  EEXIST: 'part of that path is a file, not a folder',
  EISDIR: 'a folder already has that name',
  ENAMETOOLONG: 'the name is too long for the file system',
  EINVAL: 'the file system does not accept that name',
};

/** Writes the whole file or nothing (temp file, then rename), with an error a person can act on. */
async function writeExport(path: string, data: string | Uint8Array): Promise<void> {
  try {
    await writeFileAtomic(path, data);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const reason = WRITE_ERRORS[code] ?? `the system said: ${(error as Error).message}`;
    throw new ApiError('unwritable', `The notes could not be saved to “${path}”: ${reason}. Nothing was written; choose another place.`);
  }
}
