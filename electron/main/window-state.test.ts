import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EventEmitter } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserWindow } from 'electron';
import { fitToDisplays, loadWindowPlacement, parseWindowState, trackWindowState, WINDOW_STATE_FILE } from './window-state';

const laptop = { workArea: { x: 0, y: 0, width: 1440, height: 860 } };
const rightMonitor = { workArea: { x: 1440, y: 0, width: 2560, height: 1400 } };

describe('parseWindowState', () => {
  it('accepts a well-formed state and rejects junk', () => {
    expect(parseWindowState({ x: 1, y: 2, width: 900, height: 600, maximized: true })).toEqual({ x: 1, y: 2, width: 900, height: 600, maximized: true });
    expect(parseWindowState(null)).toBeNull();
    expect(parseWindowState('big')).toBeNull();
    expect(parseWindowState({ x: 1, y: 2, width: -5, height: 600 })).toBeNull();
    expect(parseWindowState({ x: 'a', y: 2, width: 900, height: 600 })).toBeNull();
    expect(parseWindowState({ x: Infinity, y: 2, width: 900, height: 600 })).toBeNull();
  });
});

describe('fitToDisplays', () => {
  it('opens at the default size, centred by the system, when nothing was saved', () => {
    expect(fitToDisplays(null, [laptop])).toEqual({ bounds: { width: 1200, height: 800 }, maximized: false });
  });

  it('keeps a window that is fully visible exactly where it was', () => {
    const saved = { x: 100, y: 50, width: 1000, height: 700, maximized: false };
    expect(fitToDisplays(saved, [laptop])).toEqual({ bounds: { x: 100, y: 50, width: 1000, height: 700 }, maximized: false });
  });

  it('keeps a window on a second monitor that is still attached', () => {
    const saved = { x: 2000, y: 100, width: 1600, height: 1000, maximized: true };
    expect(fitToDisplays(saved, [laptop, rightMonitor])).toEqual({ bounds: { x: 2000, y: 100, width: 1600, height: 1000 }, maximized: true });
  });

  it('centres on the primary display a window whose monitor was unplugged', () => {
    const saved = { x: 2000, y: 100, width: 1600, height: 1000, maximized: false };
    expect(fitToDisplays(saved, [laptop])).toEqual({ bounds: { width: 1440, height: 860 }, maximized: false });
  });

  it('pulls a window hanging off an edge fully onto the display', () => {
    const saved = { x: 1200, y: -40, width: 1000, height: 700, maximized: false };
    expect(fitToDisplays(saved, [laptop])).toEqual({ bounds: { x: 440, y: 0, width: 1000, height: 700 }, maximized: false });
  });

  it('shrinks a window larger than the display to its work area', () => {
    const saved = { x: 0, y: 0, width: 3000, height: 2000, maximized: false };
    expect(fitToDisplays(saved, [laptop])).toEqual({ bounds: { x: 0, y: 0, width: 1440, height: 860 }, maximized: false });
  });

  it('does not trust a sliver that is barely on screen', () => {
    const saved = { x: 1400, y: 800, width: 1000, height: 700, maximized: false };
    expect(fitToDisplays(saved, [laptop]).bounds).toEqual({ width: 1000, height: 700 });
  });

  it('respects the work area offset (a menu bar or a taskbar on the left)', () => {
    const area = { workArea: { x: 64, y: 25, width: 1376, height: 835 } };
    const saved = { x: 0, y: 0, width: 800, height: 600, maximized: false };
    expect(fitToDisplays(saved, [area]).bounds).toEqual({ x: 64, y: 25, width: 800, height: 600 });
  });

  it('raises a tiny saved size to the minimum', () => {
    const saved = { x: 10, y: 10, width: 200, height: 100, maximized: false };
    expect(fitToDisplays(saved, [laptop]).bounds).toEqual({ x: 10, y: 10, width: 720, height: 480 });
  });

  it('copes with no displays reported at all', () => {
    expect(fitToDisplays({ x: 0, y: 0, width: 900, height: 600, maximized: false }, [])).toEqual({ bounds: { width: 900, height: 600 }, maximized: false });
  });
});

describe('saving and loading', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'briefing-window-'));
  });
  afterEach(async () => {
    vi.useRealTimers();
    await rm(dir, { recursive: true, force: true });
  });

  function fakeWindow(bounds = { x: 5, y: 6, width: 1000, height: 700 }, maximized = false) {
    return Object.assign(new EventEmitter(), {
      getNormalBounds: () => bounds,
      isMaximized: () => maximized,
      isDestroyed: () => false,
    });
  }

  it('falls back to defaults for a missing or damaged file', async () => {
    expect(await loadWindowPlacement(dir, [laptop])).toEqual({ bounds: { width: 1200, height: 800 }, maximized: false });
    await writeFile(join(dir, WINDOW_STATE_FILE), '{not json');
    expect(await loadWindowPlacement(dir, [laptop])).toEqual({ bounds: { width: 1200, height: 800 }, maximized: false });
  });

  it('writes on close and reads back the same placement', async () => {
    const window = fakeWindow({ x: 5, y: 6, width: 1000, height: 700 }, true);
    const tracker = trackWindowState(window as unknown as BrowserWindow, dir);
    window.emit('close');
    await tracker.flush();
    expect(JSON.parse(await readFile(join(dir, WINDOW_STATE_FILE), 'utf8'))).toEqual({ x: 5, y: 6, width: 1000, height: 700, maximized: true });
    expect(await loadWindowPlacement(dir, [laptop])).toEqual({ bounds: { x: 5, y: 6, width: 1000, height: 700 }, maximized: true });
  });

  it('debounces the flood of move and resize events into one write', async () => {
    vi.useFakeTimers();
    const window = fakeWindow();
    const getNormalBounds = vi.spyOn(window, 'getNormalBounds');
    const tracker = trackWindowState(window as unknown as BrowserWindow, dir);
    for (let i = 0; i < 50; i++) window.emit(i % 2 ? 'move' : 'resize');
    expect(getNormalBounds).not.toHaveBeenCalled();
    vi.advanceTimersByTime(600);
    expect(getNormalBounds).toHaveBeenCalledTimes(1);
    vi.useRealTimers();
    await tracker.flush();
    expect(JSON.parse(await readFile(join(dir, WINDOW_STATE_FILE), 'utf8'))).toMatchObject({ width: 1000, height: 700 });
  });
});
