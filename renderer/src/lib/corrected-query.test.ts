import { describe, expect, it } from 'vitest';
import { correctedQuery } from './corrected-query';

describe('correctedQuery', () => {
  it('puts the library word in place of each corrected word, keeping the rest as typed', () => {
    expect(
      correctedQuery('Permaennt ceasefire equalky', [
        { from: 'permaennt', to: 'permanent' },
        { from: 'equalky', to: 'equally' },
      ]),
    ).toEqual([
      { text: 'permanent', corrected: true },
      { text: ' ceasefire ', corrected: false },
      { text: 'equally', corrected: true },
    ]);
  });

  it('finds Cyrillic words and words inside quotes', () => {
    expect(correctedQuery('"переговорив" Київ', [{ from: 'переговорив', to: 'переговорів' }])).toEqual([
      { text: '"', corrected: false },
      { text: 'переговорів', corrected: true },
      { text: '" Київ', corrected: false },
    ]);
  });

  it('leaves the query whole when nothing was corrected', () => {
    expect(correctedQuery('lend-lease act', [])).toEqual([{ text: 'lend-lease act', corrected: false }]);
  });
});
