import { describe, expect, it } from 'vitest';
import { decodeBriefingBytes, isProblem } from './decode';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part))));

describe('decodeBriefingBytes', () => {
  it('decodes UTF-8 with Cyrillic and strips a byte order mark', () => {
    const result = decodeBriefingBytes(bytes([0xef, 0xbb, 0xbf], 'Звернення Президента'));
    expect(result).toEqual({ text: 'Звернення Президента', problem: null });
  });

  it('refuses an empty file', () => {
    expect(decodeBriefingBytes(new Uint8Array())).toMatchObject({ code: 'empty', severity: 'error' });
  });

  it('refuses binary data (a PNG saved as .md)', () => {
    const result = decodeBriefingBytes(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    expect(isProblem(result) && result.code).toBe('binary');
  });

  it('keeps invalid UTF-8 readable with a warning and replacement characters', () => {
    const result = decodeBriefingBytes(bytes('Caf', [0xe9], ' au lait'));
    expect(isProblem(result)).toBe(false);
    if (isProblem(result)) return;
    expect(result.text).toBe('Caf\uFFFD au lait');
    expect(result.problem).toMatchObject({ code: 'invalid-utf8', severity: 'warning' });
  });

  it('decodes UTF-16 with a byte order mark (as Windows Notepad saves)', () => {
    const result = decodeBriefingBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Київ', 'utf16le')]));
    expect(result).toEqual({ text: 'Київ', problem: null });
  });
});
