/**
 * `npm run bench -- search`: the search index on the first 10,000 passages and on all of them,
 * through the real worker thread, against two baselines given the same documents and queries:
 * one Lunr index built the plain way and queried with `index.search()`, and MiniSearch.
 * Prints the figures for all passages as one JSON line and returns those for 10,000, so the last
 * line of the run is the 10,000-document object and the line before it the all-passages one.
 * The 10,000 run then adds a 10 MB briefing and times queries and frequent words (`the`, `a`,
 * `word`) with it in the library.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import lunr from 'lunr';
import MiniSearch from 'minisearch';
import { LibraryService } from '../electron/services/library/library-service';
import { BASE_SHARD_SIZE } from '../electron/services/search/search-engine';
import { SearchService } from '../electron/services/search/search-service';
import { searchWorkerBundle } from '../electron/services/test-support/worker-bundle';
import { median, readPassages, round, writeLibrary, type Passage } from './corpus';

const SMALL = 10_000;
const QUERIES = 240;
const SEED = 20_240_917;
const POLL_MS = 5;
const POLL_LIMIT_MS = 120_000;
/** A word no passage holds, for timing how soon an added briefing is found. */
const ADDED_WORD = 'quorvalentine';

/** Figures for one library size, in the key order the issue asks for. */
type Figures = Record<string, number>;

export async function benchSearch(): Promise<Figures> {
  const sandbox = await mkdtemp(join(tmpdir(), 'briefing-bench-'));
  const workerPath = await searchWorkerBundle();
  try {
    const all = await readPassages();
    // One fixed query list for both sizes, drawn from passages both sizes hold.
    const queries = makeQueries(all.slice(0, SMALL));
    console.error(
      `[bench] search: ${queries.length} queries, e.g. ${queries
        .slice(0, 6)
        .map((q) => JSON.stringify(q))
        .join(', ')}`,
    );

    // The worker's memory is measured as growth of this process's RSS, so the baselines, which
    // build in this thread and leave a large heap behind, run after both sizes of ours.
    const small = all.slice(0, SMALL);
    const oursFull = await benchOurs(join(sandbox, 'all'), workerPath, all, queries);
    const oursSmall = await benchOurs(join(sandbox, 'small'), workerPath, small, queries, all);
    console.log(JSON.stringify({ bench: 'search', ...oursFull, ...benchBaselines(all, queries) }));
    return { ...oursSmall, ...benchBaselines(small, queries) };
  } finally {
    await rm(sandbox, { recursive: true, force: true });
    // The helper bundles the worker into a temp folder of its own.
    await rm(dirname(workerPath), { recursive: true, force: true });
  }
}

/** With `longFrom`, a 10 MB briefing of that text is added at the end and queries are timed again beside `the`, `a`, `word`. */
async function benchOurs(dir: string, workerPath: string, passages: Passage[], queries: string[], longFrom?: Passage[]): Promise<Figures> {
  const progress = (message: string) => console.error(`[bench] search ${passages.length}: ${message}`);
  const log = (message: string) => console.error(`[bench] search worker: ${message}`);
  const root = join(dir, 'library');
  const searchCache = join(dir, 'search-cache');
  await writeLibrary(root, passages);
  const library = new LibraryService(join(dir, 'library-cache'));
  let { briefings } = await library.open(root);
  if (briefings.length !== passages.length) throw new Error(`expected ${passages.length} briefings, listed ${briefings.length}`);

  // Full build, in the worker.
  progress('full build…');
  let start = performance.now();
  const builder = new SearchService(workerPath, searchCache, log);
  await builder.open(root, briefings);
  await builder.idle();
  const buildMs = performance.now() - start;
  await builder.close();
  progress(`built in ${round(buildMs)} ms`);

  // A new service on the same cache: time until the first (newest) shard loaded from it answers.
  // The worker is a thread of this process, so the growth of the process's RSS is its memory.
  const probe = newestShardWord(passages);
  const rssBefore = await settledRss();
  start = performance.now();
  const service = new SearchService(workerPath, searchCache, log);
  try {
    await service.open(root, briefings);
    await pollUntil(`"${probe}" to be found`, async () => {
      const response = await service.search(request(`${probe} `));
      return response.results.length > 0 && response.coverage.searched > 0;
    });
    const firstSearchMs = performance.now() - start;
    await service.idle();
    const workerRssMb = ((await settledRss()) - rssBefore) / 2 ** 20;
    progress(`first search after ${round(firstSearchMs)} ms (on "${probe}"), worker RSS ${round(workerRssMb)} MB`);

    const latencies: number[] = [];
    let answered = 0;
    for (const text of queries) {
      const begin = performance.now();
      const response = await service.search(request(text));
      latencies.push(performance.now() - begin);
      if (response.results.length > 0) answered++;
    }
    progress(`${answered} of ${queries.length} queries found something`);

    await writeFile(
      join(root, 'bench-added.md'),
      `---\ntitle: "An added briefing"\ndate: "2025"\nsource: "Bench"\nlanguage: en\n---\n\nThe delegation proposed the ${ADDED_WORD} initiative to the assembly.\n`,
    );
    start = performance.now();
    ({ briefings } = await library.open(root));
    await service.open(root, briefings);
    await pollUntil(`the added briefing to be found`, async () => (await service.search(request(`${ADDED_WORD} `))).results.length > 0);
    const addMs = performance.now() - start;
    progress(`added briefing found after ${round(addMs)} ms`);

    const long = longFrom ? await benchLongBriefing(root, library, service, queries, longFrom, progress) : {};
    return {
      docs: passages.length,
      build_ms: round(buildMs),
      first_search_ms: round(firstSearchMs),
      query_p50_ms: round(median(latencies)),
      query_p95_ms: round(percentile(latencies, 0.95)),
      query_max_ms: round(Math.max(...latencies)),
      add_to_searchable_ms: round(addMs),
      worker_rss_mb: round(workerRssMb),
      ...long,
    };
  } finally {
    await service.close();
  }
}

