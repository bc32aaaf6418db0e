import type { ExportFormat, PaperSize } from '../../common/export-model';

/**
 * What the services need from the host that plain Node cannot do: native dialogs and the system
 * browser. Electron implements these with `dialog` and `shell`; the test host with scripted answers.
 */
export interface HostPorts {
  /** Shows a folder picker; resolves the chosen absolute path, or null when cancelled. */
  chooseFolder(): Promise<string | null>;
  /** Asks the person whether to open `url` outside the app; resolves their answer. */
  confirmExternalLink(url: string): Promise<boolean>;
  /** Opens an already-confirmed web URL (see `isAllowedExternalUrl`) in the system browser. */
  openInBrowser(url: string): Promise<void>;
  /**
   * Shows a save dialog for an export, starting at `defaultPath` (a safe file name in a folder);
   * resolves the chosen absolute path, or null when cancelled.
   */
  chooseExportPath(defaultPath: string, format: ExportFormat): Promise<string | null>;
  /**
   * Prints a self-contained HTML document (no scripts, fonts inlined) to PDF with Chromium, after
   * its fonts have loaded: tagged PDF, a document outline from its headings, backgrounds printed,
   * the page size and margins its CSS sets. Chromium sets the PDF's title metadata from <title>.
   * Rejects soon after `options.signal` aborts, and stops printing (the window or page closes).
   */
  printToPdf(html: string, options: PdfOptions): Promise<Uint8Array>;
  /** Shows a file in the system file manager (its folder, with the file selected). */
  showInFolder(path: string): Promise<void>;
  /** Shows an open dialog for briefing files (several allowed); resolves their paths, or [] when cancelled. */
  chooseImportFiles(): Promise<string[]>;
}

export interface PdfOptions {
  /** Chromium's fallback page size; the document's own `@page` size wins. */
  paper: PaperSize;
  /** Aborted when the person stops the export. */
  signal?: AbortSignal;
}

export interface AppPaths {
  /** The app's user-data folder: settings and caches live here, never in a library. */
  userData: string;
  /** The bundled, possibly read-only, sample library. */
  sampleLibrary: string;
  /** Where the sample library is copied on first run (in the user's documents folder). */
  defaultLibrary: string;
  /** The bundled search worker script (dist/main/search-worker.cjs). */
  searchWorker: string;
  /** The bundled parse worker script (dist/main/parse-worker.cjs); without it files are parsed on the calling thread. */
  parseWorker?: string;
  /** The bundled print fonts as one stylesheet (dist/main/print-fonts.css). */
  printFonts: string;
}
