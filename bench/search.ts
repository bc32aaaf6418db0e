/**
 * `npm run bench -- search`: the app's search, through the real worker thread, with snippets, on
 * the first 10,000 passages, on all 18,267, and on 50,000 (the passages repeated under other ids),
 * beside plain Lunr and MiniSearch given the same documents and queries (bench/search-baselines.ts).
 * The 10,000 library then gets five 40,000-word transcripts, then a 10 MB briefing, and the same
 * queries are timed with each there. The last line of output is one JSON object with every figure.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { SearchRequest } from '../electron/common/search-model';
import { LibraryService } from '../electron/services/library/library-service';
import { BASE_SHARD_SIZE } from '../electron/services/search/search-engine';
import { SearchService } from '../electron/services/search/search-service';
import { searchWorkerBundle } from '../electron/services/test-support/worker-bundle';
import { median, percentile, readPassages, round, writeLibrary, type Passage } from './corpus';
import { benchBaselines } from './search-baselines';
import { contentWords, makeQueries } from './search-queries';

const SMALL = 10_000;
const LARGE = 50_000;
const POLL_MS = 5;
const POLL_LIMIT_MS = 120_000;
/** A word no passage holds, for timing how soon an added briefing is found. */
const ADDED_WORD = 'quorvalentine';
/** Long transcripts added to the 10,000 library: a handful, each of this many words of debate text. */
const TRANSCRIPTS = 5;
const TRANSCRIPT_WORDS = 40_000;

type Figures = Record<string, number | string>;

/** What one run of the app's search on one library gives. */
interface OurFigures {
  buildMs: number;
  firstSearchMs: number;
  workerRssMb: number;
  timed: Timed;
  addMs: number;
  /** Figures of the steps run after the main ones on the same library (transcripts, a 10 MB briefing). */
  more: Figures;
}

export async function benchSearch(): Promise<Figures> {
  const sandbox = await mkdtemp(join(tmpdir(), 'briefing-bench-'));
  const workerPath = await searchWorkerBundle();
  try {
    const all = await readPassages();
    const small = all.slice(0, SMALL);
    // One fixed query list for every size, drawn from passages all sizes hold.
    const queries = makeQueries(small);
    console.error(`[bench] search: ${queries.length} queries, e.g. ${[0, 3, 4, 250, 300].map((i) => JSON.stringify(queries[i])).join(', ')}`);

    // The worker's memory is measured as growth of this process's RSS, so the baselines, which
    // build in this thread and leave a large heap behind, run after every size of ours.
    const oursAll = await benchOurs(join(sandbox, 'all'), workerPath, all, queries);
    const oursSmall = await benchOurs(join(sandbox, 'small'), workerPath, small, queries, async (library) => ({
      ...(await benchTranscripts(library, small)),
      ...(await benchLongBriefing(library, all)),
    }));
    const oursLarge = await benchOurs(join(sandbox, 'large'), workerPath, repeated(all, LARGE), queries);
    const baseSmall = benchBaselines(small, queries);
    const baseAll = benchBaselines(all, queries);

    const [s, a, l] = [SMALL, all.length, LARGE];
    return {
      queries: queries.length,
      // Ours includes snippets for the 20 results shown, phrase checks and the worker round trip.
      [`p95_${s}_ms`]: round(percentile(oursSmall.timed.latencies, 0.95)),
      [`minisearch_p95_${s}_ms`]: round(baseSmall.miniSearch.p95Ms),
      [`p95_${a}_ms`]: round(percentile(oursAll.timed.latencies, 0.95)),
      [`minisearch_p95_${a}_ms`]: round(baseAll.miniSearch.p95Ms),
      ...oursSmall.more,
      [`worker_rss_${a}_mb`]: round(oursAll.workerRssMb),
      [`build_${l}_ms`]: round(oursLarge.buildMs),
      [`first_search_${l}_ms`]: round(oursLarge.firstSearchMs),
      [`p95_${l}_ms`]: round(percentile(oursLarge.timed.latencies, 0.95)),
      [`worker_rss_${l}_mb`]: round(oursLarge.workerRssMb),
      ...details(s, oursSmall),
      ...details(a, oursAll),
      ...details(l, oursLarge),
      [`plain_lunr_p95_${s}_ms`]: round(baseSmall.plainLunr.p95Ms),
      [`plain_lunr_p95_${a}_ms`]: round(baseAll.plainLunr.p95Ms),
      [`minisearch_build_${s}_ms`]: round(baseSmall.miniSearch.buildMs),
      [`minisearch_build_${a}_ms`]: round(baseAll.miniSearch.buildMs),
      [`plain_lunr_build_${a}_ms`]: round(baseAll.plainLunr.buildMs),
      baselines: 'MiniSearch and plain Lunr: ids and scores only, no snippets, no phrase check, in this thread (no worker round trip)',
    };
  } finally {
    await rm(sandbox, { recursive: true, force: true });
    // The helper bundles the worker into a temp folder of its own.
    await rm(dirname(workerPath), { recursive: true, force: true });
  }
}

