/**
 * One schema per shape of the W3C Web Annotation data the app stores
 * (https://www.w3.org/TR/annotation-model/): the types in annotation-model.ts are inferred from
 * these, and the same schemas check an annotation from the renderer and read one from a sidecar.
 *
 * Reading is as lenient as the model allows, so another W3C tool's annotations are read, not
 * quarantined: `selector` may be one object or a list in any order (each picked by its `type`),
 * `body` one object, a list or absent, and our `briefing:` extension keys may be missing
 * (defaulted: the first colour, no fingerprint). Keys the app does not know are kept as they are.
 * What is read comes out in one shape: the quote first, then the position, then any other selectors.
 */
import * as v from 'valibot';
import { nonEmptyText, offset, oneOf, openRecord, text } from './fields';

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

export const COLOUR_SLOTS = ['c1', 'c2', 'c3', 'c4', 'c5'] as const;
export const colourSlot = oneOf(COLOUR_SLOTS);
/** The five highlight colours; their meanings are editable (see ColourMeanings). */
export type ColourSlot = v.InferOutput<typeof colourSlot>;

const MAX_TEXT = 100_000;
const MAX_CONTEXT = 1000;

/** W3C TextQuoteSelector: the quoted text with about 32 characters of context either side. */
export const textQuoteSelector = openRecord({
  type: v.literal('TextQuoteSelector'),
  exact: text(MAX_TEXT),
  prefix: v.optional(text(MAX_CONTEXT), ''),
  suffix: v.optional(text(MAX_CONTEXT), ''),
});

/** W3C TextPositionSelector: character offsets into the article's rendered text (Article text). */
export const textPositionSelector = v.pipe(
  openRecord({ type: v.literal('TextPositionSelector'), start: offset, end: offset }),
  v.check((selector) => selector.end >= selector.start, 'a TextPositionSelector must not end before it starts'),
);

const KNOWN_SELECTORS: readonly string[] = ['TextQuoteSelector', 'TextPositionSelector'];

/** Any other selector (RangeSelector, XPathSelector, FragmentSelector …): kept, not used. */
const otherSelector = openRecord({
  type: v.pipe(
    text(200),
    v.check((type) => !KNOWN_SELECTORS.includes(type)),
  ),
});

const selector = v.variant('type', [textQuoteSelector, textPositionSelector, otherSelector], 'each selector must be an object with a type');

/** Where a highlight without a position selector is looked for: anchoring then searches the whole text for its quote. */
const UNKNOWN_POSITION = { type: 'TextPositionSelector', start: 0, end: 0 } as const;

const selectors = v.pipe(
  v.union([selector, v.pipe(v.array(selector), v.maxLength(20))], 'selector must be a selector or a list of at most 20'),
  v.transform((value) => (Array.isArray(value) ? value : [value])),
  v.check((list) => list.some((item) => item.type === 'TextQuoteSelector'), 'it has no TextQuoteSelector, so there is no text to show'),
  v.transform((list) => {
    const quote = list.find((item) => item.type === 'TextQuoteSelector') as TextQuoteSelector;
    const position = (list.find((item) => item.type === 'TextPositionSelector') as TextPositionSelector | undefined) ?? { ...UNKNOWN_POSITION };
    const others = list.filter((item) => !KNOWN_SELECTORS.includes(item.type)) as OtherSelector[];
    return [quote, position, ...others] as [TextQuoteSelector, TextPositionSelector, ...OtherSelector[]];
  }),
);

export type TextQuoteSelector = v.InferOutput<typeof textQuoteSelector>;
export type TextPositionSelector = v.InferOutput<typeof textPositionSelector>;
export type OtherSelector = v.InferOutput<typeof otherSelector>;

/**
 * A comment or a tag. `purpose` `commenting` holds the comment (Markdown), `tagging` one tag each;
 * another tool's body with no purpose is its comment.
 */
export const textualBody = openRecord({
  type: v.literal('TextualBody'),
  purpose: v.optional(text(100)),
  value: text(MAX_TEXT),
  format: v.optional(text(100)),
});
export type TextualBody = v.InferOutput<typeof textualBody>;

const bodies = v.pipe(
  v.optional(v.union([textualBody, v.pipe(v.array(textualBody), v.maxLength(200))], 'each body must be a TextualBody with a value'), []),
  v.transform((value) => (Array.isArray(value) ? value : [value])),
);

export const annotationTarget = openRecord({
  /** The briefing's id (its path relative to the library root). */
  source: text(8192),
  selector: selectors,
  /** Fingerprint of the briefing text the selectors were made on (BriefingSummary.fingerprint); empty when unknown. */
  'briefing:fingerprint': v.optional(text(128), ''),
});
export type AnnotationTarget = v.InferOutput<typeof annotationTarget>;

const time = text(40, 'expected an ISO time');

const annotationFields = openRecord({
  '@context': v.fallback(v.literal(ANNOTATION_CONTEXT), ANNOTATION_CONTEXT),
  /** `urn:uuid:…` for the app's own; another tool's IRI is kept. Stable across edits, the key for merging. */
  id: nonEmptyText(1024),
  type: v.literal('Annotation', 'type must be Annotation'),
  motivation: v.optional(v.union([text(100), v.array(text(100))]), 'highlighting'),
  /** ISO 8601 times; `modified` decides which copy wins a merge. One may be missing: it is taken from the other. */
  created: v.optional(time),
  modified: v.optional(time),
  body: bodies,
  target: annotationTarget,
  /** Colour slot of the highlight (an extension key; W3C has no colour). */
  'briefing:colour': v.optional(colourSlot, COLOUR_SLOTS[0]),
});

export type Annotation = v.InferOutput<typeof annotationFields> & { created: string; modified: string };

export const annotation = v.pipe(
  annotationFields,
  v.check((value) => Boolean(value.created ?? value.modified), 'it has no time it was made (created or modified)'),
  v.transform((value): Annotation => ({ ...value, created: (value.created ?? value.modified)!, modified: (value.modified ?? value.created)! })),
);

/** A deletion remembered long enough that a sync copy cannot bring the annotation back. */
export const annotationTombstone = openRecord({ id: text(1024), deleted: time });
export type AnnotationTombstone = v.InferOutput<typeof annotationTombstone>;
