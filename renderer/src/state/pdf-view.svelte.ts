import type { PDFDocumentLoadingTask, PDFDocumentProxy } from 'pdfjs-dist';
import { SvelteMap } from 'svelte/reactivity';
import type { PdfSource } from '../../../electron/common/model';
import { messageOf } from '../lib/api';
import { outlineOf, pageIndexOf, type OutlineEntry, type PdfDestination } from '../lib/pdf/pdf-destinations';
import { bytesOf, openPdf, type PasswordReason } from '../lib/pdf/pdf-document';
import { layoutPages, scaleFor, steppedZoom, type PdfZoom, type Size } from '../lib/pdf/pdf-layout';
import { pdfText } from './pdf-text.svelte';
import { preferences } from './preferences.svelte';

/** Where opening the PDF stands: loading it, waiting for its password, shown, or not openable (`error` says why). */
export type PdfStatus = 'closed' | 'loading' | 'password' | 'ready' | 'failed';

/** A place the reader is asked to bring on screen: a page (0-based) and how far down it (0..1). */
export interface PdfTarget {
  pageIndex: number;
  within: number;
  /** A new object for every request, so asking for the same page again scrolls again. */
  serial: number;
}

/**
 * Page sizes are read from pdf.js this many pages at a time, after the first page is shown. Small
 * batches, because pdf.js's worker answers in order: a page the reader needs now waits behind
 * every size already asked for (200 at a time held the first page of a 281-page code ~1 s).
 */
const SIZE_BATCH = 16;
const LETTER: Size = { width: 612, height: 792 };

/**
 * The open PDF as the viewer shows it: the pdf.js document, its pages' sizes and outline, the zoom
 * and inversion (remembered in preferences), the page on screen, and jumps asked of the viewer.
 * This module is the only writer; components/pdf reads it and reports back through its methods.
 */
class PdfViewState {
  status = $state<PdfStatus>('closed');
  document = $state.raw<PDFDocumentProxy | null>(null);
  /** Why the PDF could not be opened, for status 'failed'. */
  error = $state<string | null>(null);
  /** The password just tried was wrong (status 'password'). */
  passwordWrong = $state(false);
  pageCount = $state(0);
  /** Each page's size in PDF points, rotation applied; pages not measured yet take the first page's size. */
  pageSizes = $state.raw<Size[]>([]);
  /** The page at the top of the viewer, 1-based. */
  currentPage = $state(1);
  outline = $state.raw<OutlineEntry[]>([]);
  /** Pages (0-based) pdf.js could not draw, with the reason: said in place, and summed up in a notice. */
  readonly failedPages = new SvelteMap<number, string>();
  target = $state.raw<PdfTarget | null>(null);
  /** The viewer's visible size, which fit width and fit page fill. */
  private pane = $state<Size>({ width: 800, height: 600 });

  readonly zoom: PdfZoom = $derived(preferences.value.pdfZoom);
  readonly invert = $derived(preferences.value.pdfInvert);
  /** The largest page: fit width and fit page use it, so the zoom does not change from page to page. */
  private readonly reference = $derived(
    this.pageSizes.reduce((largest, size) => ({ width: Math.max(largest.width, size.width), height: Math.max(largest.height, size.height) }), {
      width: 1,
      height: 1,
    }),
  );
  /** pdf.js viewport scale: CSS pixels per PDF point. */
  readonly scale = $derived(scaleFor(this.zoom, this.pageSizes.length > 0 ? this.reference : LETTER, this.pane));
  readonly layout = $derived(layoutPages(this.pageSizes, this.scale));

  private task: PDFDocumentLoadingTask | null = null;
  private tryPassword: ((password: string) => void) | null = null;
  private serial = 0;
  /** Counts opens, so work for a document since closed stops. */
  private generation = 0;

  /**
   * Opens a PDF article's file. An encrypted file waits in status 'password' for `submitPassword`;
   * a file pdf.js cannot read at all ends in 'failed' with the reason. The first page's size
   * lays out every page at once (so the scrollbar is right from the start); the real sizes and the
   * outline follow in the background.
   */
  async open(source: PdfSource): Promise<void> {
    this.close();
    const generation = ++this.generation;
    const current = () => generation === this.generation;
    this.status = 'loading';
    let task: PDFDocumentLoadingTask;
    try {
      task = await openPdf(bytesOf(source.data), (reason, tryPassword) => this.askPassword(generation, reason, tryPassword));
    } catch (error) {
      if (current()) this.fail(`The file's data could not be read: ${messageOf(error)}`);
      return;
    }
    if (!current()) {
      void task.destroy();
      return;
    }
    this.task = task;
    try {
      const document = await task.promise;
      if (!current()) return;
      this.tryPassword = null;
      const first = await document.getPage(1);
      if (!current()) return;
      const size = sizeOf(first.getViewport({ scale: 1 }));
      this.pageSizes = Array.from({ length: document.numPages }, () => size);
      this.pageCount = document.numPages;
      this.document = document;
      this.status = 'ready';
      pdfText.open(source, document);
      void this.measure(document, generation);
      void outlineOf(document).then((outline) => {
        if (current()) this.outline = outline;
      });
    } catch (error) {
      if (current()) this.fail(openingError(error));
    }
  }