/** The figures of one size beyond the headline ones, keyed by its size. */
function details(size: number, ours: OurFigures): Figures {
  return {
    [`build_${size}_ms`]: round(ours.buildMs),
    [`first_search_${size}_ms`]: round(ours.firstSearchMs),
    [`p50_${size}_ms`]: round(median(ours.timed.latencies)),
    [`max_${size}_ms`]: round(Math.max(...ours.timed.latencies)),
    [`round_trip_p95_${size}_ms`]: round(percentile(ours.timed.roundTrips, 0.95)),
    [`answered_${size}`]: ours.timed.answered,
    [`partial_${size}`]: ours.timed.partial,
    [`refused_${size}`]: ours.timed.refused,
    [`add_to_searchable_${size}_ms`]: round(ours.addMs),
    [`worker_rss_${size}_mb`]: round(ours.workerRssMb),
  };
}

/** `count` passages: all of them, then again under other ids, as many times as it takes. */
function repeated(passages: Passage[], count: number): Passage[] {
  return Array.from({ length: count }, (_, i) => {
    const passage = passages[i % passages.length];
    const copy = Math.floor(i / passages.length);
    return copy === 0 ? passage : { ...passage, id: `${passage.id}~${copy}` };
  });
}

/** The library a run works on, for the steps that add to it. */
interface OpenLibrary {
  root: string;
  library: LibraryService;
  service: SearchService;
  queries: string[];
  progress: (message: string) => void;
}

/** `more` runs after the main figures, on the same library and worker. */
async function benchOurs(
  dir: string,
  workerPath: string,
  passages: Passage[],
  queries: string[],
  more?: (library: OpenLibrary) => Promise<Figures>,
): Promise<OurFigures> {
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

    const timed = await timeQueries(service, queries);
    progress(`${timed.answered} of ${queries.length} queries found something; ${describe(timed)}`);

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

    const figures = more ? await more({ root, library, service, queries, progress }) : {};
    return { buildMs, firstSearchMs, workerRssMb, timed, addMs, more: figures };
  } finally {
    await service.close();
  }
}

/** Writes briefings into the library and waits until the index holds them. */
async function addBriefings(open: OpenLibrary, files: { name: string; title: string; text: string }[]): Promise<void> {
  for (const { name, title, text } of files) {
    await writeFile(join(open.root, name), `---\ntitle: ${JSON.stringify(title)}\ndate: "2025"\nsource: "Bench"\nlanguage: en\n---\n\n${text}\n`);
  }
  const { briefings } = await open.library.open(open.root);
  for (const { name } of files) {
    if (briefings.find((briefing) => briefing.id === name)?.problem) throw new Error(`${name} was not read`);
  }
  await open.service.open(open.root, briefings);
  await open.service.idle();
}

/**
 * A handful of 40,000-word transcripts (runs of consecutive debate passages, which the queries are
 * drawn from, so they match and their snippets and phrase checks are paid for) join the library.
 */
