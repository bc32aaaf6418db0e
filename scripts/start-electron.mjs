#!/usr/bin/env node
/**
 * Runs the built app in Electron (`npm start` builds first). Finds the binary without letting
 * the electron package try to download it, and says plainly what to do when it is absent.
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './electron-binary.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const binary = findElectronBinary({ root });

if (!binary.found) {
  console.error(
    [
      'The Electron binary is not installed on this machine.',
      'It is downloaded from GitHub on first use, which this network does not allow.',
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
