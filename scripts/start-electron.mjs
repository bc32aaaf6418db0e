#!/usr/bin/env node
/**
 * Runs the built app in Electron (`npm start` builds first). Finds the binary without letting
 * the electron package try to download it, and says plainly what to do when it is absent.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './electron-binary.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
let binary = findElectronBinary({ root });

/** Electron's own installer fetches the binary from GitHub; give it one bounded try. */
function tryDownload() {
  const installer = join(root, 'node_modules', 'electron', 'install.js');
  if (!existsSync(installer)) return 'the electron package is not installed (run npm install)';
  console.error('Downloading the Electron binary (first start only)…');
  const result = spawnSync(process.execPath, [installer], { cwd: root, stdio: 'inherit', timeout: 120_000 });
  if (result.error) return result.error.message;
  return result.status === 0 ? null : `the download failed (exit code ${result.status})`;
}

if (!binary.found) {
  const failure = tryDownload();
  binary = findElectronBinary({ root });
  if (!binary.found && failure) binary = { ...binary, reason: `${binary.reason}; ${failure}` };
}

if (!binary.found) {
  console.error(
    [
      'The Electron binary is not installed on this machine, and it could not be downloaded',
      '(Electron fetches it from GitHub on first start; this machine cannot reach it).',
      '',
      'To use the app here, run:  npm run preview',
      'It runs the same renderer and services in a local Chromium window.',
      '',
      `(Looked for: ${binary.path ?? 'the electron package'}; ${binary.reason}.)`,
    ].join('\n'),
  );
  process.exit(1);
}

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
