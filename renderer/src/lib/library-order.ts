import type { BriefingSummary, SortKey } from '../../../electron/common/model';

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/**
 * Orders briefings for the library list. Undated briefings and ones without a source always go
 * last, whichever way the list runs, so they never crowd the top; ties fall back to the title.
 */
export function sortBriefings(briefings: readonly BriefingSummary[], key: SortKey, descending: boolean): BriefingSummary[] {
  const direction = descending ? -1 : 1;
  const field = (briefing: BriefingSummary) => (key === 'date' ? briefing.date : key === 'source' ? briefing.source : briefing.title);
  return [...briefings].sort((a, b) => {
    const left = field(a);
    const right = field(b);
    if (!left || !right) {
      if (left !== right) return left ? -1 : 1;
      return collator.compare(a.title, b.title);
    }
    const order = key === 'date' ? (left < right ? -1 : left > right ? 1 : 0) : collator.compare(left, right);
    return order !== 0 ? order * direction : collator.compare(a.title, b.title);
  });
}

/**
 * The quick title filter: every word typed must appear in the title (or source), in any order,
 * ignoring case and accents, so `biden oil` finds "Remarks by President Biden … Russian Oil".
 */
export function filterBriefings(briefings: readonly BriefingSummary[], query: string): BriefingSummary[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...briefings];
  return briefings.filter((briefing) => {
    const haystack = fold(`${briefing.title} ${briefing.source ?? ''}`);
    return words.every((word) => haystack.includes(word));
  });
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}
