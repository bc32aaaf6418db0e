/**
 * The 1-based number of the part (paragraph, page) an offset of a text falls in, given where each
 * part starts (ascending). An offset before the first start counts as the first part, one past the
 * end as the last; null when there are no parts or the offset is not a number.
 */
export function ordinalAt(starts: readonly number[], offset: number): number | null {
  if (starts.length === 0 || !Number.isFinite(offset)) return null;
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (starts[middle] <= offset) low = middle + 1;
    else high = middle;
  }
  return Math.max(1, low);
}
