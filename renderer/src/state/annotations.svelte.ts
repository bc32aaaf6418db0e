import { buildAnnotation, editAnnotation, pageOf, positionOf, quoteOf, type Annotation, type ColourSlot } from '../../../electron/common/annotation-model';
import { anchorAll, describeRange, type AnchorResult } from '../../../electron/common/anchoring';
import { api, messageOf } from '../lib/api';
import type { TextSurface } from '../lib/text-surface';
import type { Span } from '../lib/text-units';
import { notices } from './notices.svelte';

/** One undoable change: the annotation before and after (null when it did not or no longer exists). */
interface Change {
  briefingId: string;
  before: Annotation | null;
  after: Annotation | null;
}

export interface PlacedAnnotation {
  annotation: Annotation;
  anchor: AnchorResult;
}

const now = () => new Date().toISOString();

/**
 * The open briefing's annotations: loading, anchoring on its text (an article's, or a PDF's
 * extracted text: the reader attaches its TextSurface), and every change through one path that
 * records it for undo and redo. The reader paints `placed` (lib/annotation-highlights); nothing
 * here touches the page.
 */
class AnnotationsState {
  briefingId = $state<string | null>(null);
  fingerprint = '';
  items = $state.raw<Annotation[]>([]);
  placed = $state.raw<PlacedAnnotation[]>([]);
  problem = $state<string | null>(null);
  pending = $state(false);
  lastColour = $state<ColourSlot>('c1');
  /** The annotation open in the editor, if any. */
  editingId = $state<string | null>(null);
  private undoStack: Change[] = [];
  private redoStack: Change[] = [];
  /** The briefing's text and where it is on screen; the anchors are offsets into its text. */
  private surface: TextSurface | null = null;

  /** In text order; orphans (could not be placed) last. */
  readonly ordered = $derived([...this.placed].sort((a, b) => startOf(a.anchor) - startOf(b.anchor)));
  readonly orphans = $derived(this.placed.filter((item) => item.anchor.kind === 'orphan'));

  async load(briefingId: string, fingerprint: string): Promise<void> {
    this.briefingId = briefingId;
    this.fingerprint = fingerprint;
    this.editingId = null;
    this.undoStack = [];
    this.redoStack = [];
    try {
      const result = await api.listAnnotations(briefingId);
      if (this.briefingId !== briefingId) return;
      this.items = result.annotations;
      this.problem = result.problem;
      this.pending = result.pending;
    } catch (error) {
      this.items = [];
      this.problem = messageOf(error);
    }
  }

  /**
   * Another program changed the notes of these briefings on disk: the open one's are listed again
   * and re-anchored, and a problem with its file (moved aside as damaged) is told at once.
   */
  async reloadChanged(briefingIds: readonly string[]): Promise<void> {
    const briefingId = this.briefingId;
    if (!briefingId || !briefingIds.includes(briefingId)) return;
    try {
      const result = await api.listAnnotations(briefingId);
      if (this.briefingId !== briefingId) return;
      const told = this.problem;
      this.items = result.annotations;
      this.problem = result.problem;
      this.pending = result.pending;
      if (this.editingId && !this.items.some((item) => item.id === this.editingId)) this.editingId = null;
      if (this.surface) this.place();
      // Short: the notes panel, if open, holds the full message beside it.
      if (result.problem && result.problem !== told)
        notices.show('Another program changed the notes of this briefing and they could not be read. The Notes panel says where the file was moved.', 15);
    } catch (error) {
      if (this.briefingId === briefingId) notices.show(messageOf(error), 12);
    }
  }

  clear(): void {
    this.briefingId = null;
    this.items = [];
    this.placed = [];
    this.surface = null;
    this.editingId = null;
  }

  /** Anchors every annotation in the briefing's text, once it is shown. */
  attach(surface: TextSurface): void {
    this.surface = surface;
    this.place();
  }

  private place(): void {
    const anchors = anchorAll(
      this.surface!.text,
      this.items.map((annotation) => ({ quote: quoteOf(annotation), position: positionOf(annotation) })),
    );
    this.placed = this.items.map((annotation, index) => ({ annotation, anchor: anchors[index] }));
  }

  /** Where a placed annotation is in the text, to reveal it; null for an orphan. */
  spanOf(id: string): Span | null {
    const anchor = this.placed.find((placed) => placed.annotation.id === id)?.anchor;
    return anchor && anchor.kind !== 'orphan' ? { start: anchor.start, end: anchor.end } : null;
  }

