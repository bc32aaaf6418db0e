/**
 * `npm run bench -- relevance`: how often search puts the briefing a person remembers first, on the
 * labelled known-item queries of bench/relevance/queries.json (scripts/make-relevance-queries.ts),
 * for the app's SearchEngine (its search() with snippets, 10 results, in this thread) and, on the
 * same documents and queries, plain Lunr (`index.search()`) and MiniSearch (OR, prefix on a last
 * word being typed, fuzzy 0.2, title boosted). Per engine: success_at_1, success_at_10, mrr_at_10,
 * empty_share, typeahead_broken (states of typing a query's last word, from its third letter, and
 * five words the issue names, that find nothing where the whole word finds something), and
 * query_p95_ms. Per-kind and per-language success@1 and the app's worst misses go to stderr.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lunr from 'lunr';
import MiniSearch from 'minisearch';
import { SearchEngine } from '../electron/services/search/search-engine';
import { openRelevanceLibrary, type RelevanceDoc } from './relevance-corpus';
import type { RelevanceQuery, RelevanceSet } from './relevance-set';
import { percentile } from './corpus';

const QUERIES = new URL('./relevance/queries.json', import.meta.url);
const LIMIT = 10;
/** Words typed letter by letter on their own, as the issue names them. */
const TYPED_WORDS = ['negotiations', 'security', 'sanctions', 'окупації', 'переговорів'];
const WORST_SHOWN = 10;

/** One engine's answer: result ids, best first (at most LIMIT), and whether it found anything at all. */
type Answer = { ids: string[]; found: boolean };
type Engine = (text: string) => Answer;

export interface RelevanceFigures {
  success_at_1: number;
  success_at_10: number;
  mrr_at_10: number;
  empty_share: number;
  typeahead_broken: number;
  query_p95_ms: number;
}

