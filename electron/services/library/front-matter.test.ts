import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from './front-matter';

describe('splitFrontMatter', () => {
  it('reads known and unknown keys and returns the body after the block', () => {
    const result = splitFrontMatter('---\ntitle: "A readout"\ndate: 2022-03-08\npair_id: abc\ntags: [ceasefire, talks]\n---\n\nBody text.\n');
    expect(result.problem).toBeNull();
    expect(result.metadata).toEqual({ title: 'A readout', date: '2022-03-08', pair_id: 'abc', tags: ['ceasefire', 'talks'] });
    expect(result.body).toBe('\nBody text.\n');
  });

  it('treats a file without front matter as all body', () => {
    expect(splitFrontMatter('Just text\n---\nmore')).toEqual({ metadata: {}, body: 'Just text\n---\nmore', problem: null });
  });

  it.each([
    ['an unterminated quote', '---\ntitle: "unterminated\n---\nBody'],
    ['a block that never closes', '---\ntitle: x\nBody without a closing line'],
    ['a block that is a list, not keys', '---\n- one\n- two\n---\nBody'],
    ['bad indentation', '---\ntitle: a\n  source: b\n---\nBody'],
  ])('reports %s and keeps every character of the file as the body', (_name, text) => {
    const result = splitFrontMatter(text);
    expect(result.problem?.code).toBe('front-matter');
    expect(result.problem?.message).toMatch(/could not be read: .+\. The file is shown as written\./);
    expect(result.body).toBe(text);
    expect(result.metadata).toEqual({});
  });

  it('does not expand a YAML alias bomb', () => {
    const bomb = [
      '---',
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      ...'bcdefghij'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghij'[i]}`).join(',')}]`),
      '---',
      'Body',
    ].join('\n');
    const result = splitFrontMatter(bomb);
    expect(result.problem?.code).toBe('front-matter');
  });
});