/** Words that occur everywhere in English text, typed alone. */
const FREQUENT_WORDS = ['the', 'a', 'word'];
const FREQUENT_ROUNDS = 20;
const LONG_BRIEFING_CHARS = 9_900_000;

/**
 * A 10 MB briefing of real debate text goes into the library; then, in this one run, the normal
 * queries and the frequent words are timed with it there, each query awaited before the next.
 */
async function benchLongBriefing(
  root: string,
  library: LibraryService,
  service: SearchService,
  queries: string[],
  passages: Passage[],
  progress: (message: string) => void,
): Promise<Figures> {
  const parts: string[] = [];
  for (let length = 0, i = 0; length < LONG_BRIEFING_CHARS; i++) {
    parts.push(passages[i % passages.length].text);
    length += passages[i % passages.length].text.length + 2;
  }
  await writeFile(
    join(root, 'bench-long.md'),
    `---\ntitle: "Ten megabytes of debate"\ndate: "2025"\nsource: "Bench"\nlanguage: en\n---\n\n${parts.join('\n\n')}\n`,
  );
  const { briefings } = await library.open(root);
  if (briefings.find((briefing) => briefing.id === 'bench-long.md')?.problem) throw new Error('the long briefing was not read');
  await service.open(root, briefings);
  await service.idle();
  progress('10 MB briefing indexed');

  const timed = async (texts: string[]) => {
    const latencies: number[] = [];
    let partial = 0;
    for (const text of texts) {
      const begin = performance.now();
      const response = await service.search(request(text));
      latencies.push(performance.now() - begin);
      if (response.refused) throw new Error(`"${text}" was refused: ${response.refused}`);
      if (response.stopped) partial++;
    }
    return { latencies, partial };
  };
  const normal = await timed(queries);
  const frequent = await timed(Array.from({ length: FREQUENT_ROUNDS }, () => FREQUENT_WORDS).flat());
  progress(`with the 10 MB briefing: ${frequent.partial} of ${frequent.latencies.length} frequent-word answers were partial`);
  return {
    long_briefing_query_p50_ms: round(median(normal.latencies)),
    long_briefing_query_p95_ms: round(percentile(normal.latencies, 0.95)),
    frequent_word_p50_ms: round(median(frequent.latencies)),
    frequent_word_p95_ms: round(percentile(frequent.latencies, 0.95)),
    frequent_word_partial: frequent.partial,
  };
}

type Doc = { id: string; title: string; text: string };

/** The same documents and queries through plain Lunr and MiniSearch, built in this thread. */
function benchBaselines(passages: Passage[], queries: string[]): Figures {
  const docs = passages.map(({ id, title, text }) => ({ id, title, text }));
  const plain = benchPlainLunr(docs, queries);
  console.error(`[bench] search ${docs.length}: plain Lunr: build ${round(plain.buildMs)} ms, p95 ${round(plain.p95)} ms`);
  const mini = benchMiniSearch(docs, queries);
  console.error(`[bench] search ${docs.length}: MiniSearch: build ${round(mini.buildMs)} ms, p95 ${round(mini.p95)} ms`);
  return {
    plain_lunr_build_ms: round(plain.buildMs),
    plain_lunr_query_p95_ms: round(plain.p95),
    minisearch_build_ms: round(mini.buildMs),
    minisearch_query_p95_ms: round(mini.p95),
  };
}

