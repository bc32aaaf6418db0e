import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { outlineOf, sanitizeArticleHtml } from './article-html';
import { parseDocx } from './parse-docx';
import { MAX_INFLATED_BYTES } from './docx/docx-package';
import { binaryDoc, briefingDocx, encryptedDocx, flagPng, hyperlink, paragraph, picture, wordPackage } from './docx/docx.fixture';

/** The article the reader shows: what toArticle makes of a parsed document. */
const shown = async (id: string, bytes: Uint8Array) => sanitizeArticleHtml((await parseDocx(id, bytes)).renderHtml());

describe('parseDocx: a Word briefing', () => {
  it('reads the title, author and the date written under the heading', async () => {
    const parsed = await parseDocx('ministry/grain.docx', await briefingDocx({ title: 'Black Sea Grain Initiative', creator: 'Ministry of Agrarian Policy' }));
    expect(parsed.problem).toBeNull();
    expect(parsed.title).toBe('Black Sea Grain Initiative');
    expect(parsed.source).toBe('Ministry of Agrarian Policy');
    expect(parsed.date).toBe('2022-03-12');
    expect(parsed.metadata).toMatchObject({ title: 'Black Sea Grain Initiative', author: 'Ministry of Agrarian Policy' });
  });

  it('shows headings in the outline, the list, the table, the footnote and the picture', async () => {
    const html = await shown('grain.docx', await briefingDocx());
    const { headings, text } = outlineOf(html);
    // One level under the title the reader shows as the page's heading.
    expect(headings).toEqual([
      { id: 'h-1', level: 2, text: 'Grain corridor update' },
      { id: 'h-2', level: 3, text: 'Next steps' },
    ]);
    expect(html).toMatch(/<ul><li>Inspect vessels in Istanbul<\/li><li>Publish weekly tonnage<\/li><\/ul>/);
    expect(html).toMatch(/<tr><th><p>Port<\/p><\/th><th><p>Tonnes<\/p><\/th><\/tr>/);
    expect(html).toContain('<td><p>Chornomorsk</p></td>');
    expect(text).toContain('Figures from the ministry’s March report.');
    expect(html).toContain(`<img alt="Flag of Ukraine" src="data:image/png;base64,${Buffer.from(flagPng()).toString('base64')}" />`);
  });

  it('links a footnote mark to its note and back, inside the article', async () => {
    const html = await shown('grain.docx', await briefingDocx());
    expect(html).toContain('<sup><a href="#doc-footnote-1" id="doc-footnote-ref-1">[1]</a></sup>');
    expect(html).toMatch(/<hr \/><ol><li id="doc-footnote-1"><p>Figures from the ministry’s March report. <a href="#doc-footnote-ref-1">↑<\/a><\/p><\/li>/);
  });

  it('keeps an https link as an external link the reader asks about', async () => {
    expect(await shown('grain.docx', await briefingDocx())).toContain(
      '<a href="https://www.state.gov/grain" title="https://www.state.gov/grain" rel="noopener noreferrer" data-external="true">the State Department site</a>',
    );
  });

  it('takes the first heading as the title when the file has none, and the file name when it has no heading either', async () => {
    expect((await parseDocx('grain.docx', await briefingDocx())).title).toBe('Grain corridor update');
    expect((await parseDocx('notes/2022-03-01-call-summary.docx', wordPackage(paragraph('We spoke at length.')))).title).toBe('Call summary');
  });

  it("takes a line in Word's Title style as a heading, and as the title when the file names none", async () => {
    const parsed = await parseDocx('grain.docx', await briefingDocx({ titleLine: 'Weekly grain briefing' }));
    expect(parsed.title).toBe('Weekly grain briefing');
    expect(outlineOf(sanitizeArticleHtml(parsed.renderHtml())).headings.map((heading) => [heading.level, heading.text])).toEqual([
      [2, 'Weekly grain briefing'],
      [2, 'Grain corridor update'],
      [3, 'Next steps'],
    ]);
  });

  it('does not take a placeholder author such as "Microsoft Office User" as the source', async () => {
    expect((await parseDocx('grain.docx', await briefingDocx({ creator: 'Microsoft Office User' }))).source).toBeNull();
    expect((await parseDocx('grain.docx', await briefingDocx({ creator: 'User' }))).source).toBeNull();
  });

  it('dates a file with no date at the top by when it was created', async () => {
    const core = strToU8(
      '<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
        '<dc:title>Readout of the call</dc:title><dcterms:created xsi:type="dcterms:W3CDTF">2023-02-20T09:30:00Z</dcterms:created></cp:coreProperties>',
    );
    const parsed = await parseDocx('call.docx', wordPackage(paragraph('The leaders spoke about air defence.'), [], { 'docProps/core.xml': core }));
    expect(parsed.title).toBe('Readout of the call');
    expect(parsed.date).toBe('2023-02-20T09:30:00');
  });

  it('gives the text a person reads as the body, for search, word count and language', async () => {
    const parsed = await parseDocx('uk.docx', wordPackage(paragraph('Зернова ініціатива дозволила вивезти мільйони тонн зерна з українських портів.')));
    expect(parsed.body).toBe('Зернова ініціатива дозволила вивезти мільйони тонн зерна з українських портів.');
  });
});

