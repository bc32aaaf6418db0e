import type { BriefingSummary } from '../model';

/** A listed Markdown briefing for tests of list logic: `id` doubles as title and fingerprint unless overridden. */
export const summary = (id: string, fields: Partial<BriefingSummary> = {}): BriefingSummary => ({
  id,
  title: id,
  source: null,
  date: null,
  language: 'en',
  tags: [],
  format: 'markdown',
  sizeBytes: 1,
  wordCount: 1,
  fingerprint: id,
  problem: null,
  ...fields,
});