function benchPlainLunr(docs: Doc[], queries: string[]): { buildMs: number; p95: number } {
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
  return { buildMs, p95: percentile(latencies, 0.95) };
}

function benchMiniSearch(docs: Doc[], queries: string[]): { buildMs: number; p95: number } {
  const start = performance.now();
  const index = new MiniSearch<Doc>({ fields: ['title', 'text'], storeFields: [] });
  index.addAll(docs);
  const buildMs = performance.now() - start;
  const latencies = queries.map((text) => {
    const begin = performance.now();
    index.search(text, { prefix: true, fuzzy: 0.2, combineWith: 'AND' });
    return performance.now() - begin;
  });
  return { buildMs, p95: percentile(latencies, 0.95) };
}

export const request = (text: string) => ({ text, filters: {}, limit: 20 });

async function pollUntil(what: string, found: () => Promise<boolean>): Promise<void> {
  const start = performance.now();
  while (!(await found())) {
    if (performance.now() - start > POLL_LIMIT_MS) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Nearest-rank percentile. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
}

const STOP_WORDS = new Set(
  `about above after again against also among because been before being below between both could does doing down during each
  even ever every from further have having here into itself just many more most much must only other ours over same shall
  should some such than that their theirs them then there these they this those through under until upon very were what when
  where which while whom will with within without would your yours made make well like ourselves themselves`.split(/\s+/),
);

/** Lowercase words of four letters or more that are not stop words, in passage order. */
const contentWords = (text: string) => (text.toLowerCase().match(/[a-z]+/g) ?? []).filter((word) => word.length >= 4 && !STOP_WORDS.has(word));

/**
 * The fixed query list: runs of one to three neighbouring words of a passage (so that words that
 * are all required still meet), chosen by a seeded generator. About 60% are whole words ending in
 * a space, 20% end in a word cut to a prefix of four letters or more (no space: typing), and 20%
 * have one word misspelled by swapping two inner letters.
 */
export function makeQueries(passages: Passage[]): string[] {
  const random = mulberry32(SEED);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
  const queries: string[] = [];
  while (queries.length < QUERIES) {
    const words = contentWords(pick(passages).text);
    const count = 1 + Math.floor(random() * 3);
    if (words.length < count) continue;
    const from = Math.floor(random() * (words.length - count + 1));
    const chosen = words.slice(from, from + count);
    const kind = queries.length % 5; // 0–2 whole words, 3 prefix, 4 misspelled
    if (kind === 3) {
      const last = chosen[count - 1];
      if (last.length < 5) continue;
      chosen[count - 1] = last.slice(0, 4 + Math.floor(random() * (last.length - 4)));
      queries.push(chosen.join(' '));
    } else if (kind === 4) {
      const at = Math.floor(random() * count);
      const word = chosen[at];
      const i = 1 + Math.floor(random() * (word.length - 3)); // swaps letters i and i+1, never the first or last
      if (word[i] === word[i + 1]) continue;
      chosen[at] = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
      queries.push(`${chosen.join(' ')} `);
    } else {
      queries.push(`${chosen.join(' ')} `);
    }
  }
  return queries;
}

/**
 * A word sure to be in the first shard the index loads, which holds the newest briefings: the
 * word most passages of the newest year hold, when more of them hold it than that year's passages
 * can fall outside that shard.
 */
function newestShardWord(passages: Passage[]): string {
  const newestYear = Math.max(...passages.map((passage) => passage.year));
  const newest = passages.filter((passage) => passage.year === newestYear);
  const counts = new Map<string, number>();
  for (const passage of newest) for (const word of new Set(contentWords(passage.text))) counts.set(word, (counts.get(word) ?? 0) + 1);
  const [word, count] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  if (count <= newest.length - Math.min(newest.length, BASE_SHARD_SIZE)) throw new Error(`no word of ${newestYear} is sure to be in the newest shard`);
  return word;
}

/** A small seeded generator (mulberry32), so the query list is the same on every run. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The process's RSS once this thread's garbage is collected and a stopped worker's memory has had
 * a moment to be given back, so that neither end of a difference counts leftovers of other steps.
 */
async function settledRss(): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 500));
  try {
    setFlagsFromString('--expose-gc');
    (runInNewContext('gc') as () => void)();
  } catch {
    // Without a collector to call, the figure is only noisier.
  }
  return process.memoryUsage().rss;
}
