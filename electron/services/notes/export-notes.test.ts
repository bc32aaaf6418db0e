import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_COLOUR_MEANINGS, PDF_FRAGMENT, type Annotation } from '../../common/annotation-model';
import { ApiError } from '../../common/errors';
import { DEFAULT_EXPORT_CHOICES, type ExportProgress, type ExportRequest } from '../../common/export-model';
import type { Article } from '../../common/model';
import { summary } from '../../common/test-support/summary';
import { describeRange } from '../../common/anchoring';
import { joinPages } from '../../common/pdf-text';
import { parseBriefing, toArticle } from '../library/parse-briefing';
import type { NoteItem } from '../../common/notes-model';
import { useTempDirs } from '../test-support/temp-dir';
import { exportNotes, type NotesExportContext } from './export-notes';
import { note, sampleItems } from './notes.fixture';

const tempDir = useTempDirs();

const CRS_PDF = fileURLToPath(new URL('../../../../shared/corpus/pdf/2026-04-22_crs_IF12672-russias-nuclear-weapons.pdf', import.meta.url));
if (!existsSync(CRS_PDF)) console.log(`export of notes on a real PDF: skipped, ${CRS_PDF} is missing`);

function request(overrides: Partial<ExportRequest> = {}): ExportRequest {
  return { scope: { label: 'Everything' }, format: 'markdown', paper: 'A4', options: DEFAULT_EXPORT_CHOICES.options, ...overrides };
}

/** The article the reader would show: paragraphs of 100 characters, so a note at offset N is in paragraph ⌊N/100⌋+1. */
function article(id: string): Article {
  const paragraphs = Array.from({ length: 12 }, (_, index) => `<p>${String(index + 1).padEnd(100, '.')}</p>`).join('');
  return {
    id,
    title: id,
    source: null,
    date: null,
    url: `https://example.org/${id}`,
    language: 'en',
    html: paragraphs,
    headings: [],
    metadata: {},
    problem: null,
  } as unknown as Article;
}

/** A PDF as the parse path gives it: its pages' texts joined, with where each page starts (export never reads the bytes). */
function pdfArticle(id: string, pages: string[]): Article {
  const { text, pageStarts } = joinPages(pages);
  return {
    summary: summary(id, { format: 'pdf', pageCount: pages.length }),
    url: null,
    metadata: {},
    html: '',
    headings: [],
    pdf: { data: '', text, pageStarts },
  };
}

async function setup(items: NoteItem[] = sampleItems(), answer: 'choose' | 'cancel' | string = 'choose') {
  const folder = await tempDir();
  const asked: string[] = [];
  const printed: string[] = [];
  const progress: ExportProgress['stage'][] = [];
  const context: NotesExportContext = {
    libraryName: 'Embassy briefings',
    colourMeanings: DEFAULT_COLOUR_MEANINGS,
    notes: async () => items,
    readArticle: async (id) => {
      if (id === 'gone.md') throw new ApiError('not-found', 'gone');
      return article(id);
    },
    exportFolder: folder,
    ports: {
      async chooseExportPath(defaultPath) {
        asked.push(defaultPath);
        if (answer === 'cancel') return null;
        return answer === 'choose' ? defaultPath : answer;
      },
      async printToPdf(html) {
        printed.push(html);
        return new TextEncoder().encode('%PDF-1.4 printed');
      },
    },
    printFontCss: async () => "@font-face { font-family: 'Literata'; }",
    progress: (step) => progress.push(step.stage),
    now: () => new Date('2024-03-05T09:30:00.000Z'),
  };
  return { folder, asked, printed, progress, context };
}

