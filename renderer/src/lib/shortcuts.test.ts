import { describe, expect, it } from 'vitest';
import { actionFor, SHORTCUTS, type KeyInput, type ViewName } from './shortcuts';

const key = (value: string, extra: Partial<KeyInput> = {}): KeyInput => ({
  key: value,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  inTextField: false,
  inWidget: false,
  previousKey: null,
  ...extra,
});

describe('actionFor', () => {
  it('maps reader keys', () => {
    expect(actionFor(key('Escape'), 'reader')).toBe('back');
    expect(actionFor(key('n'), 'reader')).toBe('next-briefing');
    expect(actionFor(key('N', { shiftKey: true }), 'reader')).toBe('next-briefing');
    expect(actionFor(key('['), 'reader')).toBe('previous-briefing');
    expect(actionFor(key('+'), 'reader')).toBe('font-larger');
    expect(actionFor(key('-'), 'reader')).toBe('font-smaller');
    expect(actionFor(key('0'), 'reader')).toBe('font-reset');
  });

  it('opens search from anywhere with / or Ctrl+K, and Ctrl+F means filter or find by view', () => {
    for (const view of ['library', 'reader'] as ViewName[]) expect(actionFor(key('/'), view)).toBe('open-search');
    expect(actionFor(key('k', { ctrlKey: true, inTextField: true }), 'library')).toBe('open-search');
    expect(actionFor(key('f', { ctrlKey: true }), 'library')).toBe('focus-filter');
    expect(actionFor(key('f', { ctrlKey: true }), 'reader')).toBe('find-in-article');
    expect(actionFor(key('F3'), 'reader')).toBe('next-hit');
    expect(actionFor(key('F3', { shiftKey: true, inTextField: true }), 'reader')).toBe('previous-hit');
    expect(actionFor(key('g', { ctrlKey: true, shiftKey: true }), 'reader')).toBe('previous-hit');
  });

  it('R marks read in the library (from any control, not only the list) and in the reader, never while typing', () => {
    expect(actionFor(key('r'), 'library')).toBe('toggle-read');
    expect(actionFor(key('r'), 'reader')).toBe('toggle-read');
    expect(actionFor(key('r', { inTextField: true }), 'library')).toBeNull();
    expect(actionFor(key('r'), 'search')).toBeNull();
    expect(actionFor(key('r'), 'notes')).toBeNull();
  });

  it('maps the annotation keys in the reader, leaving undo to text fields', () => {
    expect(actionFor(key('h'), 'reader')).toBe('highlight');
    expect(actionFor(key('3'), 'reader')).toBe('pick-colour');
    expect(actionFor(key('c'), 'reader')).toBe('comment');
    expect(actionFor(key('z', { ctrlKey: true }), 'reader')).toBe('undo');
    expect(actionFor(key('Z', { ctrlKey: true, shiftKey: true }), 'reader')).toBe('redo');
    expect(actionFor(key('z', { ctrlKey: true, inTextField: true }), 'reader')).toBeNull();
    expect(actionFor(key('h'), 'library')).toBeNull();
  });

  it('moves the paragraph focus with J/K and ↓/↑ in the reader, leaving arrows to lists and menus', () => {
    for (const value of ['j', 'k', 'ArrowDown', 'ArrowUp']) expect(actionFor(key(value), 'reader')).toBe('move-paragraph');
    expect(actionFor(key('ArrowDown', { inWidget: true }), 'reader')).toBeNull();
    expect(actionFor(key('j', { inTextField: true }), 'reader')).toBeNull();
    expect(actionFor(key('ArrowDown'), 'library')).toBeNull();
  });

  it('steps the selection by word with Shift+arrows, by sentence with Shift+Alt+arrows, and moves its start with arrows', () => {
    expect(actionFor(key('ArrowRight', { shiftKey: true }), 'reader')).toBe('extend-selection');
    expect(actionFor(key('ArrowLeft', { shiftKey: true, altKey: true }), 'reader')).toBe('extend-selection');
    expect(actionFor(key('ArrowLeft'), 'reader')).toBe('move-selection-start');
    expect(actionFor(key('ArrowRight', { shiftKey: true, inTextField: true }), 'reader')).toBeNull();
    expect(actionFor(key('ArrowLeft', { altKey: true }), 'reader')).toBeNull();
  });

  it('turns the find match into a selection with Ctrl+Enter, except in a text field (the find bar handles its own)', () => {
    expect(actionFor(key('Enter', { ctrlKey: true }), 'reader')).toBe('select-match');
    expect(actionFor(key('Enter', { ctrlKey: true, inTextField: true }), 'reader')).toBeNull();
  });

  it('opens the notes view with G then N from every view, and N alone still means next briefing', () => {
    for (const view of ['library', 'search', 'reader'] as ViewName[]) expect(actionFor(key('n', { previousKey: 'g' }), view)).toBe('open-notes');
    expect(actionFor(key('n'), 'reader')).toBe('next-briefing');
    expect(actionFor(key('n', { previousKey: 'g', inTextField: true }), 'library')).toBeNull();
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
  });

  it('documents every action it can return in the help table', () => {
    const documented = new Set(SHORTCUTS.map((shortcut) => shortcut.action));
    for (const view of ['library', 'search', 'reader'] as const) {
      for (const value of [
        '?',
        't',
        '/',
        'Escape',
        'n',
        'p',
        '+',
        '-',
        '0',
        'F3',
        'h',
        'c',
        '1',
        '5',
        'j',
        'ArrowDown',
        'ArrowRight',
        'Ctrl+e',
        'Ctrl+Enter',
      ]) {
        const [ctrl, letter] = value.startsWith('Ctrl+') ? [true, value.slice(5)] : [false, value];
        const action = actionFor(key(letter, { ctrlKey: ctrl }), view);
        if (action) expect(documented.has(action), `${view} ${value} → ${action}`).toBe(true);
      }
    }
  });

  it('on a PDF, + − 0 zoom (with or without Ctrl), the page keys turn pages, and arrows and J/K scroll', () => {
    const pdf = { inPdf: true };
    expect(actionFor(key('+', { ...pdf, ctrlKey: true }), 'reader')).toBe('zoom-in');
    expect(actionFor(key('=', { ...pdf, ctrlKey: true }), 'reader')).toBe('zoom-in');
    expect(actionFor(key('-', { ...pdf, ctrlKey: true }), 'reader')).toBe('zoom-out');
    expect(actionFor(key('0', { ...pdf, ctrlKey: true }), 'reader')).toBe('zoom-fit');
    expect(actionFor(key('+', pdf), 'reader')).toBe('zoom-in');
    expect(actionFor(key('-', pdf), 'reader')).toBe('zoom-out');
    for (const value of ['PageDown', 'PageUp', 'Home', 'End']) expect(actionFor(key(value, pdf), 'reader')).toBe('turn-page');
    for (const value of ['ArrowDown', 'ArrowUp', 'ArrowRight', 'j', 'k']) expect(actionFor(key(value, pdf), 'reader')).toBeNull();
    // Everything else acts as on any briefing.
    expect(actionFor(key('h', pdf), 'reader')).toBe('highlight');
    expect(actionFor(key('f', { ...pdf, ctrlKey: true }), 'reader')).toBe('find-in-article');
  });

  it('leaves the page keys to a text field (the page box, find) and to lists, and Ctrl+0 to text briefings', () => {
    expect(actionFor(key('PageDown', { inPdf: true, inTextField: true }), 'reader')).toBeNull();
    expect(actionFor(key('0', { inPdf: true, inTextField: true, ctrlKey: true }), 'reader')).toBeNull();
    expect(actionFor(key('Home', { inPdf: true, inWidget: true }), 'reader')).toBeNull();
    expect(actionFor(key('PageDown'), 'reader')).toBeNull();
    expect(actionFor(key('0', { ctrlKey: true }), 'reader')).toBeNull();
  });
});
