#!/usr/bin/env node
/**
 * Bundles the Electron main process, its search and parse workers and the preload, copies pdf.js for the workers and writes the print fonts (run after `vite build`, which writes
 * dist/renderer). Both become single CommonJS files: the main bundle so the packaged app needs
 * no node_modules, the preload because a sandboxed preload cannot require anything but electron.
 */
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { printFontCss } from './print-fonts.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Electron 45 ships Node 22, and the project needs Node >= 22.12 (package.json engines) for the rest. */
const shared = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  external: ['electron'],
  sourcemap: 'linked',
  logLevel: 'warning',
  // A bundle finds its own file by __filename; code that falls back on import.meta.url when run as ESM never reaches it here.
  logOverride: { 'empty-import-meta': 'silent' },
  absWorkingDir: root,
};

const outputs = [
  { entry: 'electron/main/index.ts', out: 'dist/main/index.cjs' },
  { entry: 'electron/preload/index.ts', out: 'dist/preload/index.cjs' },
  { entry: 'electron/services/search/search-worker.ts', out: 'dist/main/search-worker.cjs' },
  { entry: 'electron/services/library/parse-worker.ts', out: 'dist/main/parse-worker.cjs' },
];

await Promise.all(outputs.map(({ entry, out }) => build({ ...shared, entryPoints: [join(root, entry)], outfile: join(root, out) })));

// A preload that requires a local file fails only at runtime, in a window, silently; refuse to
// produce one. esbuild writes external imports as require("name").
const preload = await readFile(join(root, 'dist/preload/index.cjs'), 'utf8');
const required = [...preload.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((match) => match[1]);
const strays = required.filter((name) => name !== 'electron');
if (strays.length > 0 || /\brequire\(\s*[^"'`\s]/.test(preload)) {
  console.error(`build-electron: the preload must require only "electron", but it requires: ${strays.join(', ') || 'a computed path'}`);
  process.exit(1);
}

// pdf.js for the parse and search workers, which extract PDFs' text: its legacy build (the one that
// runs in Node), CMaps and standard fonts, in the package's own layout beside the bundles (see
// electron/services/library/pdf/pdfjs.ts). It is ESM that the CommonJS workers import() at run time,
// so it is copied rather than bundled; a package unpacks it from the asar with the workers.
const pdfjsPackage = dirname(createRequire(join(root, 'package.json')).resolve('pdfjs-dist/package.json'));
const pdfjsCopy = join(root, 'dist/main/pdfjs');
await rm(pdfjsCopy, { recursive: true, force: true });
for (const part of ['package.json', 'LICENSE', 'legacy/build/pdf.mjs', 'legacy/build/pdf.worker.mjs', 'cmaps', 'standard_fonts']) {
  await cp(join(pdfjsPackage, part), join(pdfjsCopy, part), { recursive: true });
}

// The notes PDF's fonts, read by the services when printing (see print-fonts.mjs).
await writeFile(join(root, 'dist/main/print-fonts.css'), await printFontCss());

for (const { out } of outputs) console.log(`built ${relative(process.cwd(), join(root, out)) || out}`);
