import lunr from 'lunr';
import MiniSearch from 'minisearch';
import type { Passage } from './corpus';
import { percentile } from './corpus';

type Doc = { id: string; title: string; text: string };

export interface BaselineFigures {
  buildMs: number;
  p95Ms: number;
}

/**
 * The same documents and queries through plain Lunr (`index.search()`) and MiniSearch (AND, fuzzy
 * 0.2, the last word a prefix while it is being typed), built and queried in this thread. Both
 * answer with ids and scores only: no snippets, no phrase check (MiniSearch drops the quotes), no
 * worker round trip, so their p95 is a floor that ours, which pays for all three, is held to.
 */
export function benchBaselines(passages: Passage[], queries: string[]): { plainLunr: BaselineFigures; miniSearch: BaselineFigures } {
  const docs = passages.map(({ id, title, text }) => ({ id, title, text }));
  const plainLunr = benchPlainLunr(docs, queries);
  console.error(`[bench] search ${docs.length}: plain Lunr: build ${Math.round(plainLunr.buildMs)} ms, p95 ${plainLunr.p95Ms.toFixed(1)} ms`);
  const miniSearch = benchMiniSearch(docs, queries);
  console.error(`[bench] search ${docs.length}: MiniSearch: build ${Math.round(miniSearch.buildMs)} ms, p95 ${miniSearch.p95Ms.toFixed(1)} ms`);
  return { plainLunr, miniSearch };
}

function benchPlainLunr(docs: Doc[], queries: string[]): BaselineFigures {
  const start = performance.now();
  const index = lunr(function () {
    this.ref('id');
    this.field('title');
    this.field('text');
    docs.forEach((doc) => this.add(doc));
  });
  const buildMs = performance.now() - start;
  const latencies = queries.map((text) => {
    const begin = performance.now();
    try {
      index.search(text);
    } catch (error) {
      // A query Lunr's parser refuses is still an answered query.
      if (!(error instanceof lunr.QueryParseError)) throw error;
    }
    return performance.now() - begin;
  });
  return { buildMs, p95Ms: percentile(latencies, 0.95) };
}

function benchMiniSearch(docs: Doc[], queries: string[]): BaselineFigures {
  const start = performance.now();
  const index = new MiniSearch<Doc>({ fields: ['title', 'text'], storeFields: [] });
  index.addAll(docs);
  const buildMs = performance.now() - start;
  const latencies = queries.map((text) => {
    // As ours: only a last word still being typed (no space after it) is a prefix.
    const typing = !/[\s"]$/.test(text);
    const begin = performance.now();
    index.search(text, { prefix: (_term, i, terms) => typing && i === terms.length - 1, fuzzy: 0.2, combineWith: 'AND' });
    return performance.now() - begin;
  });
  return { buildMs, p95Ms: percentile(latencies, 0.95) };
}
