/**
 * Hypothesis's JSON export: the rows its public API answers a search with
 * (https://h.readthedocs.io/en/latest/api-reference/: `GET /api/search` -> `{ total, rows }`).
 * A row becomes one of our annotations through the same lenient W3C schema a sidecar is read
 * with (schema/annotation.ts): its selector list (RangeSelector, TextPositionSelector,
 * TextQuoteSelector, in Hypothesis's order) is picked apart by `type`; the RangeSelector is kept.
 */
import * as v from 'valibot';
import { annotation, type Annotation } from './annotation';
import { listOf, openRecord, read, text } from './fields';

const hypothesisRow = openRecord({
  id: text(200),
  created: text(40),
  updated: v.optional(text(40)),
  /** The comment, in Markdown. */
  text: v.optional(text(100_000), ''),
  tags: v.optional(listOf(text(1000), 200), []),
  target: listOf(openRecord({ source: v.optional(text(8192)), selector: v.optional(v.unknown()) }), 20),
  /** Set on a reply: the ids of the thread above it. */
  references: v.optional(v.array(v.unknown()), []),
  links: v.optional(openRecord({ html: v.optional(text(8192)) }), {}),
});

/** An export as the API answers a search (`{ rows }`), or the rows alone. */
const hypothesisExport = v.union(
  [openRecord({ rows: v.array(v.unknown()) }), v.array(v.unknown())],
  'it is not a Hypothesis export (a list of annotations, or an API answer with rows)',
);

export type HypothesisConversion = { ok: true; annotation: Annotation } | { ok: false; reason: string };

/** The rows of an export, or the sentence saying why it is not one. */
export function hypothesisRows(value: unknown): unknown[] | string {
  const parsed = read(hypothesisExport, value);
  if (!parsed.ok) return parsed.problem;
  return Array.isArray(parsed.value) ? parsed.value : parsed.value.rows;
}

/**
 * One Hypothesis row as an annotation of `briefingId` with the given id and fingerprint, or why it
 * cannot be one (a page note quotes nothing; a reply belongs to a thread this app does not show).
 * `via` keeps the row's address on Hypothesis, so importing the same export again adds nothing.
 */
export function fromHypothesis(row: unknown, target: { briefingId: string; fingerprint: string; id: string }): HypothesisConversion {
  const parsed = read(hypothesisRow, row);
  if (!parsed.ok) return { ok: false, reason: `it is not a Hypothesis annotation (${parsed.problem})` };
  const { id, created, updated, text: comment, tags, references, links } = parsed.value;
  if (references.length > 0) return { ok: false, reason: 'it is a reply to another annotation' };
  const selector = parsed.value.target[0]?.selector;
  if (selector === undefined) return { ok: false, reason: 'it is a page note, with no quoted text' };
  const converted = read(annotation, {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: target.id,
    type: 'Annotation',
    motivation: comment.trim() ? 'commenting' : 'highlighting',
    created,
    modified: updated ?? created,
    body: [
      ...(comment.trim() ? [{ type: 'TextualBody', purpose: 'commenting', value: comment, format: 'text/markdown' }] : []),
      ...[...new Set(tags.map((tag) => tag.trim()).filter(Boolean))].map((tag) => ({ type: 'TextualBody', purpose: 'tagging', value: tag })),
    ],
    target: { source: target.briefingId, selector, 'briefing:fingerprint': target.fingerprint },
    via: links.html ?? `https://hypothes.is/a/${id}`,
  });
  return converted.ok ? { ok: true, annotation: converted.value } : { ok: false, reason: `its target cannot be read (${converted.problem})` };
}
