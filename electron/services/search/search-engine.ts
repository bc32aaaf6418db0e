import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { dateInRange } from '../../common/date-range';
import type { BriefingSummary, Language } from '../../common/model';
import type { NoteDocument, SearchCoverage, SearchHit, SearchMatchKind, SearchNoteHit, SearchRequest, SearchResponse } from '../../common/search-model';
import { SerialQueue } from '../../common/async/serial-queue';
import { cacheKeyFor } from '../fs/cache-key';
import { cacheVersion } from '../library/parser-version';
import { readJsonOr, writeJson } from '../fs/json-file';
import { isEmptyQuery, parseQuery, type ParsedQuery } from './query';
import { loadSearchDoc, type SearchDoc } from './search-document';
import {
  buildShard,
  loadShard,
  matchedTerms,
  matchShard,
  serialiseShard,
  type MatchOptions,
  type MatchQuery,
  type SerialisedShard,
  type Shard,
  type ShardMatch,
} from './shard';
import { QueryBudget } from './query-budget';
import { highlight } from './snippet';
import { correctQuery, type Lexicon } from './correction';
import { checkPhrases } from './phrase-check';
import { CLOSEST_MATCHES, SHOWING_RESULTS_FOR } from '../../common/search-sentences';
import { pageAt } from '../../common/pdf-text';
import { isLeftOut, leftOutNotices } from './left-out';

/**
 * Briefings per base shard. Every query pays a fixed cost per shard, so fewer shards answer
 * faster; each must still be small enough that building one blocks queries only briefly (~2 s).
 * The first shard (the newest briefings) is smaller so that search is ready soon after start.
 */
export const BASE_SHARD_SIZE = 3000;
const FIRST_SHARD_SIZE = 1000;
/** When more briefings than this changed since the last full build, the next update rebuilds everything. */
const RECENT_LIMIT = 1000;
/**
 * Bump the layout number when how a briefing is indexed changes (fields, analysis, shard format);
 * a change in what parsing makes of a briefing (title, date, language) changes it through
 * `PARSER_VERSION`, so stale shards are rebuilt either way.
 * 2: a PDF's document keeps where its pages start, for the page a hit is on.
 * 3: each language index carries its vocabulary (surface words → terms) for type-ahead and typos.
 * 4: each language index is kept as postings (documents and weights per term), not Lunr's serialised index.
 */
const MANIFEST_VERSION = cacheVersion(4);

interface IndexManifest {
  version: string;
  root: string;
  /** Base shard files, newest briefings first: the order they load in. */
  base: { file: string; count: number }[];
  recent: string | null;
  /** id → fingerprint of every indexed briefing, to find what changed. */
  fingerprints: Record<string, string>;
  /** Ids in base shards that are superseded by the recent shard or gone from the library. */
  hidden: string[];
}

export interface EngineOptions {
  /** Called whenever coverage changes (a shard loaded or built). */
  onCoverage?(coverage: SearchCoverage): void;
  /** Briefings per base shard (tests use small shards to watch a build progress). */
  shardSize?: number;
}

/**
 * The search index of one library: sharded, persisted in the cache folder, updated incrementally.
 * Load order is the recent shard (latest changes), then base shards from newest briefings to
 * oldest; each is searchable as soon as it is loaded or built. Long work yields between steps so
 * queries are answered while it runs.
 */
export class SearchEngine {
  private manifest: IndexManifest;
  private readonly shards = new Map<string, Shard>();
  private hidden = new Set<string>();
  private libraryTotal = 0;
  /** What the last update left out of the index, in words, said with every answer. */
  private leftOut: string[] = [];
  private indexing = false;
  /** Loading and building, one step at a time in the order asked. */
  private readonly work = new SerialQueue();
  /** Notes (annotations) as a shard of their own, rebuilt from the sidecars; not persisted. */
  private notes: { shard: Shard; byId: Map<string, NoteDocument> } | null = null;
  /** Recomputed only when shards change, not on every query. */
  private cached: { searched: number; facets: SearchResponse['facets'] } | null = null;

