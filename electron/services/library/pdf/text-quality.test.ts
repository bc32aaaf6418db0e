import { describe, expect, it } from 'vitest';
import { textQuality } from './text-quality';

describe('textQuality', () => {
  it('takes real text as text, in any script, with numbers, addresses and hyphenation', () => {
    const english = 'The Council adopted restrictive measures against 351 members of the Russian State Duma on 23 February 2022. ';
    const ukrainian = 'Кримінальний кодекс України має своїм завданням правове забезпечення охорони прав і свобод людини. ';
    const register = 'Digital Currency Address - XBT 1H2mZiY9BmSe2n3tUkHFkiN5yCCNSB9yVQ; ETH 0x7FF9cFad3877F21d41Da833E2F775dB0569eE3D9; de- ';
    expect(textQuality([english.repeat(5), ukrainian.repeat(5)])).toBe('text');
    expect(textQuality([register.repeat(6)])).toBe('text');
  });

  it('finds no text on pages that are pictures (a scan), even with a stray mark or two', () => {
    expect(textQuality(['', '', ''])).toBe('no-text');
    expect(textQuality(['104-10077-10136', '', ''])).toBe('no-text');
  });

  it('finds gibberish in Cyrillic drawn with fonts that claim Latin letters (the Russian code excerpt)', () => {
    const garbled = ';_kieZlgZy\u0003xjb^bq_kdZy\u0003dhgkmevlZpby\u0003ih\u0003l_e_nhgZf\u001d\nM]heh\\guc\u0003dh^_dk\u0003Jhkkbckdhc\u0003N_^_jZpbb ';
    expect(textQuality([garbled.repeat(10)])).toBe('garbled');
  });

  it('finds gibberish in glyphs with no letters at all (private-use characters)', () => {
    expect(textQuality(['\uE001\uE002\uE003 \uE004\uE005 '.repeat(40)])).toBe('garbled');
  });
});
