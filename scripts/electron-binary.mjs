/**
 * Finds the Electron executable the way `require('electron')` would, but without its side
 * effect: that require downloads the binary from GitHub when it is missing, which hangs or fails
 * on machines without internet. Used by scripts/start-electron.mjs and by the e2e suite to
 * decide whether the `electron` target can run.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const defaultRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The executable's path inside Electron's dist folder, as electron's install.js names it. */
function platformExecutable(platform) {
  if (platform === 'darwin' || platform === 'mas') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

/**
 * @param {{ root?: string, env?: NodeJS.ProcessEnv, platform?: NodeJS.Platform }} [options]
 * @returns {{ found: true, path: string } | { found: false, path: string | null, reason: string }}
 */
export function findElectronBinary({ root = defaultRoot, env = process.env, platform = process.platform } = {}) {
  let packageDir;
  try {
    // Resolving package.json locates the package without running its index.js.
    packageDir = dirname(createRequire(join(root, 'package.json')).resolve('electron/package.json'));
  } catch {
    return { found: false, path: null, reason: 'the electron package is not installed' };
  }
  const pathFile = join(packageDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : platformExecutable(platform);
  const path = env.ELECTRON_OVERRIDE_DIST_PATH ? join(env.ELECTRON_OVERRIDE_DIST_PATH, executable) : join(packageDir, 'dist', executable);
  if (existsSync(path)) return { found: true, path };
  return { found: false, path, reason: `the Electron binary is not at ${path}` };
}