async function benchTranscripts(open: OpenLibrary, passages: Passage[]): Promise<Figures> {
  const files = Array.from({ length: TRANSCRIPTS }, (_, t) => {
    const parts: string[] = [];
    for (let words = 0, i = Math.floor((t * passages.length) / TRANSCRIPTS); words < TRANSCRIPT_WORDS; i++) {
      const text = passages[i % passages.length].text;
      parts.push(text);
      words += text.split(/\s+/).length;
    }
    return { name: `bench-transcript-${t + 1}.md`, title: `Debate transcript ${t + 1}`, text: parts.join('\n\n') };
  });
  await addBriefings(open, files);
  const timed = await timeQueries(open.service, open.queries);
  open.progress(`with ${TRANSCRIPTS} transcripts of ${TRANSCRIPT_WORDS} words: ${describe(timed)}`);
  return {
    p95_long_transcripts_ms: round(percentile(timed.latencies, 0.95)),
    p50_long_transcripts_ms: round(median(timed.latencies)),
    partial_long_transcripts: timed.partial,
  };
}

/** Words that occur everywhere in English text, typed alone. */
const FREQUENT_WORDS = ['the', 'a', 'word'];
const FREQUENT_ROUNDS = 20;
const LONG_BRIEFING_CHARS = 9_900_000;

/**
 * A 10 MB briefing of real debate text goes into the library; then the normal queries and the
 * frequent words are timed with it there, each query awaited before the next.
 */
async function benchLongBriefing(open: OpenLibrary, passages: Passage[]): Promise<Figures> {
  const parts: string[] = [];
  for (let length = 0, i = 0; length < LONG_BRIEFING_CHARS; i++) {
    parts.push(passages[i % passages.length].text);
    length += passages[i % passages.length].text.length + 2;
  }
  await addBriefings(open, [{ name: 'bench-long.md', title: 'Ten megabytes of debate', text: parts.join('\n\n') }]);
  open.progress('10 MB briefing indexed');
  const normal = await timeQueries(open.service, open.queries);
  const frequent = await timeQueries(open.service, Array.from({ length: FREQUENT_ROUNDS }, () => FREQUENT_WORDS).flat());
  open.progress(`with the 10 MB briefing: ${describe(normal)}; ${frequent.partial} of ${frequent.latencies.length} frequent-word answers were partial`);
  return {
    p50_long_briefing_ms: round(median(normal.latencies)),
    p95_long_briefing_ms: round(percentile(normal.latencies, 0.95)),
    frequent_word_p50_ms: round(median(frequent.latencies)),
    frequent_word_p95_ms: round(percentile(frequent.latencies, 0.95)),
    frequent_word_partial: frequent.partial,
  };
}

interface Timed {
  latencies: number[];
  /** What each answer took beyond the engine's own time (`elapsedMs`): the worker's queue, the message both ways and its copying. */
  roundTrips: number[];
  /** By kind of query (words, typing, phrase), for the progress lines. */
  byKind: Map<string, number[]>;
  answered: number;
  /** Answers cut short by the deadline: their latency is the deadline, not what the whole answer would take. */
  partial: number;
  refused: number;
}

/** Each query sent and awaited before the next, as a person typing sends them. */
async function timeQueries(service: SearchService, texts: string[]): Promise<Timed> {
  const timed: Timed = { latencies: [], roundTrips: [], byKind: new Map(), answered: 0, partial: 0, refused: 0 };
  for (const text of texts) {
    const begin = performance.now();
    const response = await service.search(request(text));
    const latency = performance.now() - begin;
    timed.latencies.push(latency);
    timed.roundTrips.push(latency - response.elapsedMs);
    const kind = text.startsWith('"') ? 'phrase' : text.endsWith(' ') ? 'words' : 'typing';
    timed.byKind.set(kind, [...(timed.byKind.get(kind) ?? []), latency]);
    if (response.results.length > 0) timed.answered++;
    if (response.stopped) timed.partial++;
    if (response.refused) timed.refused++;
  }
  return timed;
}

const describe = (timed: Timed) =>
  `p95 ${round(percentile(timed.latencies, 0.95))} ms (${[...timed.byKind].map(([kind, latencies]) => `${kind} ${round(percentile(latencies, 0.95))}`).join(', ')}), round trip p95 ${round(percentile(timed.roundTrips, 0.95))} ms, ${timed.partial} partial, ${timed.refused} refused`;

export const request = (text: string): SearchRequest => ({ text, filters: {}, limit: 20 });

async function pollUntil(what: string, found: () => Promise<boolean>): Promise<void> {
  const start = performance.now();
  while (!(await found())) {
    if (performance.now() - start > POLL_LIMIT_MS) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
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
