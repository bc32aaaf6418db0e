import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { resolveRuntimePaths } from './runtime-paths';

const base = { userData: '/u/data', documents: '/home/me/Documents', resourcesPath: '/opt/Briefing Reader/resources' };

describe('resolveRuntimePaths', () => {
  it('finds the renderer and preload beside the main bundle', () => {
    const paths = resolveRuntimePaths({ ...base, bundleDir: join('/repo', 'dist', 'main'), isPackaged: false });
    expect(paths.rendererDir).toBe(join('/repo', 'dist', 'renderer'));
    expect(paths.preloadPath).toBe(join('/repo', 'dist', 'preload', 'index.cjs'));
  });

  it('uses the repo content folder in development and the resources folder when packaged', () => {
    expect(resolveRuntimePaths({ ...base, bundleDir: join('/repo', 'dist', 'main'), isPackaged: false }).sampleLibrary).toBe(join('/repo', 'content'));
    expect(resolveRuntimePaths({ ...base, bundleDir: join(base.resourcesPath, 'app.asar', 'dist', 'main'), isPackaged: true }).sampleLibrary).toBe(
      join(base.resourcesPath, 'content'),
    );
  });

  it('puts the writable default library in Documents and keeps userData as given', () => {
    const paths = resolveRuntimePaths({ ...base, bundleDir: '/repo/dist/main', isPackaged: true });
    expect(paths.defaultLibrary).toBe(join('/home/me/Documents', 'Briefing Reader Library'));
    expect(paths.userData).toBe('/u/data');
  });

  it('starts the search and parse workers from outside the asar archive when packaged', () => {
    const dev = resolveRuntimePaths({ ...base, bundleDir: join('/repo', 'dist', 'main'), isPackaged: false });
    expect([dev.searchWorker, dev.parseWorker]).toEqual([
      join('/repo', 'dist', 'main', 'search-worker.cjs'),
      join('/repo', 'dist', 'main', 'parse-worker.cjs'),
    ]);
    const packaged = resolveRuntimePaths({ ...base, bundleDir: join(base.resourcesPath, 'app.asar', 'dist', 'main'), isPackaged: true });
    expect([packaged.searchWorker, packaged.parseWorker]).toEqual([
      join(base.resourcesPath, 'app.asar.unpacked', 'dist', 'main', 'search-worker.cjs'),
      join(base.resourcesPath, 'app.asar.unpacked', 'dist', 'main', 'parse-worker.cjs'),
    ]);
  });
});