  private constructor(
    private readonly root: string,
    private readonly dir: string,
    private readonly events: EngineOptions,
  ) {
    this.manifest = emptyManifest(root);
  }

  /** Opens the persisted index of `root` (if any) and starts loading its shards in the background. */
  static async open(root: string, cacheDir: string, events: EngineOptions = {}): Promise<SearchEngine> {
    const dir = join(cacheDir, cacheKeyFor(root));
    const engine = new SearchEngine(root, dir, events);
    const stored = await readJsonOr<IndexManifest | null>(join(dir, 'manifest.json'), null);
    if (stored && stored.version === MANIFEST_VERSION && stored.root === root) {
      engine.manifest = stored;
      engine.hidden = new Set(stored.hidden);
      engine.libraryTotal = Object.keys(stored.fingerprints).length;
      engine.enqueue(() => engine.loadAll());
    }
    return engine;
  }

  coverage(): SearchCoverage {
    return { searched: Math.min(this.summary().searched, this.libraryTotal), total: this.libraryTotal, indexing: this.indexing };
  }

  private summary(): { searched: number; facets: SearchResponse['facets'] } {
    if (this.cached) return this.cached;
    let searched = 0;
    const sources = new Set<string>();
    const languages = new Set<Language>();
    for (const [name, shard] of this.shards) {
      for (const doc of shard.docs) {
        if (name !== this.manifest.recent && this.hidden.has(doc.id)) continue;
        searched++;
        if (doc.source) sources.add(doc.source);
        languages.add(doc.language);
      }
    }
    this.cached = { searched, facets: { sources: [...sources].sort((a, b) => a.localeCompare(b)), languages: [...languages].sort() } };
    return this.cached;
  }

  /** Resolves when all queued loading and building is done. */
  idle(): Promise<void> {
    return this.work.idle();
  }

  /**
   * Brings the index in line with the library listing: changed and new briefings go into the
   * recent shard (rebuilt), removed ones are hidden. The first time, or after many changes, the
   * whole library is rebuilt into base shards.
   */
  update(briefings: readonly BriefingSummary[]): Promise<void> {
    return this.enqueue(() => this.applyUpdate(briefings));
  }

  /**
   * Indexes the library's notes by quote, comment and tags, reusing the briefing machinery: each
   * note becomes a small document in the language of its briefing.
   */
  setNotes(notes: readonly NoteDocument[]): void {
    const docs: SearchDoc[] = notes.map((note) => ({
      id: note.annotationId,
      fingerprint: '',
      title: note.tags.join(' '),
      source: note.source,
      date: note.date,
      language: note.language,
      text: [note.quote, note.comment, note.tags.join(', ')].filter(Boolean).join('\n'),
    }));
    this.notes = { shard: buildShard(docs), byId: new Map(notes.map((note) => [note.annotationId, note])) };
  }

  private matchNotes(query: ParsedQuery, request: SearchRequest, budget: QueryBudget): SearchNoteHit[] {
    if (!this.notes || budget.spent()) return [];
    const { shard, byId } = this.notes;
    const candidates = rank(matchShard(shard, matchQueryOf(query), { mode: 'all', hidden: new Set() }).filter((match) => passesFilters(match.doc, request)));
    const { matches } = checkPhrases(candidates, query.phrases, request.limit, budget);
    return highlightWithin(budget, matches.slice(0, request.limit), (match) => {
      const note = byId.get(match.doc.id)!;
      return {
        annotationId: note.annotationId,
        briefingId: note.briefingId,
        briefingTitle: note.briefingTitle,
        colour: note.colour,
        score: match.score,
        snippet: highlight(match.doc, matchedWords(match)).snippet,
      };
    });
  }

