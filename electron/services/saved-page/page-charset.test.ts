import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodePageBytes } from './page-charset';

const RUSSIAN =
  'Президент России провёл переговоры с Президентом Украины. Стороны обсудили вопросы торгово-экономического сотрудничества, энергетики и транзита газа.';
const UKRAINIAN = 'Президент України провів переговори з колегами. Сторони обговорили питання енергетичної безпеки, їхні спільні інтереси і ґрунтовні зміни.';
const FRENCH = 'Le président a reçu ses homologues à l’Élysée. Ils ont évoqué la sécurité énergétique, déjà « très fragile », et la façade maritime.';

const page = (head: string, text: string) =>
  `<!doctype html><html><head>${head}<title>Page</title></head><body><article><p>${text}</p></article></body></html>`;

describe('decodePageBytes', () => {
  it('decodes a windows-1251 page by its meta charset', () => {
    const result = decodePageBytes(iconv.encode(page('<meta charset="windows-1251">', RUSSIAN), 'windows-1251'));
    expect(result).toMatchObject({ encoding: 'windows-1251', source: 'declared', lossy: false });
    expect(result.text).toContain(RUSSIAN);
  });

  it('decodes a KOI8-U page declared with http-equiv, Ukrainian letters included', () => {
    const head = '<meta http-equiv="Content-Type" content="text/html; charset=koi8-u">';
    const result = decodePageBytes(iconv.encode(page(head, UKRAINIAN), 'koi8-u'));
    expect(result).toMatchObject({ encoding: 'koi8-u', source: 'declared' });
    expect(result.text).toContain(UKRAINIAN);
  });

  it('decodes an ISO-8859-1 page (read as windows-1252, as browsers do)', () => {
    const latin1Text = FRENCH.replace(/[’«»]/g, '"');
    const result = decodePageBytes(iconv.encode(page('<meta charset="iso-8859-1">', latin1Text), 'latin1'));
    expect(result).toMatchObject({ encoding: 'windows-1252', source: 'declared' });
    expect(result.text).toContain(latin1Text);
  });

  it('detects windows-1251 when the page wrongly declares utf-8', () => {
    const result = decodePageBytes(iconv.encode(page('<meta charset="utf-8">', RUSSIAN), 'windows-1251'));
    expect(result).toMatchObject({ encoding: 'windows-1251', source: 'detected', lossy: false });
    expect(result.text).toContain(RUSSIAN);
  });

  it('detects the charset of a page with no declaration, reading KOI8 Ukrainian as KOI8-U', () => {
    const result = decodePageBytes(iconv.encode(page('', UKRAINIAN), 'koi8-u'));
    expect(result).toMatchObject({ encoding: 'koi8-u', source: 'detected' });
    expect(result.text).toContain(UKRAINIAN);
  });

  it('detects Cyrillic in a page that wrongly declares a Western charset', () => {
    for (const [text, encoding] of [
      [RUSSIAN, 'windows-1251'],
      [UKRAINIAN, 'koi8-u'],
    ] as const) {
      const result = decodePageBytes(iconv.encode(page('<meta charset="iso-8859-1">', text), encoding));
      expect(result, encoding).toMatchObject({ encoding, source: 'detected', lossy: false });
      expect(result.text).toContain(text);
    }
  });

  it('keeps the Western declaration of Western text rich in accents', () => {
    const accented = 'Ça été déjà évoqué à Málaga, Ørsted, Åre, Zürich und Düsseldorf: État, élève, œuvre, naïve, façade, señor, São Tomé.';
    const result = decodePageBytes(iconv.encode(page('<meta charset="windows-1252">', accented), 'windows-1252'));
    expect(result).toMatchObject({ encoding: 'windows-1252', source: 'declared' });
    expect(result.text).toContain(accented);
  });

  it('reads valid UTF-8 as UTF-8 even when the page declares a legacy charset', () => {
    const result = decodePageBytes(Buffer.from(page('<meta charset="windows-1251">', RUSSIAN), 'utf8'));
    expect(result).toMatchObject({ encoding: 'utf-8', lossy: false });
    expect(result.text).toContain(RUSSIAN);
  });

  it('reads an undeclared UTF-8 page as UTF-8 and drops a byte order mark', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(page('', FRENCH), 'utf8')]);
    const result = decodePageBytes(bytes);
    expect(result).toMatchObject({ encoding: 'utf-8', source: 'bom' });
    expect(result.text.startsWith('<!doctype html>')).toBe(true);
    expect(result.text).toContain(FRENCH);
  });

  it('decodes a UTF-16 page by its byte order mark, whatever its meta says', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(page('<meta charset="windows-1251">', UKRAINIAN), 'utf16le')]);
    const result = decodePageBytes(bytes);
    expect(result).toMatchObject({ encoding: 'utf-16le', source: 'bom' });
    expect(result.text).toContain(UKRAINIAN);
  });
});
