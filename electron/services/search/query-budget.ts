import type { SearchStop } from '../../common/search-model';

/** How long one query may work when nobody says otherwise; results are nearly always far quicker. */
export const DEFAULT_QUERY_DEADLINE_MS = 1500;

/**
 * What one query may still spend. The engine asks `spent()` between steps (each shard, each
 * phrase check, each snippet) and, once it is true, answers with what it has found so far.
 */
export class QueryBudget {
  private reason: Exclude<SearchStop, 'restarted'> | null = null;
  private readonly deadline: number;

  /** `superseded` tells whether a newer query has come in, which makes this one's answer moot. */
  constructor(
    deadlineMs: number,
    private readonly superseded: () => boolean = () => false,
  ) {
    this.deadline = performance.now() + deadlineMs;
  }

  static unlimited(): QueryBudget {
    return new QueryBudget(Number.POSITIVE_INFINITY);
  }

  spent(): boolean {
    if (this.reason === null) {
      if (this.superseded()) this.reason = 'superseded';
      else if (performance.now() > this.deadline) this.reason = 'deadline';
    }
    return this.reason !== null;
  }

  /** Why the query stopped early; null when it ran to the end. */
  get stopped(): Exclude<SearchStop, 'restarted'> | null {
    return this.reason;
  }
}
