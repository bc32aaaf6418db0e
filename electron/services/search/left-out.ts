import type { BriefingSummary, ProblemCode } from '../../common/model';

/**
 * Briefings listed and readable but not indexed, because they have no text search could trust: a
 * scan or a PDF whose text is not the visible text ('no-text'), or one locked by a password. Each
 * kind is counted and said in words with every answer, so a search that finds nothing in them is
 * not taken for a search that looked.
 */
const LEFT_OUT: Partial<Record<ProblemCode, (count: number) => string>> = {
  'no-text': (count) => `${count} scanned or unreadable PDF${count === 1 ? '' : 's'} cannot be searched.`,
  password: (count) => `${count} password-protected PDF${count === 1 ? '' : 's'} cannot be searched.`,
};

/** True when the briefing is kept out of the search index (see LEFT_OUT). */
export function isLeftOut(briefing: BriefingSummary): boolean {
  return briefing.problem !== null && briefing.problem.code in LEFT_OUT;
}

/** The sentences saying which briefings search leaves out, one per kind present. */
export function leftOutNotices(briefings: readonly BriefingSummary[]): string[] {
  const counts = new Map<ProblemCode, number>();
  for (const briefing of briefings) if (isLeftOut(briefing)) counts.set(briefing.problem!.code, (counts.get(briefing.problem!.code) ?? 0) + 1);
  return [...counts].map(([code, count]) => LEFT_OUT[code]!(count));
}
