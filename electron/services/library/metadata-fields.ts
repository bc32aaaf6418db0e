import type { MetadataValue } from '../../common/model';

/** The first of `keys` holding a non-empty string (numbers are read as strings too). */
export function firstText(metadata: Record<string, MetadataValue>, ...keys: string[]): string | null {
  for (const key of keys) {
    const value = metadata[key];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
    if (typeof value === 'number') return String(value);
  }
  return null;
}

/** Tags from `tags`, or else `topics`/`keywords`: a YAML list or a comma/semicolon separated string. */
export function tagsOf(metadata: Record<string, MetadataValue>): string[] {
  for (const key of ['tags', 'topics', 'keywords']) {
    const value = metadata[key];
    const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[,;]/) : [];
    const tags = items
      .filter((item): item is string => typeof item === 'string')
      .map((item) => item.trim())
      .filter(Boolean);
    if (tags.length > 0) return [...new Set(tags)];
  }
  return [];
}

/**
 * What links a briefing to its translations: front matter `pair_id` (or `pairId`). Briefings with
 * the same value are one text in several languages. A one-sided link (`translation_of: <file>`)
 * is not read: the original would not know its translation.
 */
export function pairIdOf(metadata: Record<string, MetadataValue>): string | null {
  return firstText(metadata, 'pair_id', 'pairId');
}

/** An http(s) URL from metadata, or null: other schemes are never offered as links. */
export function urlOf(metadata: Record<string, MetadataValue>, ...keys: string[]): string | null {
  const value = firstText(metadata, ...keys);
  return value && /^https?:\/\//i.test(value) ? value : null;
}

/** A readable title from a file name: `2022-03-08-white-house-remarks.md` → `White house remarks`. */
export function titleFromFileName(id: string): string {
  const base = id.split('/').pop() ?? id;
  const words = base
    .replace(/\.[^.]+$/, '')
    .replace(/^\d{4}-\d{2}-\d{2}[-_ ]*/, '')
    .replace(/[-_]+/g, ' ')
    .trim();
  return words ? words[0].toUpperCase() + words.slice(1) : base;
}

/**
 * A title made from the first sentence of a text, its spaces plain ones (web text often joins
 * words with no-break spaces). A longer sentence is cut at the last space before `maxLength`,
 * never inside a word, and loses the punctuation the cut leaves hanging before the "…".
 */
export function titleFromText(text: string, maxLength = 90): string | null {
  const firstLine = text
    .split('\n')
    .map((line) => line.replace(/\s+/gu, ' ').trim())
    .find(Boolean);
  if (!firstLine) return null;
  const sentence = /^(.+?[.!?])( |$)/u.exec(firstLine)?.[1] ?? firstLine;
  if (sentence.length <= maxLength) return sentence.replace(/[.]$/, '');
  const words = /^(.*\S) /u.exec(sentence.slice(0, maxLength + 1))?.[1] ?? sentence.slice(0, maxLength);
  return `${words.replace(/[ ,;:(«“‘—–-]+$/u, '')}…`;
}

export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0;
}
