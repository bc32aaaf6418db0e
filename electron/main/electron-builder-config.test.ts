import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Ajv from 'ajv';
import { minimatch } from 'minimatch';

const root = join(__dirname, '..', '..');
const require = createRequire(join(root, 'package.json'));
interface BuilderConfig {
  appId: string;
  productName: string;
  icon: string;
  asar: boolean;
  asarUnpack: string[];
  files: string[];
  extraResources: unknown;
  directories: { output: string };
  electronFuses: Record<string, boolean>;
  linux: Record<string, unknown>;
  mac: Record<string, unknown>;
  win: Record<string, unknown>;
}
const config = require('./electron-builder.config.cjs') as BuilderConfig;
const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8'));

describe('electron-builder.config.cjs', () => {
  it("matches electron-builder's own configuration schema", () => {
    // The same Ajv settings electron-builder validates with, minus type coercion: a value that
    // only passes by being coerced is a mistake worth seeing.
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    const valid = validate(config);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(valid).toBe(true);
  });

  it('would catch a misspelt option (the validator is not vacuous)', () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(validate({ ...config, electronFuses: { ...config.electronFuses, runAsNodes: false } })).toBe(false);
    expect(validate({ ...config, linux: { ...config.linux, categories: 'Office' } })).toBe(false);
  });

  it('turns off the fuses that would let someone run the app as Node or attach an inspector', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });

  it('builds AppImage and deb, dmg and nsis', () => {
    expect(config.linux).toMatchObject({ target: ['AppImage', 'deb'], category: 'Office' });
    expect(config.mac).toMatchObject({ target: ['dmg'], category: 'public.app-category.productivity' });
    expect(config.win).toMatchObject({ target: ['nsis'] });
  });

  it('identifies the app and writes packages to release/', () => {
    expect(config.appId).toBe('org.briefingreader.app');
    expect(config.productName).toBe('Briefing Reader');
    expect(config.directories.output).toBe('release');
  });

  it('ships the bundles and the sample library, but no sources or source maps', () => {
    expect(config.files).toEqual(expect.arrayContaining(['dist/**/*', 'package.json', '!**/*.map', '!**/*.ts']));
    expect(config.files.some((pattern) => /^electron|^renderer|^src/.test(pattern))).toBe(false);
    expect(config.extraResources).toEqual([{ from: 'content', to: 'content', filter: ['**/*'] }]);
  });

  it('unpacks from the asar the workers and the pdf.js they import, which worker threads cannot read inside it', () => {
    const unpacked = (path: string) => config.asarUnpack.some((pattern) => minimatch(path, pattern));
    // What electron/services/library/pdf/pdfjs.ts loads beside the worker bundles, as scripts/build-electron.mjs lays it out.
    for (const path of [
      'dist/main/parse-worker.cjs',
      'dist/main/search-worker.cjs',
      'dist/main/pdfjs/legacy/build/pdf.mjs',
      'dist/main/pdfjs/legacy/build/pdf.worker.mjs',
      'dist/main/pdfjs/cmaps/UniJIS-UTF16-H.bcmap',
      'dist/main/pdfjs/standard_fonts/FoxitSerif.pfb',
    ])
      expect(unpacked(path), path).toBe(true);
    expect(unpacked('dist/main/index.cjs')).toBe(false);
  });

  it('starts from the main bundle and has an icon big enough for every platform', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(pkg.main).toBe('dist/main/index.cjs');
    const png = readFileSync(join(root, config.icon));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    // IHDR width and height, big-endian, right after the 8-byte signature and chunk header.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1024, 1024]);
  });
});
