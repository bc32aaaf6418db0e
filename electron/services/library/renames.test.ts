import { describe, expect, it } from 'vitest';
import { matchRenames } from './renames';

describe('matchRenames', () => {
  it('matches an orphan to the one new briefing with its text', () => {
    expect(
      matchRenames(
        [{ id: 'a.md', fingerprints: ['fp-a'] }],
        [
          { id: 'archive/a.md', fingerprint: 'fp-a' },
          { id: 'b.md', fingerprint: 'fp-b' },
        ],
      ),
    ).toEqual([{ from: 'a.md', to: 'archive/a.md' }]);
  });

  it('matches by the text the library last listed when the stored fingerprint is older (edited, then renamed)', () => {
    expect(matchRenames([{ id: 'a.md', fingerprints: ['fp-before-edit', 'fp-after-edit'] }], [{ id: 'renamed.md', fingerprint: 'fp-after-edit' }])).toEqual([
      { from: 'a.md', to: 'renamed.md' },
    ]);
  });

  it('leaves ambiguous cases alone: two new files with the text, or two orphans with it', () => {
    expect(
      matchRenames(
        [{ id: 'a.md', fingerprints: ['fp'] }],
        [
          { id: 'x.md', fingerprint: 'fp' },
          { id: 'y.md', fingerprint: 'fp' },
        ],
      ),
    ).toEqual([]);
    expect(
      matchRenames(
        [
          { id: 'a.md', fingerprints: ['fp'] },
          { id: 'b.md', fingerprints: ['fp'] },
        ],
        [{ id: 'x.md', fingerprint: 'fp' }],
      ),
    ).toEqual([]);
    expect(matchRenames([{ id: 'a.md', fingerprints: [undefined, ''] }], [{ id: 'x.md', fingerprint: '' }])).toEqual([]);
  });
});
