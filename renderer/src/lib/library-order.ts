import { dateInRange } from '../../../electron/common/date-range';
import type { BriefingSummary, Language, ReadingPosition, SortKey } from '../../../electron/common/model';

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

/** Unread: never opened, or opened and left at the top. Read: read to 95 %, or marked read. */
export type ReadState = 'unread' | 'in-progress' | 'read';

/** Rounded down, so a briefing never shows 100 % before it counts as read. */
export const percentRead = (position: ReadingPosition): number => Math.floor(position.fraction * 100);

export function readStateOf(position: ReadingPosition | undefined): ReadState {
  if (position?.read) return 'read';
  return position && percentRead(position) > 0 ? 'in-progress' : 'unread';
}

/** `unread` means every briefing not read yet, the ones in progress too: the pile still to read. */
export type ReadFilter = 'all' | 'unread' | 'in-progress' | 'read';

/** The library's filters besides the title filter; empty values (and `all`) do not filter. */
export interface LibraryFilters {
  read: ReadFilter;
  source: string;
  /** Any of these; none means every language. */
  languages: readonly Language[];
  tag: string;
  /** `YYYY-MM-DD`, as a date field gives it. */
  dateFrom: string;
  dateTo: string;
}

export const NO_FILTERS: LibraryFilters = { read: 'all', source: '', languages: [], tag: '', dateFrom: '', dateTo: '' };

export function hasFilters(filters: LibraryFilters): boolean {
  return filters.read !== 'all' || !!filters.source || filters.languages.length > 0 || !!filters.tag || !!filters.dateFrom || !!filters.dateTo;
}

/** Whether a briefing passes the filters; `position` is its reading state (absent when never opened). */
export function matchesFilters(briefing: BriefingSummary, filters: LibraryFilters, position: ReadingPosition | undefined): boolean {
  if (filters.source && briefing.source !== filters.source) return false;
  if (filters.languages.length > 0 && !filters.languages.includes(briefing.language)) return false;
  if (filters.tag && !briefing.tags.includes(filters.tag)) return false;
  if (!dateInRange(briefing.date, filters.dateFrom, filters.dateTo)) return false;
  if (filters.read === 'all') return true;
  const state = readStateOf(position);
  return filters.read === 'unread' ? state !== 'read' : state === filters.read;
}

/** What the filters offer: the library's sources, tags and languages (undetermined ones have no chip). */
export interface LibraryFacets {
  sources: string[];
  tags: string[];
  languages: Language[];
}

const FILTER_LANGUAGES: readonly Language[] = ['en', 'uk', 'ru'];

export function facetsOf(briefings: readonly BriefingSummary[]): LibraryFacets {
  const sources = new Set<string>();
  const tags = new Set<string>();
  const languages = new Set<Language>();
  for (const briefing of briefings) {
    if (briefing.source) sources.add(briefing.source);
    for (const tag of briefing.tags) tags.add(tag);
    languages.add(briefing.language);
  }
  return {
    sources: [...sources].sort(collator.compare),
    tags: [...tags].sort(collator.compare),
    languages: FILTER_LANGUAGES.filter((language) => languages.has(language)),
  };
}
