import { join } from 'node:path';
import { afterEach } from 'vitest';
import { createBriefingServices, type BriefingServices } from '../app/briefing-services';
import { dispatch } from '../app/dispatch';
import type { HostPorts } from '../app/host-ports';
import { useTempDirs } from './temp-dir';
import { searchWorkerBundle } from './worker-bundle';

export const sampleLibrary = new URL('../../../content', import.meta.url).pathname;

/** Ports whose dialogs are always cancelled and whose links are never confirmed; a test overrides what it exercises. */
export const noDialogs: HostPorts = {
  chooseFolder: async () => null,
  confirmExternalLink: async () => false,
  openInBrowser: async () => undefined,
  chooseExportPath: async () => null,
  printToPdf: async () => {
    throw new Error('nothing is printed in these tests');
  },
  showInFolder: async () => undefined,
  chooseImportFiles: async () => [],
};

/**
 * Real services on a temporary user-data folder (the sample library is copied to a temporary
 * "Documents/Library" on first open), called through `dispatch` as a host would. Stopped after each test.
 */
export function useServices(): (ports?: Partial<HostPorts>) => Promise<{
  base: string;
  api: BriefingServices;
  call: (method: unknown, ...args: unknown[]) => ReturnType<typeof dispatch>;
  logged: unknown[];
  searchWorker: string;
}> {
  const tempDir = useTempDirs();
  const running: BriefingServices[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((services) => services.dispose()));
  });
  return async (ports = {}) => {
    const base = await tempDir();
    const searchWorker = await searchWorkerBundle();
    const api = createBriefingServices(
      {
        userData: join(base, 'user-data'),
        sampleLibrary,
        defaultLibrary: join(base, 'Documents', 'Library'),
        searchWorker,
        printFonts: join(base, 'no-fonts.css'),
      },
      { ...noDialogs, ...ports },
      () => undefined,
    );
    running.push(api);
    const logged: unknown[] = [];
    const call = (method: unknown, ...args: unknown[]) => dispatch(api, method, args, (_message, error) => logged.push(error));
    return { base, api, call, logged, searchWorker };
  };
}
