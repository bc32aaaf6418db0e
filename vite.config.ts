import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/**
 * pdf.js fetches its CMaps, standard fonts, ICC profile and wasm image decoders at run time; the
 * build copies them into dist/renderer/pdfjs/ so they are served by the app, never fetched from
 * elsewhere (renderer/src/lib/pdf/pdf-document.ts points pdf.js there). Licences travel with them.
 */
function pdfjsAssets(): Plugin {
  const folders = ['cmaps', 'standard_fonts', 'wasm', 'iccs'];
  return {
    name: 'briefing:pdfjs-assets',
    apply: 'build',
    generateBundle() {
      for (const folder of folders) {
        for (const name of readdirSync(join(pdfjsRoot, folder))) {
          this.emitFile({ type: 'asset', fileName: `pdfjs/${folder}/${name}`, source: readFileSync(join(pdfjsRoot, folder, name)) });
        }
      }
    },
  };
}

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [svelte(), pdfjsAssets()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // The CSP allows fonts and images only from the app itself, so nothing may be inlined as data.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    target: 'chrome130',
    sourcemap: true,
  },
});
