import type { ExportChoices, ExportOutcome, ExportProgress, ExportScope } from '../../../electron/common/export-model';
import { paperForLocale } from '../../../electron/common/export-model';
import { api, messageOf, onHostEvent } from '../lib/api';
import { plural } from '../lib/format';
import { library } from './library.svelte';
import { navigation } from './navigation.svelte';
import { notes } from './notes.svelte';
import { preferences } from './preferences.svelte';
import { reader } from './reader.svelte';

/** The scopes the dialog offers; `briefing`, `selected` and `filter` only where they mean something. */
export type ScopeKind = 'briefing' | 'selected' | 'filter' | 'everything';

export interface ScopeChoice {
  kind: ScopeKind;
  label: string;
  /** "3 notes", or "4 briefings" when notes are not loaded yet. */
  detail: string;
  scope: ExportScope;
  /** Notes in the scope (before the colour filter), or null when not known. */
  noteCount: number | null;
}

const STAGE_LABELS: Record<ExportProgress['stage'], string> = {
  collecting: 'Gathering notes…',
  composing: 'Reading briefings…',
  printing: 'Printing the PDF…',
  writing: 'Saving…',
};

/** The export dialog: what to export, how, and where the last export went. */
class ExportState {
  open = $state(false);
  kind = $state<ScopeKind>('everything');
  /** Edited in the dialog; saved to preferences when an export starts. */
  choices = $state<ExportChoices>($state.snapshot(preferences.value.export));
  running = $state(false);
  progress = $state.raw<ExportProgress | null>(null);
  outcome = $state.raw<ExportOutcome | null>(null);
  error = $state<string | null>(null);
  /** The paper people in this locale use, when no choice was saved. */
  readonly localPaper = paperForLocale(navigator.language);

  readonly paper = $derived(this.choices.paper ?? this.localPaper);

  readonly scopes = $derived.by((): ScopeChoice[] => {
    const items = notes.data?.items ?? null;
    const countWhere = (test: (briefingId: string, annotationId: string) => boolean) =>
      items ? items.filter((item) => test(item.briefingId, item.annotation.id)).length : null;
    const noteLabel = (count: number | null, fallback: string) => (count === null ? fallback : plural(count, 'note'));
    const choices: ScopeChoice[] = [];
    const open = reader.article?.summary;
    if (open) {
      const count = countWhere((id) => id === open.id);
      choices.push({
        kind: 'briefing',
        label: `This briefing: ${open.title}`,
        detail: noteLabel(count, ''),
        scope: { label: open.title, briefingIds: [open.id] },
        noteCount: count,
      });
    }
    const selected = library.selectedBriefings;
    if (selected.length > 0) {
      const ids = new Set(selected.map((briefing) => briefing.id));
      const count = countWhere((id) => ids.has(id));
      const label = selected.length === 1 ? selected[0].title : plural(selected.length, 'selected briefing');
      choices.push({
        kind: 'selected',
        label: `Selected in the library: ${label}`,
        detail: noteLabel(count, plural(selected.length, 'briefing')),
        scope: { label, briefingIds: [...ids] },
        noteCount: count,
      });
    }
    if (notes.filtered) {
      const ids = notes.visible.map((item) => item.annotation.id);
      choices.push({
        kind: 'filter',
        label: 'The notes view’s filter',
        detail: plural(ids.length, 'note'),
        scope: { label: 'Filtered notes', annotationIds: ids },
        noteCount: ids.length,
      });
    }
    choices.push({
      kind: 'everything',
      label: 'Every note in the library',
      detail: noteLabel(items?.length ?? null, ''),
      scope: { label: '' },
      noteCount: items?.length ?? null,
    });
    return choices;
  });

  readonly chosen = $derived(this.scopes.find((choice) => choice.kind === this.kind) ?? this.scopes[this.scopes.length - 1]);

  readonly stageLabel = $derived(this.progress ? STAGE_LABELS[this.progress.stage] : '');

  constructor() {
    onHostEvent((event) => {
      if (event.type === 'export-progress' && this.running) this.progress = event.progress;
    });
  }

  /**
   * Opens the dialog on the scope that fits where the person is: the open briefing in the reader,
   * the filter in the notes view, several selected rows in the library, else everything.
   */
  show(): void {
    this.choices = $state.snapshot(preferences.value.export);
    this.outcome = null;
    this.error = null;
    this.progress = null;
    this.open = true;
    void notes.load();
    this.kind = reader.article
      ? 'briefing'
      : navigation.screen === 'notes'
        ? notes.filtered
          ? 'filter'
          : 'everything'
        : library.selectedIds.size > 1
          ? 'selected'
          : 'everything';
  }

  /** Closes the dialog (Done, Cancel, or the dialog closing itself). */
  hide(): void {
    this.open = false;
  }

  async run(): Promise<void> {
    if (this.running) return;
    const choices = $state.snapshot(this.choices);
    this.running = true;
    this.outcome = null;
    this.error = null;
    this.progress = null;
    void preferences.update({ export: choices });
    try {
      this.outcome = await api.exportNotes({ scope: $state.snapshot(this.chosen.scope), format: choices.format, paper: this.paper, options: choices.options });
    } catch (error) {
      this.error = messageOf(error);
    } finally {
      this.running = false;
      this.progress = null;
    }
  }

  /** Stops the running export; it then ends as `stopped`, with nothing written. */
  async stop(): Promise<void> {
    if (!this.running) return;
    try {
      await api.cancelExport();
    } catch (error) {
      this.error = messageOf(error);
    }
  }

  async showInFolder(): Promise<void> {
    if (this.outcome?.status !== 'written') return;
    try {
      await api.showExportedFile(this.outcome.path);
    } catch (error) {
      this.error = messageOf(error);
    }
  }
}

export const exporter = new ExportState();
