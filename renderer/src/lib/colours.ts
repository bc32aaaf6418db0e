import type { ColourSlot } from '../../../electron/common/annotation-model';

/** The keyboard digit for each colour slot (1–5). */
export const COLOUR_KEYS: Record<ColourSlot, string> = { c1: '1', c2: '2', c3: '3', c4: '4', c5: '5' };

export function slotForKey(key: string): ColourSlot | null {
  const entry = Object.entries(COLOUR_KEYS).find(([, digit]) => digit === key);
  return entry ? (entry[0] as ColourSlot) : null;
}
