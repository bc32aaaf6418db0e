import { COLOUR_SLOTS } from './annotation-model';
import type { Check } from './validate';

const MAX_TEXT = 100_000;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown, max = MAX_TEXT): value is string => typeof value === 'string' && value.length <= max;
const isOffset = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

/**
 * Checks an annotation arriving from the renderer before it is written to the user's files: the
 * parts the app relies on must have the right shape and a sane size. Other keys are allowed (and
 * kept), as the W3C model expects extensions.
 */
export const isAnnotation: Check = (value) => {
  if (!isObject(value)) return 'expected an annotation object';
  if (!isText(value.id, 200) || !value.id.startsWith('urn:uuid:')) return 'id must be a urn:uuid';
  if (value.type !== 'Annotation') return 'type must be Annotation';
  if (!isText(value.created, 40) || !isText(value.modified, 40)) return 'created and modified must be ISO times';
  if (!COLOUR_SLOTS.includes(value['briefing:colour'] as never)) return 'briefing:colour must be one of c1 to c5';
  if (!Array.isArray(value.body) || value.body.length > 200) return 'body must be a list';
  for (const body of value.body) {
    if (!isObject(body) || body.type !== 'TextualBody' || !isText(body.value)) return 'each body must be a TextualBody with a value';
  }
  const target = value.target;
  if (!isObject(target) || !isText(target.source, 1024) || !isText(target['briefing:fingerprint'], 128)) return 'target must name its briefing';
  const selector = target.selector;
  if (!Array.isArray(selector) || selector.length !== 2) return 'target.selector must hold a quote and a position';
  const [quote, position] = selector as unknown[];
  if (!isObject(quote) || quote.type !== 'TextQuoteSelector' || !isText(quote.exact) || !isText(quote.prefix, 200) || !isText(quote.suffix, 200)) {
    return 'the first selector must be a TextQuoteSelector';
  }
  if (!isObject(position) || position.type !== 'TextPositionSelector' || !isOffset(position.start) || !isOffset(position.end) || position.end < position.start) {
    return 'the second selector must be a TextPositionSelector';
  }
  return null;
};