  /**
   * Answers a query. Every step checks `budget`; once it is spent (deadline passed, or a newer
   * query came in) the answer is what was found so far, marked `stopped` and said in a notice.
   */
  search(request: SearchRequest, budget: QueryBudget = QueryBudget.unlimited()): SearchResponse {
    const started = performance.now();
    const outcome = parseQuery(request.text);
    const facets = this.summary().facets;
    const base = {
      results: [],
      total: 0,
      totalEstimated: false,
      match: 'all' as const,
      corrections: [],
      notices: [] as string[],
      coverage: this.coverage(),
      facets,
      notes: [],
      stopped: null,
    };
    if (!outcome.ok) return { ...base, refused: outcome.refused, elapsedMs: performance.now() - started };
    const query = outcome.query;
    if (isEmptyQuery(query)) return { ...base, refused: null, notices: [...query.notices, ...this.leftOut], elapsedMs: performance.now() - started };

    const corrected = request.exact ? { query, corrections: [] } : correctQuery(query, this.lexicons());
    const searched = corrected.query;
    let kind: SearchMatchKind = corrected.corrections.length > 0 ? 'corrected' : 'all';
    let found = checkPhrases(rank(this.match(matchQueryOf(searched), 'all', request, budget)), searched.phrases, request.limit, budget);
    if (found.matches.length === 0 && !budget.spent() && wordCount(searched) >= 2) {
      // No briefing holds every word: those holding the most of them, best first.
      const closest = this.match(matchQueryOf(searched), 'any', request, budget).sort((a, b) => b.held - a.held || b.score - a.score);
      if (closest.length > 0) {
        found = { matches: closest, total: closest.length, estimated: false };
        kind = 'closest';
      }
    }
    const results: SearchHit[] = highlightWithin(budget, found.matches.slice(0, request.limit), (match) => {
      const { doc, score } = match;
      const { snippet, hitWords, at, titleOnly } = highlight(doc, matchedWords(match), searched.phrases);
      const page = doc.pageStarts && at !== null ? pageAt(doc.pageStarts, at) : null;
      return {
        id: doc.id,
        title: doc.title,
        source: doc.source,
        date: doc.date,
        language: doc.language,
        score,
        snippet,
        hitWords,
        titleOnly,
        ...(page ? { page } : {}),
      };
    });
    const notes = this.matchNotes(searched, request, budget);
    const notices = [...query.notices, ...this.leftOut];
    if (corrected.corrections.length > 0) notices.push(`${SHOWING_RESULTS_FOR} “${describeQuery(searched)}”.`);
    if (kind === 'closest') notices.push(`${CLOSEST_MATCHES}.`);
    if (budget.stopped)
      notices.push(budget.stopped === 'superseded' ? 'A newer search took over.' : `Search took too long: showing the first ${results.length} results found.`);
    return {
      ...base,
      results,
      notes,
      total: found.total,
      totalEstimated: found.estimated,
      match: kind,
      corrections: corrected.corrections,
      refused: null,
      notices,
      stopped: budget.stopped,
      elapsedMs: performance.now() - started,
    };
  }

  /** Every loaded language index's vocabulary (notes aside): what misspellings are corrected against. */
  private lexicons(): Lexicon[] {
    const lexicons: Lexicon[] = [];
    for (const shard of this.shards.values()) {
      for (const [language, { vocabulary }] of Object.entries(shard.indexes)) lexicons.push({ language: language as Lexicon['language'], vocabulary });
    }
    return lexicons;
  }

