import { describe, expect, it } from 'vitest';
import { conflictBaseOf, isQuarantined, isSidecarName } from './conflict-copies';

describe('conflict copy names', () => {
  it.each([
    ['x.md.sync-conflict-20240101-120000-ABCDEFG.json', 'x.md.json'],
    ['x.md (conflicted copy 2024-01-01).json', 'x.md.json'],
    ["x.md (Ann's conflicted copy 2024-01-01) (1).json", 'x.md.json'],
    ['x.md (conflicted copy 2024-01-01 120000).json', 'x.md.json'],
    ['x.md_conflict-20240101-120000.json', 'x.md.json'],
    ['report (conflicted copy 2024).md.json', null],
    ['x.md.json', null],
  ])('%s belongs to %s', (name, base) => {
    expect(conflictBaseOf(name)).toBe(base);
  });

  it('tells sidecars from copies, quarantined files and temp files', () => {
    expect(isSidecarName('x.md.json')).toBe(true);
    expect(isSidecarName('x.md.corrupt-20240101T120000000Z.json')).toBe(false);
    expect(isQuarantined('x.md.corrupt-20240101T120000000Z-1.json')).toBe(true);
    expect(isSidecarName('.x.md.json.0a1b2c.tmp')).toBe(false);
    expect(isSidecarName('x.md (conflicted copy 2024-01-01).json')).toBe(false);
  });
});
