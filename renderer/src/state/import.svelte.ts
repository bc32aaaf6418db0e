import type { ImportDocument, ImportOutcome } from '../../../electron/common/import-model';
import { api, messageOf } from '../lib/api';
import { plural } from '../lib/format';
import { pastedDocument } from '../lib/pasted-document';
import { library } from './library.svelte';
import { notices } from './notices.svelte';
import { reader } from './reader.svelte';

/** Adding briefings: Import… (a file dialog), files dropped on the window, text or HTML pasted. */
class ImportState {
  /** True while files are dragged over the window: the drop target shows. */
  dragging = $state(false);
  busy = $state(false);

  chooseFiles = () => this.run(() => api.importFiles());

  /** Dropped files, read here (the renderer never sees paths) and sent as bytes. */
  dropFiles(files: File[]): Promise<void> {
    return this.run(async () => api.importDocuments(await Promise.all(files.map(readDocument))));
  }

  /** Pasted HTML or text as a new briefing; false when the clipboard holds neither. */
  paste(data: DataTransfer): boolean {
    const document = pastedDocument(data.getData('text/html'), data.getData('text/plain'), new Date());
    if (!document) return false;
    void this.run(() => api.importDocuments([document]));
    return true;
  }

  private async run(request: () => Promise<ImportOutcome | null>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const outcome = await request();
      if (!outcome) return;
      await library.applySnapshot(outcome.snapshot);
      if (outcome.skipped.length > 0) {
        const reasons = outcome.skipped.map((item) => `${item.name}: ${item.reason}`).join(' ');
        notices.show(`${plural(outcome.skipped.length, 'file')} not added. ${reasons}`, 15);
      } else if (outcome.added.length > 1) {
        notices.show(`${plural(outcome.added.length, 'briefing')} added to the library.`);
      }
      if (outcome.added.length > 0) await reader.open(outcome.added[0]);
    } catch (error) {
      notices.show(`Nothing was added: ${messageOf(error)}`, 15);
    } finally {
      this.busy = false;
    }
  }
}

/** A dropped file as the API takes it: its bytes as base64 (read by the browser, off the main thread). */
function readDocument(file: File): Promise<ImportDocument> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve({ name: file.name, data: String(reader.result).replace(/^data:[^,]*,/, '') });
    reader.onerror = () => reject(new Error(`${file.name} could not be read.`));
    reader.readAsDataURL(file);
  });
}

export const importer = new ImportState();
