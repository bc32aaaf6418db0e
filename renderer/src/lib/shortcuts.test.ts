import { describe, expect, it } from 'vitest';
import { actionFor, SHORTCUTS, type KeyInput } from './shortcuts';

const key = (value: string, extra: Partial<KeyInput> = {}): KeyInput => ({ key: value, ctrlKey: false, metaKey: false, altKey: false, inTextField: false, ...extra });

describe('actionFor', () => {
  it('maps reader keys', () => {
    expect(actionFor(key('Escape'), 'reader')).toBe('back');
    expect(actionFor(key('n'), 'reader')).toBe('next-briefing');
    expect(actionFor(key('['), 'reader')).toBe('previous-briefing');
    expect(actionFor(key('+'), 'reader')).toBe('font-larger');
    expect(actionFor(key('-'), 'reader')).toBe('font-smaller');
    expect(actionFor(key('0'), 'reader')).toBe('font-reset');
  });

  it('lets letters type in text fields, but Ctrl+O still opens a library', () => {
    expect(actionFor(key('t', { inTextField: true }), 'library')).toBeNull();
    expect(actionFor(key('/', { inTextField: true }), 'library')).toBeNull();
    expect(actionFor(key('o', { ctrlKey: true, inTextField: true }), 'library')).toBe('open-library');
  });

  it('leaves browser and system chords alone', () => {
    expect(actionFor(key('n', { ctrlKey: true }), 'reader')).toBeNull();
    expect(actionFor(key('t', { altKey: true }), 'reader')).toBeNull();
  });

  it('does not act on reader keys in the library, where letters move the list', () => {
    expect(actionFor(key('n'), 'library')).toBeNull();
    expect(actionFor(key('Escape'), 'library')).toBeNull();
    expect(actionFor(key('/'), 'library')).toBe('focus-filter');
  });

  it('documents every action it can return in the help table', () => {
    const documented = new Set(SHORTCUTS.map((shortcut) => shortcut.action));
    for (const view of ['library', 'reader'] as const) {
      for (const value of ['?', 't', '/', 'Escape', 'n', 'p', '+', '-', '0']) {
        const action = actionFor(key(value), view);
        if (action) expect(documented.has(action), `${view} ${value} → ${action}`).toBe(true);
      }
    }
  });
});
