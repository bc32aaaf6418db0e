import { join } from 'node:path';
import type { BrowserWindow, Rectangle } from 'electron';
import { debounce } from '../common/async/debounce';
import { SerialQueue } from '../common/async/serial-queue';
import { readJsonOr, writeJson } from '../services/fs/json-file';

/** What is remembered between runs, in `<userData>/window-state.json`. */
export interface SavedWindowState {
  x: number;
  y: number;
  width: number;
  height: number;
  maximized: boolean;
}

/** Bounds to open a window with; no x/y means "let the system centre it". */
export interface WindowPlacement {
  bounds: { x?: number; y?: number; width: number; height: number };
  maximized: boolean;
}

export const DEFAULT_WINDOW_SIZE = Object.freeze({ width: 1200, height: 800 });
const MIN_SIZE = Object.freeze({ width: 720, height: 480 });
/** How much of a saved window must still be on a screen for its position to be trusted. */
const MIN_VISIBLE = Object.freeze({ width: 160, height: 80 });
const SAVE_DELAY_MS = 500;

export const WINDOW_STATE_FILE = 'window-state.json';

/** Accepts only a well-formed saved state; the file is ours but may be damaged or hand-edited. */
export function parseWindowState(raw: unknown): SavedWindowState | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const value = raw as Record<string, unknown>;
  const finite = (key: string) => typeof value[key] === 'number' && Number.isFinite(value[key]);
  if (!['x', 'y', 'width', 'height'].every(finite)) return null;
  if ((value.width as number) <= 0 || (value.height as number) <= 0) return null;
  return {
    x: Math.round(value.x as number),
    y: Math.round(value.y as number),
    width: Math.round(value.width as number),
    height: Math.round(value.height as number),
    maximized: value.maximized === true,
  };
}

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), Math.max(low, high));

/**
 * Places a remembered window on the displays attached now. A monitor may have been unplugged or
 * rearranged since, so a window is only put back where it was if enough of it would be visible;
 * then it is shrunk to fit that display's work area and moved fully onto it. Otherwise it opens
 * centred on the primary display (the first one) at its remembered size, shrunk to fit.
 */
export function fitToDisplays(saved: SavedWindowState | null, displays: ReadonlyArray<{ workArea: Rectangle }>): WindowPlacement {
  const primary = displays[0]?.workArea;
  const wanted = saved ?? { x: 0, y: 0, ...DEFAULT_WINDOW_SIZE, maximized: false };
  const sizeFor = (area: Rectangle | undefined) => ({
    width: area ? clamp(Math.max(wanted.width, MIN_SIZE.width), 0, area.width) : Math.max(wanted.width, MIN_SIZE.width),
    height: area ? clamp(Math.max(wanted.height, MIN_SIZE.height), 0, area.height) : Math.max(wanted.height, MIN_SIZE.height),
  });
  if (!saved) return { bounds: sizeFor(primary), maximized: false };

  let best: { area: Rectangle; visible: number } | null = null;
  for (const { workArea } of displays) {
    const shared = overlap(saved, workArea);
    if (shared.width < MIN_VISIBLE.width || shared.height < MIN_VISIBLE.height) continue;
    const visible = shared.width * shared.height;
    if (!best || visible > best.visible) best = { area: workArea, visible };
  }
  if (!best) return { bounds: sizeFor(primary), maximized: saved.maximized };

  const { width, height } = sizeFor(best.area);
  return {
    bounds: {
      x: clamp(saved.x, best.area.x, best.area.x + best.area.width - width),
      y: clamp(saved.y, best.area.y, best.area.y + best.area.height - height),
      width,
      height,
    },
    maximized: saved.maximized,
  };
}

export async function loadWindowPlacement(userData: string, displays: ReadonlyArray<{ workArea: Rectangle }>): Promise<WindowPlacement> {
  const raw = await readJsonOr<unknown>(join(userData, WINDOW_STATE_FILE), null);
  return fitToDisplays(parseWindowState(raw), displays);
}

/** Reads the state worth remembering; normal bounds, so a maximized window restores to its old size. */
export function captureWindowState(window: Pick<BrowserWindow, 'getNormalBounds' | 'isMaximized'>): SavedWindowState {
  return { ...window.getNormalBounds(), maximized: window.isMaximized() };
}

export interface WindowStateTracker {
  /** Resolves once the last state has been written; call before quitting. */
  flush(): Promise<void>;
}

/**
 * Remembers the window's placement: debounced while it is dragged or resized (those events fire
 * per pixel), and at once when it closes. Writes are chained so an older state never lands last.
 */
export function trackWindowState(window: BrowserWindow, userData: string): WindowStateTracker {
  const file = join(userData, WINDOW_STATE_FILE);
  const writes = new SerialQueue();

  const save = () => {
    saveSoon.cancel();
    if (window.isDestroyed()) return;
    const state = captureWindowState(window);
    writes.run(() => writeJson(file, state)).catch((error: unknown) => console.warn('briefing: could not remember the window position', error));
  };
  const saveSoon = debounce(save, SAVE_DELAY_MS);

  window.on('resize', saveSoon);
  window.on('move', saveSoon);
  window.on('maximize', saveSoon);
  window.on('unmaximize', saveSoon);
  window.on('close', save);
  return { flush: () => writes.idle() };
}
