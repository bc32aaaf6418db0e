/**
 * Multi-selection in a list, the way a desktop file list does it. Pure: every change returns a
 * new selection (the state holds it raw and replaces it whole) and takes the list's order as it
 * is shown, so a range means what the person sees between two rows.
 */
export interface ListSelection {
  /** The row the keyboard is on: Enter opens it, Space toggles it. Not necessarily selected. */
  readonly current: string | null;
  /** Where Shift+click and Shift+arrows extend a range from: the last row clicked or toggled. */
  readonly anchor: string | null;
  /** A Set, so a 10,000-row list asks "is this row selected?" in O(1) per painted row. */
  readonly ids: ReadonlySet<string>;
}

interface Row {
  readonly id: string;
}

export const NO_SELECTION: ListSelection = { current: null, anchor: null, ids: new Set() };

/** A plain click or arrow key: the row becomes the current row, the anchor and the whole selection. */
export function selectOnly(id: string | null): ListSelection {
  return id === null ? NO_SELECTION : { current: id, anchor: id, ids: new Set([id]) };
}

/** Ctrl/Cmd+click or Space: the row goes in or out of the selection, and the next range starts there. */
export function toggle(selection: ListSelection, id: string): ListSelection {
  const ids = new Set(selection.ids);
  if (ids.has(id)) ids.delete(id);
  else ids.add(id);
  return { current: id, anchor: id, ids };
}

/**
 * Shift+click or Shift+arrows: the selection becomes the rows from the anchor to `order[index]`,
 * which becomes current. The anchor stays, so extending again re-draws the range from the same
 * row instead of adding to it. Without an anchor in the list, the range starts at the current row.
 */
export function extendTo(selection: ListSelection, order: readonly Row[], index: number): ListSelection {
  const target = order[index];
  if (!target) return selection;
  let from = indexOf(order, selection.anchor);
  if (from < 0) from = indexOf(order, selection.current);
  if (from < 0) from = index;
  const ids = new Set(order.slice(Math.min(from, index), Math.max(from, index) + 1).map((row) => row.id));
  return { current: target.id, anchor: order[from].id, ids };
}

/** Ctrl+A: every row shown. The current row stays (or is the first, if there was none). */
export function selectAll(selection: ListSelection, order: readonly Row[]): ListSelection {
  const current = selection.current ?? order[0]?.id ?? null;
  return { current, anchor: selection.anchor ?? current, ids: new Set(order.map((row) => row.id)) };
}

/**
 * The current row moved from outside the list (the reader opened a briefing, or stepped to the
 * next one): a selection of one row follows it, as it always has; a larger one is work the person
 * did and stays as it is.
 */
export function moveCurrent(selection: ListSelection, id: string | null): ListSelection {
  if (id === selection.current) return selection;
  return selection.ids.size > 1 ? { ...selection, current: id } : selectOnly(id);
}

/**
 * Drops the selected ids no longer in `order` (filtered out, or gone from the library). Returns
 * the same object when nothing dropped, so nothing that reads the selection is invalidated.
 */
export function keepPresent(selection: ListSelection, order: readonly Row[]): ListSelection {
  if (selection.ids.size === 0) return selection;
  const ids = new Set<string>();
  for (const row of order) if (selection.ids.has(row.id)) ids.add(row.id);
  return ids.size === selection.ids.size ? selection : { ...selection, ids };
}

function indexOf(order: readonly Row[], id: string | null): number {
  return id === null ? -1 : order.findIndex((row) => row.id === id);
}
