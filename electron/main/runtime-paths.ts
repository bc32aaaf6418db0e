import { join } from 'node:path';
import type { AppPaths } from '../services/app/host-ports';

/** Everything the shell needs to find on disk, resolved once at startup. */
export interface RuntimePaths extends AppPaths {
  /** The built renderer (vite output) that app:// serves. */
  rendererDir: string;
  /** The single-file CommonJS preload bundle. */
  preloadPath: string;
}

export interface RuntimeFacts {
  /** The folder of the running main bundle, i.e. `dist/main` (inside app.asar when packaged). */
  bundleDir: string;
  isPackaged: boolean;
  /** `process.resourcesPath`: where electron-builder's extraResources land. */
  resourcesPath: string;
  userData: string;
  documents: string;
}

/**
 * Resolves paths from where the bundle runs rather than from the working directory, so
 * `electron .`, a packaged app and a test host all agree. The sample library is an
 * extraResource in a package (outside the asar, so it can be copied with plain fs) and the
 * repo's `content/` folder in development.
 */
/** Worker threads cannot start a script inside the asar archive; electron-builder unpacks them beside it. */
const unpacked = (path: string) => path.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');

export function resolveRuntimePaths(facts: RuntimeFacts): RuntimePaths {
  const distDir = join(facts.bundleDir, '..');
  return {
    rendererDir: join(distDir, 'renderer'),
    preloadPath: join(distDir, 'preload', 'index.cjs'),
    userData: facts.userData,
    sampleLibrary: facts.isPackaged ? join(facts.resourcesPath, 'content') : join(distDir, '..', 'content'),
    defaultLibrary: join(facts.documents, 'Briefing Reader Library'),
    searchWorker: unpacked(join(facts.bundleDir, 'search-worker.cjs')),
    parseWorker: unpacked(join(facts.bundleDir, 'parse-worker.cjs')),
    printFonts: join(facts.bundleDir, 'print-fonts.css'),
  };
}
