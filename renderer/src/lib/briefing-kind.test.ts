import { describe, expect, it } from 'vitest';
import type { BriefingSummary, Problem } from '../../../electron/common/model';
import { kindOf, pagesOf, unsearchableFlag } from './briefing-kind';

const problem = (code: Problem['code']): Problem => ({ code, severity: 'warning', message: 'The full reason.' });

describe('briefing kind', () => {
  it('names PDFs and Word files, not the formats that read as articles', () => {
    expect(kindOf({ format: 'pdf' })).toBe('PDF');
    expect(kindOf({ format: 'docx' })).toBe('Word');
    for (const format of ['markdown', 'text', 'html'] as const) expect(kindOf({ format })).toBeNull();
  });

  it('counts pages only when known', () => {
    expect(pagesOf({ pageCount: 281 })).toBe('281 pages');
    expect(pagesOf({ pageCount: 1 })).toBe('1 page');
    expect(pagesOf({ pageCount: 2000 })).toBe('2,000 pages');
    expect(pagesOf({})).toBeNull();
  });

  it('flags a scan and a locked PDF in a few words, and no other problem', () => {
    const flag = (code: Problem['code'] | null) => unsearchableFlag({ problem: code ? problem(code) : null } as Pick<BriefingSummary, 'problem'>);
    expect(flag('no-text')).toBe('No text — not searchable');
    expect(flag('password')).toBe('Password');
    expect(flag('damaged')).toBeNull();
    expect(flag('invalid-utf8')).toBeNull();
    expect(flag(null)).toBeNull();
  });
});
