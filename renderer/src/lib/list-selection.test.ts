import { describe, expect, it } from 'vitest';
import { extendTo, keepPresent, moveCurrent, NO_SELECTION, selectAll, selectOnly, toggle, type ListSelection } from './list-selection';

const rows = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id }));
const ids = (selection: ListSelection) => [...selection.ids].sort();

describe('selectOnly', () => {
  it('makes the row current, anchor and the whole selection', () => {
    expect(selectOnly('b')).toEqual({ current: 'b', anchor: 'b', ids: new Set(['b']) });
  });

  it('selects nothing for no row', () => {
    expect(selectOnly(null)).toBe(NO_SELECTION);
  });
});

describe('toggle', () => {
  it('adds a row, then takes it out again, moving current and anchor to it', () => {
    const added = toggle(selectOnly('a'), 'c');
    expect(ids(added)).toEqual(['a', 'c']);
    expect(added).toMatchObject({ current: 'c', anchor: 'c' });
    const removed = toggle(added, 'a');
    expect(ids(removed)).toEqual(['c']);
    expect(removed).toMatchObject({ current: 'a', anchor: 'a' });
  });

  it('can leave nothing selected while keeping the current row', () => {
    const empty = toggle(selectOnly('b'), 'b');
    expect(empty.ids.size).toBe(0);
    expect(empty.current).toBe('b');
  });

  it('never changes the selection it was given', () => {
    const before = selectOnly('a');
    toggle(before, 'b');
    expect(ids(before)).toEqual(['a']);
  });
});

describe('extendTo', () => {
  it('selects from the anchor to the row, either way, and keeps the anchor', () => {
    const down = extendTo(selectOnly('b'), rows, 3);
    expect(ids(down)).toEqual(['b', 'c', 'd']);
    expect(down).toMatchObject({ current: 'd', anchor: 'b' });
    const up = extendTo(down, rows, 0);
    expect(ids(up)).toEqual(['a', 'b']);
    expect(up).toMatchObject({ current: 'a', anchor: 'b' });
  });

  it('re-draws the range from the anchor rather than adding to what was selected', () => {
    const toggled = toggle(toggle(selectOnly('a'), 'e'), 'c');
    expect(ids(extendTo(toggled, rows, 3))).toEqual(['c', 'd']);
  });

  it('starts at the current row when the anchor is not in the list, else at the row itself', () => {
    const anchorGone: ListSelection = { current: 'b', anchor: 'gone', ids: new Set() };
    expect(ids(extendTo(anchorGone, rows, 2))).toEqual(['b', 'c']);
    expect(extendTo(NO_SELECTION, rows, 2)).toEqual({ current: 'c', anchor: 'c', ids: new Set(['c']) });
  });

  it('ignores a row outside the list', () => {
    const selection = selectOnly('a');
    expect(extendTo(selection, rows, 9)).toBe(selection);
  });
});

describe('selectAll', () => {
  it('selects every row and keeps the current row and anchor', () => {
    const all = selectAll(toggle(selectOnly('a'), 'c'), rows);
    expect(ids(all)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(all).toMatchObject({ current: 'c', anchor: 'c' });
  });

  it('makes the first row current when there was none', () => {
    expect(selectAll(NO_SELECTION, rows)).toMatchObject({ current: 'a', anchor: 'a' });
    expect(selectAll(NO_SELECTION, [])).toEqual({ current: null, anchor: null, ids: new Set() });
  });
});

describe('moveCurrent', () => {
  it('takes a selection of one row (or none) along to the new current row', () => {
    expect(moveCurrent(selectOnly('a'), 'c')).toEqual(selectOnly('c'));
    expect(moveCurrent(NO_SELECTION, 'c')).toEqual(selectOnly('c'));
  });

  it('keeps a selection of several rows and only moves the current row', () => {
    const several = extendTo(selectOnly('a'), rows, 2);
    expect(moveCurrent(several, 'e')).toEqual({ current: 'e', anchor: 'a', ids: several.ids });
  });

  it('changes nothing when the row is already current', () => {
    const selection = selectOnly('a');
    expect(moveCurrent(selection, 'a')).toBe(selection);
  });
});

describe('keepPresent', () => {
  it('drops ids no longer listed and keeps the current row and anchor', () => {
    const all = selectAll(selectOnly('b'), rows);
    const kept = keepPresent(all, [{ id: 'a' }, { id: 'd' }]);
    expect(ids(kept)).toEqual(['a', 'd']);
    expect(kept).toMatchObject({ current: 'b', anchor: 'b' });
  });

  it('returns the same selection when every id is still listed', () => {
    const selection = extendTo(selectOnly('a'), rows, 2);
    expect(keepPresent(selection, rows)).toBe(selection);
    expect(keepPresent(NO_SELECTION, [])).toBe(NO_SELECTION);
  });
});