  /** Matches of every shard that pass the filters, one per briefing (a briefing in two shards: the newer copy). */
  private match(query: MatchQuery, mode: MatchOptions['mode'], request: SearchRequest, budget: QueryBudget): ShardMatch[] {
    const byId = new Map<string, ShardMatch>();
    for (const [name, shard] of this.shards) {
      if (budget.spent()) break;
      const hidden = name === this.manifest.recent ? new Set<string>() : this.hidden;
      for (const match of matchShard(shard, query, { mode, hidden })) {
        if (!passesFilters(match.doc, request)) continue;
        const seen = byId.get(match.doc.id);
        if (!seen || seen.score < match.score) byId.set(match.doc.id, match);
      }
    }
    return [...byId.values()];
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    return this.work.run(async () => {
      this.indexing = true;
      this.report();
      try {
        await task();
      } finally {
        this.indexing = false;
        this.report();
      }
    });
  }

  private report(): void {
    this.cached = null;
    this.events.onCoverage?.(this.coverage());
  }

  private async loadAll(): Promise<void> {
    const names = [...(this.manifest.recent ? [this.manifest.recent] : []), ...this.manifest.base.map((shard) => shard.file)];
    for (const name of names) {
      if (this.shards.has(name)) continue;
      try {
        this.shards.set(name, loadShard(JSON.parse(await readFile(join(this.dir, name), 'utf8')) as SerialisedShard));
      } catch {
        // A damaged or missing shard is a cache problem: forget the index and rebuild on the next update.
        this.manifest = emptyManifest(this.root);
        this.shards.clear();
        this.hidden.clear();
        return;
      }
      this.report();
      await yieldToQueries();
    }
  }

  private async applyUpdate(briefings: readonly BriefingSummary[]): Promise<void> {
    this.leftOut = leftOutNotices(briefings);
    const readable = briefings.filter((briefing) => briefing.problem?.severity !== 'error' && briefing.fingerprint && !isLeftOut(briefing));
    this.libraryTotal = readable.length;
    const known = this.manifest.fingerprints;
    const current = new Set(readable.map((briefing) => briefing.id));
    const changed = readable.filter((briefing) => known[briefing.id] !== briefing.fingerprint);
    const removed = Object.keys(known).filter((id) => !current.has(id));
    if (changed.length === 0 && removed.length === 0) return;

    await this.loadAll();
    const recentDocs = this.manifest.recent ? (this.shards.get(this.manifest.recent)?.docs ?? []) : [];
    const stale = new Set([...changed.map((briefing) => briefing.id), ...removed]);
    const keptRecent = recentDocs.filter((doc) => !stale.has(doc.id));
    if (this.manifest.base.length === 0 || keptRecent.length + changed.length > RECENT_LIMIT) {
      await this.rebuildAll(readable);
      return;
    }

    const fresh = await this.loadDocs(changed);
    const recent = [...keptRecent, ...fresh];
    const previousRecent = this.manifest.recent;
    const name = `recent-${Date.now()}.json`;
    const fingerprints = { ...known };
    for (const id of removed) delete fingerprints[id];
    for (const doc of fresh) fingerprints[doc.id] = doc.fingerprint;
    const hidden = new Set([...this.hidden, ...stale, ...recent.map((doc) => doc.id)]);

    const shard = buildShard(recent);
    await this.writeShard(name, shard);
    this.shards.set(name, shard);
    if (previousRecent) this.shards.delete(previousRecent);
    this.hidden = hidden;
    this.manifest = { ...this.manifest, recent: name, fingerprints, hidden: [...hidden] };
    await this.saveManifest();
    if (previousRecent) await rm(join(this.dir, previousRecent), { force: true });
    this.report();
  }

