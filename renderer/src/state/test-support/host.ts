import { join } from 'node:path';
import { Window } from 'happy-dom';
import { afterEach } from 'vitest';
import { createEventSource, createRawApi } from '../../../../electron/common/bridge';
import type { MethodName } from '../../../../electron/common/contract';
import type { BriefingEvent } from '../../../../electron/common/events';
import { createBriefingServices, type BriefingServices } from '../../../../electron/services/app/briefing-services';
import type { HostPorts } from '../../../../electron/services/app/host-ports';
import { dispatch } from '../../../../electron/services/app/dispatch';
import { noDialogs, sampleLibrary } from '../../../../electron/services/test-support/services-harness';
import { useTempDirs } from '../../../../electron/services/test-support/temp-dir';
import { parseWorkerBundle, searchWorkerBundle } from '../../../../electron/services/test-support/worker-bundle';

/**
 * The renderer's host for unit tests of its state modules: `window.briefing` and
 * `window.briefingEvents` built as the preload builds them, over the real services on a temporary
 * user-data folder (called through `dispatch`, their events delivered as IPC would). Import it
 * before any state module: some subscribe to host events when they load.
 */

interface Hold {
  method: MethodName;
  matches: (args: unknown[]) => boolean;
  released: Promise<void>;
}

// The window state modules read (`window.matchMedia`, the host API). Annotations map offsets to
// ranges in an article a test builds in this window's document, which needs `NodeFilter` as a global.
globalThis.window = new Window() as unknown as typeof globalThis.window;
globalThis.NodeFilter = window.NodeFilter;
// The export dialog reads the locale from `navigator`, which Node before 21 does not have.
if (typeof navigator === 'undefined') Object.defineProperty(globalThis, 'navigator', { value: window.navigator });

const listeners = new Set<(event: BriefingEvent) => void>();
const holds: Hold[] = [];
let services: BriefingServices | null = null;

Object.defineProperty(window, 'briefing', {
  value: createRawApi(async (method, args) => {
    if (!services) throw new Error('No services: call useHost() in the test file and await it in the test.');
    const answer = dispatch(services, method, args);
    const hold = holds.find((candidate) => candidate.method === method && candidate.matches(args));
    if (hold) {
      holds.splice(holds.indexOf(hold), 1);
      await hold.released;
    }
    return answer;
  }),
});
Object.defineProperty(window, 'briefingEvents', {
  value: createEventSource((deliver) => {
    listeners.add(deliver);
    return () => void listeners.delete(deliver);
  }),
});

export interface TestHost {
  services: BriefingServices;
  /** The library the services opened: a copy of the sample library, real files to rename and remove. */
  libraryRoot: string;
  /**
   * Holds back the answer of the next call of `method` whose arguments match, until `release` is
   * called: the way to make one answer arrive after another, as a slow disk would.
   */
  hold(method: MethodName, matches?: (args: unknown[]) => boolean): () => void;
  /** Resolves with the next host event the test wants (the watcher's listing after a change on disk). */
  nextEvent<T extends BriefingEvent>(wanted: (event: BriefingEvent) => event is T): Promise<T>;
}

/** Real services per test, stopped after it; `ports` stand in for the dialogs the person would answer. */
export function useHost(ports: Partial<HostPorts> = {}): () => Promise<TestHost> {
  const tempDir = useTempDirs();
  afterEach(async () => {
    holds.length = 0;
    const stopping = services;
    services = null;
    await stopping?.dispose();
  });
  return async () => {
    const base = await tempDir();
    const libraryRoot = join(base, 'Documents', 'Library');
    services = createBriefingServices(
      {
        userData: join(base, 'user-data'),
        sampleLibrary,
        defaultLibrary: libraryRoot,
        searchWorker: await searchWorkerBundle(),
        parseWorker: await parseWorkerBundle(),
        printFonts: join(base, 'no-fonts.css'),
      },
      { ...noDialogs, ...ports },
      () => undefined,
      (event) => listeners.forEach((listener) => listener(event)),
    );
    return {
      services,
      libraryRoot,
      hold(method, matches = () => true) {
        let release = () => {};
        holds.push({ method, matches, released: new Promise<void>((resolve) => (release = resolve)) });
        return () => release();
      },
      nextEvent(wanted) {
        return new Promise((resolve) => {
          const listener = (event: BriefingEvent) => {
            if (!wanted(event)) return;
            listeners.delete(listener);
            resolve(event);
          };
          listeners.add(listener);
        });
      },
    };
  };
}
