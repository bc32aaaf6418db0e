/**
 * What the services need from the host that plain Node cannot do: native dialogs and the system
 * browser. Electron implements these with `dialog` and `shell`; the test host with scripted answers.
 */
export interface HostPorts {
  /** Shows a folder picker; resolves the chosen absolute path, or null when cancelled. */
  chooseFolder(): Promise<string | null>;
  /** Asks the person whether to open `url` outside the app; resolves their answer. */
  confirmExternalLink(url: string): Promise<boolean>;
  /** Opens an already-confirmed https URL in the system browser. */
  openInBrowser(url: string): Promise<void>;
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
}
