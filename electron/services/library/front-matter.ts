import { parse } from 'yaml';
import type { MetadataValue, Problem } from '../../common/model';

export interface FrontMatter {
  metadata: Record<string, MetadataValue>;
  body: string;
  problem: Problem | null;
}

const OPENING = /^---[ \t]*\r?\n/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/m;

/**
 * Splits YAML front matter (between `---` lines at the very top) from the body. A block that does
 * not parse, is not a mapping, or never closes is reported; the file then reads as plain body text
 * with nothing dropped, so the person can see and fix it.
 */
export function splitFrontMatter(text: string): FrontMatter {
  const opening = OPENING.exec(text);
  if (!opening) return { metadata: {}, body: text, problem: null };
  const rest = text.slice(opening[0].length);
  const closing = CLOSING.exec(rest);
  if (!closing) {
    return malformed(text, 'it starts with --- but has no closing --- line');
  }
  const yamlText = rest.slice(0, closing.index);
  const body = rest.slice(closing.index + closing[0].length).replace(/^\r?\n/, '');
  let parsed: unknown;
  try {
    parsed = parse(yamlText, { prettyErrors: false, uniqueKeys: false, maxAliasCount: 100 });
  } catch (error) {
    return malformed(text, firstLine(error instanceof Error ? error.message : String(error)));
  }
  if (parsed === null || parsed === undefined) return { metadata: {}, body, problem: null };
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    return malformed(text, 'it is not a list of "key: value" lines');
  }
  return { metadata: toMetadata(parsed as Record<string, unknown>), body, problem: null };
}

function malformed(text: string, reason: string): FrontMatter {
  return {
    metadata: {},
    body: text,
    problem: {
      code: 'front-matter',
      severity: 'warning',
      message: `The details block at the top of this file (between --- lines) could not be read: ${reason}. The file is shown as written.`,
    },
  };
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/\.$/, '');
}

/** Metadata crosses IPC as JSON, so keep only what survives a JSON round trip. */
function toMetadata(value: Record<string, unknown>): Record<string, MetadataValue> {
  return JSON.parse(JSON.stringify(value)) as Record<string, MetadataValue>;
}
