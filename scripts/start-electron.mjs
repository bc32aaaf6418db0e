#!/usr/bin/env node
/**
 * `npm start`: finds the Electron binary (fetching it once if it is missing), builds, and runs the
 * app in it. The binary comes first so that a machine without one hears so at once, in one
 * paragraph, instead of after a build and a download error's stack trace.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from './build.mjs';
import { findElectronBinary } from './electron-binary.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Electron's own installer fetches the binary from GitHub; give it one bounded try. Its output
 * (on failure a stack trace) is kept back; only the error's message is returned, for the paragraph.
 */
function tryDownload() {
  const installer = join(root, 'node_modules', 'electron', 'install.js');
  if (!existsSync(installer)) return 'the electron package is not installed; run npm install';
  console.log('Downloading the Electron binary (first start only)…');
  const result = spawnSync(process.execPath, [installer], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  if (result.error) return result.error.message;
  if (result.status === 0) return null;
  const output = `${result.stderr}\n${result.stdout}`;
  const message = /^\w*Error: (.+)$/m.exec(output)?.[1] ?? output.trim().split('\n')[0];
  return message || `the installer exited with code ${result.status}`;
}

let binary = findElectronBinary({ root });
if (!binary.found) {
  const failure = tryDownload();
  binary = findElectronBinary({ root });
  if (!binary.found) {
    console.error(
      [
        `The Electron binary is not installed, and it could not be downloaded (${failure ?? `looked for it at ${binary.path}`}).`,
        'Electron fetches it from GitHub the first time it starts. Two ways forward: where GitHub can',
        'be reached, run `npx install-electron` (or `node node_modules/electron/install.js`) and then',
        '`npm start` again; or run `npm run preview`, which opens the same app in a local Chromium',
        'window and needs no download.',
      ].join('\n'),
    );
    process.exit(1);
  }
}

if (!(await build())) process.exit(1);

// Set in a parent shell, this would make Electron start as plain Node and ignore the app.
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;

const child = spawn(binary.path, ['.', ...process.argv.slice(2)], { cwd: root, env, stdio: 'inherit' });
child.on('error', (error) => {
  console.error(`Could not start Electron at ${binary.path}: ${error.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  process.exit(code ?? (signal ? 1 : 0));
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