  /** Tries a password typed in the app's dialog. It goes to pdf.js only and is not kept. */
  submitPassword(password: string): void {
    const attempt = this.tryPassword;
    this.tryPassword = null;
    if (!attempt || this.status !== 'password') return;
    this.status = 'loading';
    attempt(password);
  }

  /** The person gave up on the password: the file stays closed, and says why. */
  cancelPassword(): void {
    if (this.status !== 'password') return;
    this.generation++;
    void this.task?.destroy();
    this.task = null;
    this.tryPassword = null;
    this.status = 'failed';
    this.error = 'This PDF is protected by a password, and it was not opened.';
  }

  /** Brings a page (1-based) on screen, `top` (0..1) of the way down it. Find, search hits and notes use it too. */
  goToPage(page: number, options: { top?: number } = {}): void {
    if (this.pageCount === 0) return;
    const pageIndex = Math.min(this.pageCount - 1, Math.max(0, Math.round(page) - 1));
    this.target = { pageIndex, within: Math.min(1, Math.max(0, options.top ?? 0)), serial: ++this.serial };
  }

  /** Follows a link or bookmark inside the document; a destination that names no page does nothing. */
  async goToDestination(dest: PdfDestination): Promise<void> {
    const document = this.document;
    if (!document) return;
    const pageIndex = await pageIndexOf(document, dest);
    if (pageIndex !== null && document === this.document) this.goToPage(pageIndex + 1);
  }

  /** The viewer scrolled: the page now at its top (0-based). */
  noteCurrentPage(pageIndex: number): void {
    if (pageIndex + 1 !== this.currentPage) this.currentPage = pageIndex + 1;
  }

  /** The viewer's visible area changed size (window resized, sidebar shown). */
  notePane(size: Size): void {
    if (size.width !== this.pane.width || size.height !== this.pane.height) this.pane = size;
  }

  /** A page could not be drawn; `reason` is said in its place. */
  notePageFailed(pageIndex: number, reason: string): void {
    this.failedPages.set(pageIndex, reason);
  }

  setZoom(zoom: PdfZoom): Promise<void> {
    return preferences.update({ pdfZoom: zoom });
  }

  /** Ctrl+plus (+1) and Ctrl+minus (-1): the next fixed zoom from the one shown, fit width included. */
  stepZoom(direction: 1 | -1): Promise<void> {
    return this.setZoom(steppedZoom(this.scale, direction));
  }

  toggleInvert(): Promise<void> {
    return preferences.update({ pdfInvert: !this.invert });
  }

  close(): void {
    this.generation++;
    pdfText.close();
    void this.task?.destroy();
    this.task = null;
    this.tryPassword = null;
    this.document = null;
    this.status = 'closed';
    this.error = null;
    this.passwordWrong = false;
    this.pageCount = 0;
    this.pageSizes = [];
    this.currentPage = 1;
    this.outline = [];
    this.failedPages.clear();
    this.target = null;
  }

  private askPassword(generation: number, reason: PasswordReason, tryPassword: (password: string) => void): void {
    if (generation !== this.generation) return;
    this.tryPassword = tryPassword;
    this.passwordWrong = reason === 'wrong';
    this.status = 'password';
  }

  private fail(message: string): void {
    this.status = 'failed';
    this.error = message;
  }

  /** Reads every page's real size a batch at a time, so a 2,000-page file opens at once and settles its layout soon after. */
  private async measure(document: PDFDocumentProxy, generation: number): Promise<void> {
    for (let start = 1; start < document.numPages; start += SIZE_BATCH) {
      const end = Math.min(document.numPages, start + SIZE_BATCH);
      const sizes = await Promise.all(
        Array.from({ length: end - start }, (_, offset) =>
          document.getPage(start + offset + 1).then(
            (page) => sizeOf(page.getViewport({ scale: 1 })),
            () => null,
          ),
        ),
      );
      if (generation !== this.generation) return;
      if (sizes.every((size, offset) => size === null || sameSize(size, this.pageSizes[start + offset]))) continue;
      const next = [...this.pageSizes];
      sizes.forEach((size, offset) => {
        if (size) next[start + offset] = size;
      });
      this.pageSizes = next;
    }
  }
}

function sizeOf(viewport: { width: number; height: number }): Size {
  return { width: viewport.width, height: viewport.height };
}

function sameSize(a: Size, b: Size | undefined): boolean {
  return !!b && Math.abs(a.width - b.width) < 0.5 && Math.abs(a.height - b.height) < 0.5;
}

/** Why pdf.js could not open a file, in words a person can act on. */
function openingError(error: unknown): string {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'InvalidPDFException') return 'This file is not a PDF that can be read: it may be damaged, cut short, or something else named .pdf.';
  if (name === 'PasswordException') return 'This PDF is protected by a password, and it was not opened.';
  return `This PDF could not be opened: ${messageOf(error)}`;
}

export const pdfView = new PdfViewState();
