/**
 * Annotations as stored: W3C Web Annotation Data Model JSON (https://www.w3.org/TR/annotation-model/),
 * one sidecar file per briefing under `<library>/.briefing/annotations/<briefing path>.json`.
 * Keys the app does not know are kept as they are when a file is rewritten, so other tools' data
 * survives. Everything here is plain JSON.
 */

import {
  ANNOTATION_CONTEXT,
  COLOUR_SLOTS,
  type Annotation,
  type AnnotationTombstone,
  type ColourSlot,
  type TextPositionSelector,
  type TextQuoteSelector,
  type TextualBody,
} from './schema/annotation';

export { ANNOTATION_CONTEXT, COLOUR_SLOTS };
export type {
  Annotation,
  AnnotationTarget,
  AnnotationTombstone,
  ColourSlot,
  OtherSelector,
  TextPositionSelector,
  TextQuoteSelector,
  TextualBody,
} from './schema/annotation';

export type ColourMeanings = Record<ColourSlot, string>;
export const DEFAULT_COLOUR_MEANINGS: ColourMeanings = {
  c1: 'Key point',
  c2: 'Question',
  c3: 'Action',
  c4: 'Disagree',
  c5: 'Follow-up',
};

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
/** A body with no purpose is the comment, as another W3C tool writes it. */
const isComment = (body: TextualBody) => body.purpose === 'commenting' || body.purpose === undefined;
const isTag = (body: TextualBody) => body.purpose === 'tagging';
export const commentOf = (annotation: Annotation): string => annotation.body.find(isComment)?.value ?? '';
export const tagsOf = (annotation: Annotation): string[] => annotation.body.filter(isTag).map((body) => body.value);
export const quoteOf = (annotation: Annotation): TextQuoteSelector => annotation.target.selector[0];
export const positionOf = (annotation: Annotation): TextPositionSelector => annotation.target.selector[1];

/**
 * The page a note on a PDF was made on: a W3C `FragmentSelector` with the PDF fragment syntax of
 * RFC 3778 (`page=4`), which other annotation tools read, rather than a key of our own. The text
 * selectors stay the anchor; the page is what a citation shows and where the reader looks first.
 */
export const PDF_FRAGMENT = 'http://tools.ietf.org/rfc/rfc3778';

/** The 1-based page of a note on a PDF, or null when it has no page fragment. */
export function pageOf(annotation: Annotation): number | null {
  for (const selector of annotation.target.selector.slice(2)) {
    const value = (selector as { conformsTo?: unknown; value?: unknown }).value;
    if (selector.type !== 'FragmentSelector' || typeof value !== 'string') continue;
    const page = /^page=(\d{1,6})$/.exec(value);
    if (page && Number(page[1]) >= 1) return Number(page[1]);
  }
  return null;
}

export interface AnnotationDraft {
  briefingId: string;
  fingerprint: string;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  colour: ColourSlot;
  comment?: string;
  tags?: string[];
  /** For a PDF: the 1-based page the quote starts on. */
  page?: number;
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
    target: {
      source: draft.briefingId,
      selector: draft.page
        ? [draft.quote, draft.position, { type: 'FragmentSelector', conformsTo: PDF_FRAGMENT, value: `page=${draft.page}` }]
        : [draft.quote, draft.position],
      'briefing:fingerprint': draft.fingerprint,
    },
    'briefing:colour': draft.colour,
  };
}

/** The annotation with a new colour, comment or tags; other keys, known or not, are kept. */
export function editAnnotation(annotation: Annotation, edit: { colour?: ColourSlot; comment?: string; tags?: string[] }, now: string): Annotation {
  const comment = edit.comment ?? commentOf(annotation);
  const tags = edit.tags ?? tagsOf(annotation);
  const others = annotation.body.filter((body) => !isComment(body) && !isTag(body));
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
