import { join } from 'node:path';
import type { BriefingApi } from '../../common/contract';
import { ApiError } from '../../common/errors';
import type { LibrarySnapshot } from '../../common/model';
import { isAllowedExternalUrl } from '../../common/security';
import { LibraryService } from '../library/library-service';
import { ensureSampleLibrary } from '../library/sample-library';
import { SettingsStore } from '../settings/settings-store';
import type { AppPaths, HostPorts } from './host-ports';

/**
 * The implementation of the API contract on plain Node services. Both hosts call it through
 * `dispatch`, after arguments are validated; it holds which library is open.
 */
export function createBriefingServices(paths: AppPaths, ports: HostPorts): BriefingApi {
  const library = new LibraryService(join(paths.userData, 'cache', 'libraries'));
  const settings = new SettingsStore(paths.userData);
  let root: string | null = null;

  async function open(folder: string): Promise<LibrarySnapshot> {
    const snapshot = await library.open(folder);
    root = snapshot.root;
    if (snapshot.available) await settings.rememberLibrary(snapshot.root);
    return snapshot;
  }

  function openRoot(): string {
    if (!root) throw new ApiError('library-unavailable', 'No library is open yet.');
    return root;
  }

  return {
    async openCurrentLibrary() {
      const last = await settings.getLastLibrary();
      return open(last ?? (await ensureSampleLibrary(paths.sampleLibrary, paths.defaultLibrary)));
    },
    async chooseLibrary() {
      const folder = await ports.chooseFolder();
      return folder ? open(folder) : null;
    },
    refreshLibrary: () => open(openRoot()),
    readBriefing: (id) => library.read(openRoot(), id),
    getPreferences: () => settings.getPreferences(),
    setPreferences: (patch) => settings.setPreferences(patch),
    getReadingPosition: (id) => settings.getReadingPosition(openRoot(), id),
    setReadingPosition: (id, fraction) => settings.setReadingPosition(openRoot(), id, fraction),
    async openExternal(url) {
      if (!isAllowedExternalUrl(url)) return false;
      if (!(await ports.confirmExternalLink(url))) return false;
      await ports.openInBrowser(url);
      return true;
    },
  };
}
