import type { Article, BriefingFormat, BriefingSummary } from '../../common/model';

/** One file's bytes to parse; `render` asks for the article the reader shows as well. */
export interface ParseRequest {
  requestId: number;
  id: string;
  format: BriefingFormat;
  bytes: Uint8Array;
  render: boolean;
}

/** What the parse worker is started with. */
export interface ParseWorkerData {
  /** Where PDF extractions are cached; null: not cached. */
  pdfCache: string | null;
}

export type ParseReply = { requestId: number; ok: true; summary: BriefingSummary; article: Article | null } | { requestId: number; ok: false; error: string };