  /**
   * The page of a note on a PDF, as the exports cite it: where its words are now (a replaced PDF
   * may have moved them), else the page it was made on; null for a note on a text briefing.
   */
  pageOfNote(annotation: Annotation): number | null {
    const span = this.spanOf(annotation.id);
    return (span && this.surface?.pageAt?.(span.start)) || pageOf(annotation);
  }

  /** The ranges of a placed annotation where it is on screen (none for an orphan or a PDF page not rendered), to paint it. */
  rangesOf(id: string): Range[] {
    const span = this.spanOf(id);
    return span && this.surface ? this.surface.rangesFor(span.start, span.end) : [];
  }

  /** The annotations covering a point of the text (a click), innermost (shortest) first. */
  at(container: Node, offset: number): Annotation[] {
    const position = this.surface?.offsetOf(container, offset, 'start');
    if (position === null || position === undefined) return [];
    return this.placed
      .filter(({ anchor }) => anchor.kind !== 'orphan' && anchor.start <= position && position < anchor.end)
      .sort((a, b) => span(a.anchor) - span(b.anchor))
      .map(({ annotation }) => annotation);
  }

  /**
   * Highlights the current selection; whitespace-only selections are ignored. On a PDF the note
   * also records the page its quote starts on.
   */
  async highlightSelection(selection: Range, colour: ColourSlot = this.lastColour, comment = ''): Promise<Annotation | null> {
    const surface = this.surface;
    if (!surface || !this.briefingId) return null;
    const start = surface.offsetOf(selection.startContainer, selection.startOffset, 'start');
    const end = surface.offsetOf(selection.endContainer, selection.endOffset, 'end');
    if (start === null || end === null) return null;
    const described = describeRange(surface.text, start, end);
    if (!described) return null;
    this.lastColour = colour;
    const page = surface.pageAt?.(described.position.start) ?? undefined;
    const annotation = buildAnnotation(
      { briefingId: this.briefingId, fingerprint: this.fingerprint, quote: described.quote, position: described.position, colour, comment, page },
      `urn:uuid:${crypto.randomUUID()}`,
      now(),
    );
    await this.apply({ briefingId: this.briefingId, before: null, after: annotation });
    return annotation;
  }

  edit(annotation: Annotation, change: { colour?: ColourSlot; comment?: string; tags?: string[] }): Promise<void> {
    if (change.colour) this.lastColour = change.colour;
    return this.apply({ briefingId: this.briefingId!, before: annotation, after: editAnnotation(annotation, change, now()) });
  }

  remove(annotation: Annotation): Promise<void> {
    if (this.editingId === annotation.id) this.editingId = null;
    return this.apply({ briefingId: this.briefingId!, before: annotation, after: null });
  }

  /** Opens a note in its editor (closing any other), or closes the editor with null. */
  setEditing(id: string | null): void {
    this.editingId = id;
  }

  async undo(): Promise<void> {
    const change = this.undoStack.pop();
    if (change) await this.apply({ ...change, before: change.after, after: change.before && { ...change.before, modified: now() } }, 'undo');
  }

  async redo(): Promise<void> {
    const change = this.redoStack.pop();
    if (change) await this.apply({ ...change, after: change.after && { ...change.after, modified: now() } }, 'redo');
  }

  /**
   * The one way annotations change: update the screen at once, then write through the host. A
   * failed write is reported; the store keeps the annotation and retries with the next save.
   */
  private async apply(change: Change, kind: 'do' | 'undo' | 'redo' = 'do'): Promise<void> {
    const id = (change.after ?? change.before)!.id;
    this.items = change.after ? [...this.items.filter((item) => item.id !== id), change.after] : this.items.filter((item) => item.id !== id);
    if (this.surface) this.place();
    if (kind === 'undo') this.redoStack.push({ ...change, before: change.after, after: change.before });
    else {
      this.undoStack.push(change);
      if (kind === 'do') this.redoStack = [];
    }
    try {
      if (change.after) await api.saveAnnotation(change.briefingId, $state.snapshot(change.after) as Annotation);
      else await api.deleteAnnotation(change.briefingId, id);
      this.pending = false;
    } catch (error) {
      this.pending = true;
      notices.show(messageOf(error), 12);
    }
  }
}

const startOf = (anchor: AnchorResult) => (anchor.kind === 'orphan' ? Number.MAX_SAFE_INTEGER : anchor.start);
const span = (anchor: AnchorResult) => (anchor.kind === 'orphan' ? Number.MAX_SAFE_INTEGER : anchor.end - anchor.start);

export const annotations = new AnnotationsState();