  /** Rebuilds every shard from the library, newest briefings first, each searchable as soon as it is built. */
  private async rebuildAll(readable: readonly BriefingSummary[]): Promise<void> {
    const ordered = [...readable].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
    const oldFiles = [...this.shards.keys()];
    this.shards.clear();
    this.hidden = new Set();
    const base: IndexManifest['base'] = [];
    const fingerprints: Record<string, string> = {};
    const generation = Date.now();
    const size = this.events.shardSize ?? BASE_SHARD_SIZE;
    for (let start = 0; start < ordered.length;) {
      const end = start + (start === 0 ? Math.min(FIRST_SHARD_SIZE, size) : size);
      const docs = await this.loadDocs(ordered.slice(start, end));
      start = end;
      const name = `base-${generation}-${base.length}.json`;
      const shard = buildShard(docs);
      await this.writeShard(name, shard);
      this.shards.set(name, shard);
      base.push({ file: name, count: docs.length });
      for (const doc of docs) fingerprints[doc.id] = doc.fingerprint;
      this.report();
      await yieldToQueries();
    }
    this.manifest = { version: MANIFEST_VERSION, root: this.root, base, recent: null, fingerprints, hidden: [] };
    await this.saveManifest();
    await Promise.all(oldFiles.map((file) => rm(join(this.dir, file), { force: true })));
  }

  private async loadDocs(briefings: readonly BriefingSummary[]): Promise<SearchDoc[]> {
    const docs: SearchDoc[] = [];
    for (let i = 0; i < briefings.length; i++) {
      const doc = await loadSearchDoc(this.root, briefings[i]);
      if (doc) docs.push(doc);
      if (i % 50 === 49) await yieldToQueries();
    }
    return docs;
  }

  private async writeShard(name: string, shard: Shard): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    await writeJson(join(this.dir, name), serialiseShard(shard));
  }

  private saveManifest(): Promise<void> {
    return writeJson(join(this.dir, 'manifest.json'), this.manifest);
  }
}

function emptyManifest(root: string): IndexManifest {
  return { version: MANIFEST_VERSION, root, base: [], recent: null, fingerprints: {}, hidden: [] };
}

const rank = (matches: ShardMatch[]) => matches.sort((a, b) => b.score - a.score);

/** Phrases are matched by their words first (and checked in the text afterwards). */
function matchQueryOf(query: ParsedQuery): MatchQuery {
  return { words: [...query.required, ...query.phrases.flat()], prefix: query.prefix, excluded: query.excluded };
}

/** Words the query asks for, phrase words each counted. */
const wordCount = (query: ParsedQuery) => query.required.length + query.phrases.flat().length + (query.prefix ? 1 : 0);

/** The query as searched, for "Showing results for …": its words after correction, phrases quoted. */
function describeQuery(query: ParsedQuery): string {
  const phrases = query.phrases.map((phrase) => `"${phrase.join(' ')}"`);
  const excluded = query.excluded.map((word) => `-${word}`);
  return [...query.required, ...(query.prefix ? [query.prefix] : []), ...phrases, ...excluded].join(' ');
}

/** Most spellings of one matched term looked for in a result's text (the term's own beginning finds most). */
const SURFACES_PER_TERM = 8;

/** What a result matched, for its snippet: the index terms, and the vocabulary's spellings of them. */
function matchedWords(match: ShardMatch): { terms: Set<string>; surfaces: string[] } {
  const terms = matchedTerms(match);
  return { terms: new Set(terms), surfaces: terms.flatMap((term) => match.vocabulary.surfacesOf(term, SURFACES_PER_TERM)) };
}

/** Snippets for the results in rank order until the budget is spent: the best are never the ones left out. */
function highlightWithin<T>(budget: QueryBudget, matches: readonly ShardMatch[], toResult: (match: ShardMatch) => T): T[] {
  const results: T[] = [];
  for (const match of matches) {
    if (budget.spent()) break;
    results.push(toResult(match));
  }
  return results;
}

function passesFilters(doc: SearchDoc, { filters }: SearchRequest): boolean {
  if (filters.sources?.length && (!doc.source || !filters.sources.includes(doc.source))) return false;
  if (filters.languages?.length && !filters.languages.includes(doc.language)) return false;
  if (!dateInRange(doc.date, filters.dateFrom, filters.dateTo)) return false;
  return true;
}

/** Lets queued messages (queries) run between steps of long work. */
const yieldToQueries = () => new Promise<void>((resolve) => setImmediate(resolve));