export async function benchRelevance(): Promise<Record<string, unknown>> {
  const set = JSON.parse(await readFile(QUERIES, 'utf8')) as RelevanceSet;
  const dir = await mkdtemp(join(tmpdir(), 'briefing-relevance-'));
  try {
    console.error(`[bench] relevance: ${set.queries.length} queries; reading the corpus into a library…`);
    const library = await openRelevanceLibrary(dir);
    const engine = await SearchEngine.open(library.root, join(dir, 'search-cache'));
    let start = performance.now();
    await engine.update(library.briefings);
    await engine.idle();
    console.error(`[bench] relevance: app index of ${library.docs.length} documents built in ${Math.round(performance.now() - start)} ms`);
    const engines: Record<string, Engine> = {
      app: (text) => {
        const response = engine.search({ text, filters: {}, limit: LIMIT });
        return { ids: response.results.map((hit) => hit.id), found: response.results.length > 0 };
      },
      lunr: plainLunr(library.docs),
      minisearch: miniSearch(library.docs),
    };
    const figures: Record<string, RelevanceFigures> = {};
    for (const [name, search] of Object.entries(engines)) {
      start = performance.now();
      figures[name] = measure(name, search, set.queries);
      console.error(`[bench] relevance: ${name} measured in ${Math.round(performance.now() - start)} ms`);
    }
    return { queries: set.queries.length, ...figures };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Figures of one engine over the queries, with its breakdowns (and for the app its worst misses) on stderr. */
export function measure(name: string, search: Engine, queries: RelevanceQuery[]): RelevanceFigures {
  const latencies: number[] = [];
  const ranks = queries.map((query) => {
    const begin = performance.now();
    const answer = search(query.query);
    latencies.push(performance.now() - begin);
    const rank = answer.ids.findIndex((id) => query.targets.includes(id));
    return { query, answer, rank };
  });
  const share = (items: typeof ranks, test: (item: (typeof ranks)[number]) => boolean) => round(items.filter(test).length / Math.max(1, items.length));
  for (const by of ['kind', 'lang'] as const) {
    const values = [...new Set(queries.map((query) => query[by]))];
    const parts = values.map((value) => {
      const items = ranks.filter((item) => item.query[by] === value);
      return `${value} ${share(items, (item) => item.rank === 0)} (${items.length})`;
    });
    console.error(`[bench] relevance: ${name} success@1 by ${by}: ${parts.join(', ')}`);
  }
  if (name === 'app') {
    // Not found in the first 10 before found lower down.
    const depth = (rank: number) => (rank < 0 ? LIMIT : rank);
    const worst = ranks
      .filter((item) => item.rank !== 0)
      .sort((a, b) => depth(b.rank) - depth(a.rank))
      .slice(0, WORST_SHOWN);
    for (const { query, answer, rank } of worst) {
      console.error(
        `[bench] relevance: app miss (${query.lang} ${query.kind}) ${JSON.stringify(query.query)} → ${query.target}: ${rank < 0 ? 'not in the first 10' : `rank ${rank + 1}`}; first: ${answer.ids[0] ?? 'nothing'}`,
      );
    }
  }
  const broken = typeaheadBroken(search, queries);
  console.error(
    `[bench] relevance: ${name} type-ahead: ${broken.count} of ${broken.states} states find nothing${broken.examples.length ? `, e.g. ${broken.examples.join(', ')}` : ''}`,
  );
  return {
    success_at_1: share(ranks, (item) => item.rank === 0),
    success_at_10: share(ranks, (item) => item.rank >= 0),
    mrr_at_10: round(ranks.reduce((sum, item) => sum + (item.rank >= 0 ? 1 / (item.rank + 1) : 0), 0) / ranks.length),
    empty_share: share(ranks, (item) => !item.answer.found),
    typeahead_broken: broken.count,
    query_p95_ms: round(percentile(latencies, 0.95)),
  };
}

/**
 * Types the last word of each query (not phrases: a quote is open while typing) and each of
 * TYPED_WORDS from its third letter on; a state is broken when it finds nothing but the query with
 * the whole word finds something.
 */
function typeaheadBroken(search: Engine, queries: RelevanceQuery[]): { count: number; states: number; examples: string[] } {
  const typed = queries.flatMap((query) => {
    if (query.kind === 'phrase') return [];
    const words = query.query.trim().split(/\s+/);
    const whole = query.kind === 'prefix' && query.words ? query.words[query.words.length - 1] : words[words.length - 1];
    return [{ before: words.slice(0, -1), whole }];
  });
  let count = 0;
  let states = 0;
  const examples: string[] = [];
  for (const { before, whole } of [...typed, ...TYPED_WORDS.map((whole) => ({ before: [], whole }))]) {
    if (whole.length < 4 || !search(`${[...before, whole].join(' ')} `).found) continue;
    for (let length = 3; length < whole.length; length++) {
      const state = [...before, whole.slice(0, length)].join(' ');
      states++;
      if (search(state).found) continue;
      count++;
      if (examples.length < 5) examples.push(JSON.stringify(state));
    }
  }
  return { count, states, examples };
}

/** Standard Lunr: English pipeline, title and text fields, the query's syntax characters escaped so it never throws. */
function plainLunr(docs: RelevanceDoc[]): Engine {
  const index = lunr(function () {
    this.ref('id');
    this.field('title');
    this.field('text');
    for (const { id, title, text } of docs) this.add({ id, title, text });
  });
  return (text) => {
    // Lunr's own separator splits hyphenated words; its syntax characters are escaped.
    const escaped = text.replace(/-/g, ' ').replace(/[:^~*+\\]/g, (char) => `\\${char}`);
    const results = index.search(escaped);
    return { ids: results.slice(0, LIMIT).map((result) => result.ref), found: results.length > 0 };
  };
}

/** MiniSearch as its documentation suggests for search-as-you-type: any word, the last one as a prefix while it is typed, fuzzy 0.2, title boosted. */
function miniSearch(docs: RelevanceDoc[]): Engine {
  const index = new MiniSearch<RelevanceDoc>({ fields: ['title', 'text'], storeFields: [] });
  index.addAll(docs);
  return (text) => {
    const typing = !/\s$/.test(text);
    const results = index.search(text, {
      combineWith: 'OR',
      fuzzy: 0.2,
      boost: { title: 2 },
      prefix: (_term, i, terms) => typing && i === terms.length - 1,
    });
    return { ids: results.slice(0, LIMIT).map((result) => String(result.id)), found: results.length > 0 };
  };
}

const round = (value: number) => Math.round(value * 1000) / 1000;
