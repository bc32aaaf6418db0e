/**
 * A stand-in for the `electron` module in unit tests of the shell. The real module must never be
 * loaded here: requiring it downloads the Electron binary. Tests mock `electron` with this object
 * and drive lifecycle events by emitting them.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler = vi.fn((handler: (details: { url: string }) => { action: string }) => {
    this.windowOpenHandler = handler;
  });
  executeJavaScript = vi.fn(async (_code: string) => true as unknown);
  printToPDF = vi.fn(async (_options: Record<string, unknown>) => Buffer.from('%PDF-fake'));
  send = vi.fn();
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  static getAllWindows = vi.fn(() => FakeBrowserWindow.instances.filter((window) => !window.destroyed));
  /** Called with each new window, so a test can script a window the code under test creates. */
  static configure: ((window: FakeBrowserWindow) => void) | null = null;

  readonly webContents = new FakeWebContents();
  destroyed = false;
  minimized = false;
  maximized = false;
  loadURL = vi.fn(async (_url: string) => undefined);
  loadFile = vi.fn(async (_path: string) => undefined);
  destroy = vi.fn(() => {
    this.destroyed = true;
  });
  show = vi.fn();
  focus = vi.fn();
  restore = vi.fn(() => {
    this.minimized = false;
  });
  maximize = vi.fn(() => {
    this.maximized = true;
  });
  isMinimized = vi.fn(() => this.minimized);
  isMaximized = vi.fn(() => this.maximized);
  isDestroyed = vi.fn(() => this.destroyed);
  getNormalBounds = vi.fn(() => ({ x: 40, y: 30, width: 1100, height: 760 }));

  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.instances.push(this);
    FakeBrowserWindow.configure?.(this);
  }
}

export function createFakeSession() {
  return {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    webRequest: { onBeforeRequest: vi.fn() },
  };
}

let resolveReady: () => void = () => undefined;
const ready = new Promise<void>((resolve) => {
  resolveReady = resolve;
});

const appEmitter = new EventEmitter();

export const fakeElectron = {
  app: Object.assign(appEmitter, {
    isPackaged: false,
    requestSingleInstanceLock: vi.fn(() => true),
    quit: vi.fn(),
    exit: vi.fn(),
    enableSandbox: vi.fn(),
    whenReady: vi.fn(() => ready),
    getPath: vi.fn((name: string) => `/nonexistent/briefing-test/${name}`),
  }),
  /** Lets a test decide when `app.whenReady()` resolves. */
  becomeReady: () => resolveReady(),
  BrowserWindow: FakeBrowserWindow,
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
  session: { defaultSession: createFakeSession(), fromPartition: vi.fn((_partition: string) => createFakeSession()) },
  ipcMain: { handle: vi.fn() },
  screen: { getAllDisplays: vi.fn(() => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }]) },
  nativeTheme: { shouldUseDarkColors: false },
  dialog: { showOpenDialog: vi.fn(), showMessageBox: vi.fn(), showSaveDialog: vi.fn() },
  shell: { openExternal: vi.fn(async () => undefined), showItemInFolder: vi.fn() },
};

/** Lets queued promise callbacks and timers-at-zero run. */
export async function settle(rounds = 10): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setImmediate(resolve));
}
