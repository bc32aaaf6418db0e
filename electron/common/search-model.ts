import type { ColourSlot } from './annotation-model';
import type { Language } from './model';

/** Narrowing applied after matching; every field optional. Dates compare as ISO strings (`2022`, `2022-03-08`). */
export interface SearchFilters {
  sources?: string[];
  languages?: Language[];
  dateFrom?: string;
  dateTo?: string;
}

export interface SearchRequest {
  text: string;
  filters: SearchFilters;
  /** How many results to return (ranked); the total is counted regardless. */
  limit: number;
  /** Search the words as typed: no typo is corrected ("Search instead for …" after a correction). */
  exact?: boolean;
}

/** A piece of a snippet; `hit` pieces are the matched words. Rendered as text, never as HTML. */
export interface SnippetPart {
  text: string;
  hit: boolean;
}

export interface SearchHit {
  id: string;
  title: string;
  source: string | null;
  date: string | null;
  language: Language;
  score: number;
  snippet: SnippetPart[];
  /** The matched words as they are written in this briefing, for highlighting it when opened. */
  hitWords: string[];
  /** PDFs: the 1-based page the snippet is cut from, where the reader opens. */
  page?: number;
  /** True when the query's words were found only in the title: the snippet is then the text's opening, nothing marked. */
  titleOnly: boolean;
}

/** A query word replaced by the library word it was taken to mean (a typo corrected). */
export interface QueryCorrection {
  /** As typed (normalised). */
  from: string;
  /** The word of the library searched instead. */
  to: string;
}

/**
 * How the results relate to the words typed: `all` every result holds every word (or a spelling
 * of it the index folds together: inflections, transliterations); `corrected` the same after
 * misspelt words were replaced by library words (`corrections`); `closest` no briefing holds all
 * the words, so these hold most of them, best first.
 */
export type SearchMatchKind = 'all' | 'corrected' | 'closest';

/** A note (annotation) whose quote, comment or tags match: its own kind of search result. */
export interface SearchNoteHit {
  annotationId: string;
  briefingId: string;
  briefingTitle: string;
  colour: ColourSlot;
  score: number;
  /** Cut from the quote, the comment and the tags, with the matched words marked. */
  snippet: SnippetPart[];
}

/** What the search service needs of a note to index it. */
export interface NoteDocument {
  annotationId: string;
  briefingId: string;
  briefingTitle: string;
  source: string | null;
  date: string | null;
  language: Language;
  colour: ColourSlot;
  quote: string;
  comment: string;
  tags: string[];
}

export interface SearchCoverage {
  /** Briefings whose index is loaded and searched. */
  searched: number;
  /** Briefings in the library that can be searched once indexing is done. */
  total: number;
  /** True while an index is being built or loaded. */
  indexing: boolean;
}

/**
 * Why an answer is incomplete: the query reached its deadline (the results are those found by
 * then), a newer query came in, or the search worker was stuck and had to be restarted.
 */
export type SearchStop = 'deadline' | 'superseded' | 'restarted';

export interface SearchResponse {
  results: SearchHit[];
  total: number;
  /** True when `total` is an estimate ("about"): phrases were checked only in part of the candidates, the best ones all checked. */
  totalEstimated: boolean;
  match: SearchMatchKind;
  /** Words replaced before searching, in query order (with `corrected`, and with `closest` when words were corrected before no briefing held them all). */
  corrections: QueryCorrection[];
  /** Set when the query was refused; the sentence says why and what to type instead. */
  refused: string | null;
  notices: string[];
  coverage: SearchCoverage;
  elapsedMs: number;
  /** Sources and languages present in the library, for the filter menus. */
  facets: { sources: string[]; languages: Language[] };
  /** Matching notes, best first (at most `limit`). */
  notes: SearchNoteHit[];
  /** Set when the answer is partial; `notices` then says so in words. */
  stopped: SearchStop | null;
}