describe('parseDocx: remote pictures and link targets', () => {
  const body = [
    paragraph('Before the picture.'),
    picture('link', 'rIdRemote', 'Satellite photo of the port'),
    picture('link', 'rIdLocal', 'A local file'),
    picture('embed', 'rIdSvg', 'A drawing'),
    picture('embed', 'rIdFakePng', 'Not a PNG'),
    hyperlink('rIdJs', 'run this'),
    hyperlink('rIdFile', 'open this file'),
    hyperlink('rIdWeb', 'read the readout'),
  ].join('');
  const svg = strToU8('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
  const hostile = wordPackage(
    body,
    [
      { id: 'rIdRemote', type: 'image', target: 'https://tracker.example/pixel.png', external: true },
      { id: 'rIdLocal', type: 'image', target: 'file:///etc/hostname', external: true },
      { id: 'rIdSvg', type: 'image', target: 'media/drawing.svg' },
      { id: 'rIdFakePng', type: 'image', target: 'media/fake.png' },
      { id: 'rIdJs', type: 'hyperlink', target: 'javascript:alert(1)', external: true },
      { id: 'rIdFile', type: 'hyperlink', target: 'file:///etc/passwd', external: true },
      { id: 'rIdWeb', type: 'hyperlink', target: 'https://www.whitehouse.gov/readout', external: true },
    ],
    { 'word/media/drawing.svg': svg, 'word/media/fake.png': svg },
  );

  it('never fetches a linked picture: it becomes a link to its address', async () => {
    const html = await shown('hostile.docx', hostile);
    expect(html).toContain(
      '<a href="https://tracker.example/pixel.png" title="https://tracker.example/pixel.png" rel="noopener noreferrer" data-external="true">Satellite photo of the port</a>',
    );
    expect(html).not.toMatch(/<img/);
  });

  it('reads no file from the disk for a picture linked to a local path', async () => {
    const html = await shown('hostile.docx', hostile);
    expect(html).toContain('<span>A local file</span>');
    expect(html).not.toContain('data:');
  });

  it('leaves out SVG pictures, also one named .png', async () => {
    const parsed = await parseDocx('hostile.docx', hostile);
    expect(parsed.problem).toBeNull();
    expect(parsed.renderHtml()).not.toContain('svg');
  });

  it('keeps the words of javascript: and file: links but not the links', async () => {
    const html = await shown('hostile.docx', hostile);
    expect(html).toContain('<p><span>run this</span></p>');
    expect(html).toContain('<p><span>open this file</span></p>');
    expect(html).toContain('<a href="https://www.whitehouse.gov/readout"');
    expect(html).not.toMatch(/javascript:|file:\/\/\/etc\/passwd/);
  });
});

describe('parseDocx: files it cannot read are listed with the reason', () => {
  it('a file that is not a zip is damaged', async () => {
    const parsed = await parseDocx('notes.docx', strToU8('These are my notes, saved as text with the wrong name.'));
    expect(parsed.problem).toEqual({ code: 'damaged', severity: 'error', message: 'This .docx file is damaged or is not a Word document.' });
    expect(parsed.title).toBe('Notes');
    expect(parsed.body).toBe('');
  });

  it('a zip without word/document.xml says it has no document', async () => {
    const parsed = await parseDocx('empty.docx', wordPackage('', [], {}, false));
    expect(parsed.problem).toMatchObject({ code: 'damaged', severity: 'error', message: expect.stringContaining('has no document in it') });
  });

  it('a truncated file is damaged', async () => {
    const bytes = await briefingDocx();
    expect((await parseDocx('cut.docx', bytes.subarray(0, bytes.length / 2))).problem).toMatchObject({ code: 'damaged', severity: 'error' });
  });

  it('a zip bomb is refused before it is inflated', async () => {
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(MAX_INFLATED_BYTES + 1) }, { level: 9 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect((await parseDocx('bomb.docx', bomb)).problem).toEqual({
      code: 'too-large',
      severity: 'error',
      message: 'This Word file would take over 100 MB once unpacked; Briefing Reader opens Word files of up to that size.',
    });
  });

  it('a part that lies about its size is cut at the size it declared and reported damaged', async () => {
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(MAX_INFLATED_BYTES + 1) }, { level: 9 });
    declareSize(bomb, 'word/document.xml', 1000);
    expect((await parseDocx('liar.docx', bomb)).problem).toMatchObject({ code: 'damaged', severity: 'error' });
  });

  it('a password-protected file says so', async () => {
    expect((await parseDocx('secret.docx', await encryptedDocx())).problem).toEqual({
      code: 'password',
      severity: 'error',
      message: 'This Word file is password-protected; open it in Word, remove the password and save it again to read it here.',
    });
  });

  it('an old .doc renamed .docx says what it is', async () => {
    expect((await parseDocx('old.docx', binaryDoc())).problem).toEqual({
      code: 'damaged',
      severity: 'error',
      message: 'This is an old-style Word document (.doc) named .docx; save it as a .docx in Word to read it here.',
    });
  });
});

/** Rewrites an entry's uncompressed size in its local header and the central directory, as a hostile zip would. */
function declareSize(zip: Uint8Array, name: string, size: number): void {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const nameBytes = Buffer.from(name);
  for (let offset = 0; offset < zip.length - 4; offset++) {
    const signature = view.getUint32(offset, true);
    if (signature === 0x04034b50 && Buffer.from(zip.subarray(offset + 30, offset + 30 + nameBytes.length)).equals(nameBytes))
      view.setUint32(offset + 22, size, true);
    if (signature === 0x02014b50 && Buffer.from(zip.subarray(offset + 46, offset + 46 + nameBytes.length)).equals(nameBytes))
      view.setUint32(offset + 24, size, true);
  }
}
