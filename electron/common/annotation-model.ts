/**
 * Annotations as stored: W3C Web Annotation Data Model JSON (https://www.w3.org/TR/annotation-model/),
 * one sidecar file per briefing under `<library>/.briefing/annotations/<briefing path>.json`.
 * Keys the app does not know are kept as they are when a file is rewritten, so other tools' data
 * survives. Everything here is plain JSON.
 */

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** The five highlight colours; their meanings are editable (see ColourMeanings). */
export type ColourSlot = 'c1' | 'c2' | 'c3' | 'c4' | 'c5';
export const COLOUR_SLOTS: readonly ColourSlot[] = ['c1', 'c2', 'c3', 'c4', 'c5'];

export type ColourMeanings = Record<ColourSlot, string>;
export const DEFAULT_COLOUR_MEANINGS: ColourMeanings = {
  c1: 'Key point',
  c2: 'Question',
  c3: 'Action',
  c4: 'Disagree',
  c5: 'Follow-up',
};

/** W3C TextQuoteSelector: the quoted text with about 32 characters of context either side. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** W3C TextPositionSelector: character offsets into the article's rendered text (Article text). */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface TextualBody {
  type: 'TextualBody';
  /** `commenting` holds the comment (Markdown), `tagging` one tag each. */
  purpose: 'commenting' | 'tagging';
  value: string;
  format?: 'text/markdown' | 'text/plain';
  [extension: string]: unknown;
}

export interface AnnotationTarget {
  /** The briefing's id (its path relative to the library root). */
  source: string;
  selector: [TextQuoteSelector, TextPositionSelector];
  /** Fingerprint of the briefing text the selectors were made on (BriefingSummary.fingerprint). */
  'briefing:fingerprint': string;
  [extension: string]: unknown;
}

export interface Annotation {
  '@context': typeof ANNOTATION_CONTEXT;
  /** `urn:uuid:…`; stable across edits, the key for merging. */
  id: string;
  type: 'Annotation';
  motivation: 'highlighting' | 'commenting';
  /** ISO 8601 times; `modified` decides which copy wins a merge. */
  created: string;
  modified: string;
  body: TextualBody[];
  target: AnnotationTarget;
  /** Colour slot of the highlight (an extension key; W3C has no colour). */
  'briefing:colour': ColourSlot;
  [extension: string]: unknown;
}

/** A deletion remembered long enough that a sync copy cannot bring the annotation back. */
export interface AnnotationTombstone {
  id: string;
  deleted: string;
}

/** The content of one sidecar file: a W3C AnnotationPage with our extension keys. */
export interface AnnotationSidecar {
  '@context': typeof ANNOTATION_CONTEXT;
  type: 'AnnotationPage';
  /** The briefing this page annotates, with its fingerprint when last written (for finding it after a rename). */
  'briefing:source': string;
  'briefing:fingerprint': string;
  'briefing:deleted': AnnotationTombstone[];
  items: Annotation[];
  [extension: string]: unknown;
}

/** Helpers to read the parts of an annotation the app uses. */
export const commentOf = (annotation: Annotation): string =>
  annotation.body.find((body) => body.purpose === 'commenting')?.value ?? '';
export const tagsOf = (annotation: Annotation): string[] =>
  annotation.body.filter((body) => body.purpose === 'tagging').map((body) => body.value);
export const quoteOf = (annotation: Annotation): TextQuoteSelector => annotation.target.selector[0];
export const positionOf = (annotation: Annotation): TextPositionSelector => annotation.target.selector[1];

export interface AnnotationDraft {
  briefingId: string;
  fingerprint: string;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  colour: ColourSlot;
  comment?: string;
  tags?: string[];
}

/**
 * Builds a new annotation. The caller supplies the id (`urn:uuid:` + crypto.randomUUID(), which
 * both Node and the renderer have) and the time, so this stays pure.
 */
export function buildAnnotation(draft: AnnotationDraft, id: string, now: string): Annotation {
  return {
    '@context': ANNOTATION_CONTEXT,
    id,
    type: 'Annotation',
    motivation: draft.comment ? 'commenting' : 'highlighting',
    created: now,
    modified: now,
    body: bodiesFor(draft.comment ?? '', draft.tags ?? []),
    target: { source: draft.briefingId, selector: [draft.quote, draft.position], 'briefing:fingerprint': draft.fingerprint },
    'briefing:colour': draft.colour,
  };
}

/** The annotation with a new colour, comment or tags; other keys, known or not, are kept. */
export function editAnnotation(annotation: Annotation, edit: { colour?: ColourSlot; comment?: string; tags?: string[] }, now: string): Annotation {
  const comment = edit.comment ?? commentOf(annotation);
  const tags = edit.tags ?? tagsOf(annotation);
  const others = annotation.body.filter((body) => body.purpose !== 'commenting' && body.purpose !== 'tagging');
  return {
    ...annotation,
    motivation: comment ? 'commenting' : 'highlighting',
    modified: now,
    body: [...bodiesFor(comment, tags), ...others],
    'briefing:colour': edit.colour ?? annotation['briefing:colour'],
  };
}

function bodiesFor(comment: string, tags: string[]): TextualBody[] {
  const bodies: TextualBody[] = [];
  if (comment.trim()) bodies.push({ type: 'TextualBody', purpose: 'commenting', value: comment, format: 'text/markdown' });
  for (const tag of [...new Set(tags.map((item) => item.trim()).filter(Boolean))]) bodies.push({ type: 'TextualBody', purpose: 'tagging', value: tag });
  return bodies;
}