describe('exportNotes', () => {
  it('writes the Markdown of the scope where the person chose, named after the export', async () => {
    const { folder, asked, context } = await setup();
    const outcome = await exportNotes(request(), context);
    const path = join(folder, 'Notes — Everything.md');
    expect(asked).toEqual([path]);
    expect(outcome).toEqual({ status: 'written', path, format: 'markdown', noteCount: 6, briefingCount: 3 });
    const markdown = await readFile(path, 'utf8');
    for (const item of sampleItems()) expect(markdown).toContain(item.annotation.target.selector[0].exact);
    expect(markdown).toContain('Check the **Urals** discount.');
  });

  it('numbers each note’s paragraph and links its briefing from the briefing’s own text', async () => {
    const { context, printed } = await setup([note({ briefingId: 'a.md', title: 'A', exact: 'x', start: 450 })]);
    await exportNotes(request({ format: 'pdf' }), context);
    expect(printed).toHaveLength(1);
    expect(printed[0]).toContain('¶&#8239;5');
    expect(printed[0]).toContain('href="https://example.org/a.md"');
    expect(printed[0]).toContain("@font-face { font-family: 'Literata'; }");
  });

  it('cites notes on a PDF by the page their words are on now (p. 3 where a text briefing has ¶ 5), else the page they were made on', async () => {
    const pages = [
      'Readout of the call.\nThe ministers met in Geneva.',
      'The second page holds the ceasefire terms agreed in Geneva.',
      'Sanctions remain in force until the review in June.',
    ];
    const text = joinPages(pages).text;
    const onPage2 = note({ briefingId: 'call.pdf', title: 'Call', exact: 'the ceasefire terms agreed', start: text.indexOf('the ceasefire'), page: 2 });
    // Made on an earlier version of the file, where these words were on page 1.
    const moved = note({ briefingId: 'call.pdf', title: 'Call', exact: 'Sanctions remain in force until the review', start: 3, page: 1 });
    // Its words are gone from this version: cited by the page it was made on.
    const dropped = note({ briefingId: 'call.pdf', title: 'Call', exact: 'A sentence the new version dropped entirely', start: 40, page: 2 });
    const onText = note({ briefingId: 'a.md', title: 'A', exact: 'x', start: 450 });
    const { context, folder, printed } = await setup([onPage2, moved, dropped, onText]);
    context.readArticle = async (id) => (id === 'call.pdf' ? pdfArticle(id, pages) : article(id));

    await exportNotes(request(), context);
    const markdown = await readFile(join(folder, 'Notes — Everything.md'), 'utf8');
    const citedAs = (quote: string) => new RegExp(`> ${quote}\\n\\n\\*\\*Key point\\*\\* · ([^\\n]+)`).exec(markdown)?.[1];
    expect(citedAs('the ceasefire terms agreed')).toBe('p. 2');
    expect(citedAs('Sanctions remain in force until the review')).toBe('p. 3');
    expect(citedAs('A sentence the new version dropped entirely')).toBe('p. 2');
    expect(citedAs('x')).toBe('¶ 5');
    expect(markdown).toContain('— *Call*, Reuters, 2024-01-01, p. 3');

    await exportNotes(request({ format: 'pdf' }), context);
    expect(printed[0]).toContain('<span class="place">p.&#8239;3</span>');
    expect(printed[0]).toContain('<span class="place">¶&#8239;5</span>');

    // JSON holds the notes as stored: each keeps the page it was made on as an RFC 3778 FragmentSelector.
    await exportNotes(request({ format: 'json' }), context);
    const json = JSON.parse(await readFile(join(folder, 'Notes — Everything.json'), 'utf8'));
    const stored = json.first.items.find((item: Annotation) => item.id === moved.annotation.id);
    expect(stored.target.selector[2]).toEqual({ type: 'FragmentSelector', conformsTo: PDF_FRAGMENT, value: 'page=1' });
  });

  it.skipIf(!existsSync(CRS_PDF))(
    'cites the pages of notes on a real PDF, read through the parse path (CRS In Focus, 3 pages)',
    async () => {
      const bytes = new Uint8Array(await readFile(CRS_PDF));
      const { summary, document } = await parseBriefing('crs.pdf', 'pdf', bytes);
      const read = toArticle(summary, document!);
      const text = read.pdf!.text!;
      // As the reader makes a note: selectors over the extracted text, and the page the quote starts on.
      const noteOn = (words: string) => {
        const start = text.indexOf(words);
        const { quote, position } = describeRange(text, start, start + words.length)!;
        return note({
          briefingId: 'crs.pdf',
          title: summary.title,
          exact: quote.exact,
          prefix: quote.prefix,
          suffix: quote.suffix,
          start: position.start,
          page: 1,
        });
      };
      // Pages as `pdftotext -f N -l N` shows them; the notes claim page 1, so the pages cited come from the text.
      const deterrence = noteOn('“strategic deterrence” concept');
      const disclaimer = noteOn('This document was prepared by the Congressional Research Service');
      const { context, printed } = await setup([deterrence, disclaimer]);
      context.readArticle = async () => read;
      await exportNotes(request({ format: 'pdf' }), context);
      expect(printed[0]).toContain(`<h2 lang="en">${summary.title}</h2>`);
      expect(printed[0]).toContain('“strategic deterrence” concept');
      const places = [...printed[0].matchAll(/<span class="place">([^<]+)<\/span>/g)].map((match) => match[1]);
      expect(places).toEqual(['p.&#8239;2', 'p.&#8239;3']);
    },
    60_000,
  );

  it('writes the printed PDF bytes and reports each stage', async () => {
    const { folder, context, progress } = await setup();
    const outcome = await exportNotes(request({ format: 'pdf' }), context);
    expect(outcome).toMatchObject({ status: 'written', path: join(folder, 'Notes — Everything.pdf') });
    expect(await readFile(join(folder, 'Notes — Everything.pdf'), 'utf8')).toBe('%PDF-1.4 printed');
    expect(progress[0]).toBe('collecting');
    expect(progress).toContain('composing');
    expect(progress.slice(-2)).toEqual(['printing', 'writing']);
  });

  it('exports exactly the notes the scope names: by briefing or by note', async () => {
    const items = sampleItems();
    const { context, folder } = await setup(items);
    await exportNotes(request({ format: 'json', scope: { label: 'Price cap review', briefingIds: ['new.md'] } }), context);
    const byBriefing = JSON.parse(await readFile(join(folder, 'Notes — Price cap review.json'), 'utf8'));
    expect(byBriefing.total).toBe(3);
    expect(byBriefing.first.items.every((item: { target: { source: string } }) => item.target.source.endsWith('new.md'))).toBe(true);

    const chosen = [items[0].annotation.id, items[3].annotation.id];
    await exportNotes(request({ format: 'json', scope: { label: 'Filtered', annotationIds: chosen } }), context);
    const byNote = JSON.parse(await readFile(join(folder, 'Notes — Filtered.json'), 'utf8'));
    expect(byNote.first.items.map((item: { id: string }) => item.id).sort()).toEqual([...chosen].sort());
  });

  it('says so and asks nothing when the scope has no notes, or none of the chosen colours', async () => {
    const { context, asked, folder } = await setup();
    const none = await exportNotes(request({ scope: { label: 'Nothing', briefingIds: ['no-such.md'] } }), context);
    expect(none).toEqual({ status: 'empty', message: 'There are no notes in this scope, so nothing was exported.' });
    const wrongColour = await exportNotes(request({ options: { ...DEFAULT_EXPORT_CHOICES.options, colours: ['c5'] } }), context);
    expect(wrongColour).toMatchObject({ status: 'empty', message: expect.stringContaining('chosen colours') });
    expect(asked).toEqual([]);
    expect(await readdir(folder)).toEqual([]);
  });

  it('writes nothing when the save dialog is cancelled', async () => {
    const { context, folder } = await setup(sampleItems(), 'cancel');
    expect(await exportNotes(request(), context)).toEqual({ status: 'cancelled' });
    expect(await readdir(folder)).toEqual([]);
  });

  it('stops while reading the briefings: no more are read and nothing is written', async () => {
    const { context, folder } = await setup();
    const stop = new AbortController();
    let read = 0;
    const readArticle = context.readArticle;
    context.readArticle = async (id) => {
      if (++read === 1) stop.abort(new Error('stopped'));
      return readArticle(id);
    };
    const outcome = await exportNotes(request({ format: 'pdf' }), { ...context, signal: stop.signal });
    expect(outcome).toEqual({ status: 'stopped' });
    expect(read).toBeLessThan(new Set(sampleItems().map((item) => item.briefingId)).size);
    expect(await readdir(folder)).toEqual([]);
  });

  it('stops while printing without waiting for the print, and tells the printer to stop', async () => {
    const { context, folder } = await setup();
    const stop = new AbortController();
    let printerHeard = false;
    context.ports.printToPdf = (_html, options) =>
      new Promise((_resolve, reject) => {
        options.signal?.addEventListener('abort', () => {
          printerHeard = true;
          reject(new Error('print window closed'));
        });
      });
    context.progress = (step) => {
      if (step.stage === 'printing') setTimeout(() => stop.abort(new Error('stopped')), 10);
    };
    expect(await exportNotes(request({ format: 'pdf' }), { ...context, signal: stop.signal })).toEqual({ status: 'stopped' });
    expect(printerHeard).toBe(true);
    expect(await readdir(folder)).toEqual([]);
  });

  it('offers a file name every file system accepts, whatever the scope is called', async () => {
    const { context, asked } = await setup();
    await exportNotes(request({ scope: { label: 'Q1: "oil" / gas <draft>?*|' } }), context);
    expect(basename(asked[0])).toBe('Notes — Q1- -oil- - gas -draft.md');
  });

  it('exports the notes of a deleted briefing with their quotes, marked', async () => {
    const gone = note({ briefingId: 'gone.md', title: 'Withdrawn cable', exact: 'Kept after deletion', start: 10, missing: true });
    const { context, folder } = await setup([gone]);
    await exportNotes(request(), context);
    const markdown = await readFile(join(folder, 'Notes — Everything.md'), 'utf8');
    expect(markdown).toContain('Kept after deletion');
    expect(markdown).toContain('Briefing no longer in the library');
  });

  it('refuses an unwritable destination with a clear message and leaves nothing behind', async () => {
    const { context, folder } = await setup(sampleItems(), 'placeholder');
    await writeFile(join(folder, 'a-file'), 'not a folder');
    await mkdir(join(folder, 'taken.md'));
    for (const [destination, reason] of [
      [join(folder, 'a-file', 'notes.md'), 'part of that path is a file, not a folder'],
      [join(folder, 'taken.md'), 'a folder already has that name'],
    ]) {
      context.ports.chooseExportPath = async () => destination;
      const failure = exportNotes(request(), context);
      await expect(failure).rejects.toThrow(ApiError);
      await expect(failure).rejects.toThrow(`The notes could not be saved to “${destination}”: ${reason}. Nothing was written`);
    }
    expect((await readdir(folder)).sort()).toEqual(['a-file', 'taken.md']);
    expect(await readdir(join(folder, 'taken.md'))).toEqual([]);
    expect(await readFile(join(folder, 'a-file'), 'utf8')).toBe('not a folder');
  });
});
