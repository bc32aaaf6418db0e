#!/usr/bin/env node
/**
 * `npm run build`: the renderer (vite) and then the Electron bundles (build-electron.mjs), with
 * one line of output when it works. Their logs are kept and printed in full only when a step
 * fails, so `npm start` and `npm run preview` open with a line, not seventy.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const steps = [
  { name: 'vite build', args: [join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js'), 'build'] },
  { name: 'scripts/build-electron.mjs', args: [join(root, 'scripts', 'build-electron.mjs')] },
];

/** Runs one step with its output captured (both streams, in order); resolves to its exit code and output. */
function run({ args }) {
  return new Promise((resolve) => {
    const output = [];
    // Piped, the tools would drop their colours; keep them when the log may end up on a terminal.
    const env = process.stderr.isTTY ? { ...process.env, FORCE_COLOR: '1' } : process.env;
    const child = spawn(process.execPath, args, { cwd: root, env });
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('error', (error) => resolve({ code: 1, output: `${error.message}\n` }));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output: Buffer.concat(output).toString() }));
  });
}

/** Builds dist/; prints one line on success, everything on failure. Resolves to whether it worked. */
export async function build() {
  const started = performance.now();
  for (const step of steps) {
    const { code, output } = await run(step);
    if (code !== 0) {
      process.stderr.write(output);
      console.error(`\nThe build failed in ${step.name} (exit code ${code}); its output is above.`);
      return false;
    }
  }
  console.log(`Built the app into dist/ in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.exitCode = (await build()) ? 0 : 1;
}
