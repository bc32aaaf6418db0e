import lunr from 'lunr';

/**
 * Lunr keeps every term of an index twice: as keys of its inverted index and in a token trie
 * (TokenSet), which only its own query evaluation walks. This engine evaluates queries itself
 * (evaluate.ts: exact terms, looked up in the inverted index), so indexes are built and loaded
 * without the trie and hold tens of megabytes less on a large library.
 */

/** Lunr's index fields this file reaches past its types for. */
interface IndexInternals {
  invertedIndex: Record<string, unknown>;
}

/** Keeps a builder from making the token trie of the index it builds (call in the `lunr()` config). */
export function skipTokenSet(builder: lunr.Builder): void {
  (builder as unknown as { createTokenSet(): void }).createTokenSet = () => {};
}

/** Points every posting of an index (built with `skipTokenSet` or loaded by `loadIndex`) at one shared empty metadata object. */
export function withSharedMetadata(index: lunr.Index): lunr.Index {
  for (const posting of Object.values((index as unknown as IndexInternals).invertedIndex)) shareMetadata(posting as Record<string, unknown>);
  return index;
}

/** What Lunr keeps about a term in a document when no metadata is whitelisted: nothing, so one object serves all. */
const NO_METADATA = Object.freeze({});

/**
 * Lunr stores an empty object for every term in every document (there is no metadata to keep:
 * the whitelist is empty) and only reads its keys; millions of them on a large library are most
 * of an index's objects, so each posting is pointed at one shared empty object instead.
 */
function shareMetadata(posting: Record<string, unknown>): void {
  for (const [field, documents] of Object.entries(posting)) {
    if (field === '_index') continue;
    const byDocument = documents as Record<string, object>;
    for (const ref in byDocument) byDocument[ref] = NO_METADATA;
  }
}

interface SerialisedLunrIndex {
  fields: string[];
  fieldVectors: [string, number[]][];
  invertedIndex: [string, object][];
  pipeline: string[];
}

/** lunr.Index.load without the token trie. */
export function loadIndex(data: object): lunr.Index {
  const serialised = data as SerialisedLunrIndex;
  const fieldVectors: Record<string, lunr.Vector> = {};
  for (const [ref, elements] of serialised.fieldVectors) fieldVectors[ref] = new lunr.Vector(elements);
  const invertedIndex: Record<string, object> = Object.create(null) as Record<string, object>;
  for (const [term, posting] of serialised.invertedIndex) invertedIndex[term] = posting;
  const attributes = { fields: serialised.fields, fieldVectors, invertedIndex, tokenSet: null, pipeline: lunr.Pipeline.load(serialised.pipeline) };
  return withSharedMetadata(new lunr.Index(attributes as unknown as lunr.Index.Attributes));
}
