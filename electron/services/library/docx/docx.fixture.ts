import { deflateSync } from 'node:zlib';
import { zipSync, strToU8 } from 'fflate';
import * as CFB from 'cfb';
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  FootnoteReferenceRun,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import officeCrypto from 'officecrypto-tool';

/**
 * Word files for tests, written by real generators: `docx` for ordinary briefings, fflate for
 * packages whose XML a test needs to control (linked pictures, hostile link targets), cfb and
 * officecrypto-tool for the OLE files Word writes (an encrypted `.docx`, an old `.doc`).
 */

export interface BriefingDocxOptions {
  title?: string;
  creator?: string;
  /** A line in Word's Title style above everything else. */
  titleLine?: string;
  /** Paragraphs after the fixed content, for search and highlight tests. */
  paragraphs?: string[];
}

/**
 * A briefing with everything the reader shows: a heading, a date line, a paragraph with a footnote
 * and an external link, a bulleted list, a table and an embedded PNG (a blue and gold flag).
 */
export async function briefingDocx(options: BriefingDocxOptions = {}): Promise<Uint8Array> {
  const document = new Document({
    title: options.title,
    creator: options.creator ?? 'Briefing Reader tests',
    footnotes: { 1: { children: [new Paragraph('Figures from the ministry’s March report.')] } },
    sections: [
      {
        children: [
          ...(options.titleLine ? [new Paragraph({ text: options.titleLine, heading: HeadingLevel.TITLE })] : []),
          new Paragraph({ text: 'Grain corridor update', heading: HeadingLevel.HEADING_1 }),
          new Paragraph('12 March 2022'),
          new Paragraph({
            children: [
              new TextRun('Ships left Odesa with 1.2 million tonnes of wheat'),
              new FootnoteReferenceRun(1),
              new TextRun('. Details are on '),
              new ExternalHyperlink({
                link: 'https://www.state.gov/grain',
                children: [new TextRun({ text: 'the State Department site', style: 'Hyperlink' })],
              }),
              new TextRun('.'),
            ],
          }),
          new Paragraph({ text: 'Next steps', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: 'Inspect vessels in Istanbul', bullet: { level: 0 } }),
          new Paragraph({ text: 'Publish weekly tonnage', bullet: { level: 0 } }),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [
              new TableRow({ children: [cell('Port'), cell('Tonnes')], tableHeader: true }),
              new TableRow({ children: [cell('Odesa'), cell('800,000')] }),
              new TableRow({ children: [cell('Chornomorsk'), cell('400,000')] }),
            ],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [
              new ImageRun({
                type: 'png',
                data: flagPng(),
                transformation: { width: 120, height: 80 },
                altText: { name: 'flag', description: 'Flag of Ukraine', title: 'Flag' },
              }),
            ],
          }),
          ...(options.paragraphs ?? []).map((text) => new Paragraph(text)),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

function cell(text: string): TableCell {
  return new TableCell({ children: [new Paragraph(text)] });
}

/** A 60×40 PNG, blue over gold, drawn here so the fixture has a real picture and no file to ship. */
export function flagPng(): Uint8Array {
  const [width, height] = [60, 40];
  const rows = Array.from({ length: height }, (_, y) => {
    const [r, g, b] = y < height / 2 ? [0x00, 0x57, 0xb7] : [0xff, 0xd7, 0x00];
    return Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3).map((_, i) => [r, g, b][i % 3])]);
  });
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', header),
      chunk('IDAT', deflateSync(Buffer.concat(rows))),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** A relationship from the document part: to a part in the package, or (External) to an address outside it. */
export interface Relationship {
  id: string;
  type: 'image' | 'hyperlink';
  target: string;
  external?: boolean;
}

/**
 * A minimal Word package around `body` (the XML inside `<w:body>`), with `relationships` from the
 * document and any extra `parts` (pictures under `word/media/`). `document: false` leaves out
 * `word/document.xml`, as a zip that only looks like a Word file would.
 */
export function wordPackage(body: string, relationships: Relationship[] = [], parts: Record<string, Uint8Array> = {}, document = true): Uint8Array {
  const rels = relationships
    .map(({ id, type, target, external }) => `<Relationship Id="${id}" Type="${R}/${type}" Target="${target}"${external ? ' TargetMode="External"' : ''}/>`)
    .join('');
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Default Extension="png" ContentType="image/png"/><Default Extension="svg" ContentType="image/svg+xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${REL}"><Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/></Relationships>`,
    ),
    ...(document
      ? {
          'word/document.xml': strToU8(
            `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}" xmlns:r="${R}" ` +
              'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
              `xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><w:body>${body}</w:body></w:document>`,
          ),
          'word/_rels/document.xml.rels': strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${REL}">${rels}</Relationships>`),
        }
      : { 'word/styles.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="${W}"/>`) }),
    ...parts,
  });
}

/** A paragraph of plain text, for `wordPackage` bodies. */
export const paragraph = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

/** A paragraph holding a hyperlink through relationship `id`. */
export const hyperlink = (id: string, text: string) => `<w:p><w:hyperlink r:id="${id}"><w:r><w:t>${text}</w:t></w:r></w:hyperlink></w:p>`;

/** An inline picture: embedded in the package (`r:embed`) or linked to an address (`r:link`), as Word writes "Insert and Link". */
export function picture(how: 'embed' | 'link', id: string, description: string): string {
  return (
    `<w:p><w:r><w:drawing><wp:inline><wp:extent cx="952500" cy="952500"/><wp:docPr id="1" name="Picture" descr="${description}"/>` +
    `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:blipFill><a:blip r:${how}="${id}"/></pic:blipFill></pic:pic></a:graphicData></a:graphic>` +
    '</wp:inline></w:drawing></w:r></w:p>'
  );
}

/** `docx` saved with a password, as Word does it: an OLE file holding the package encrypted (ECMA-376 agile encryption). */
export async function encryptedDocx(): Promise<Uint8Array> {
  return new Uint8Array(officeCrypto.encrypt(Buffer.from(await briefingDocx()), { password: 'correct horse' }));
}

/** An old binary Word document's container: an OLE file with the `WordDocument` and table streams (content as filler). */
export function binaryDoc(): Uint8Array {
  const container = CFB.utils.cfb_new();
  CFB.utils.cfb_add(container, 'WordDocument', Buffer.alloc(4096, 0xec));
  CFB.utils.cfb_add(container, '1Table', Buffer.alloc(4096, 0));
  return new Uint8Array(CFB.write(container, { type: 'buffer' }) as Buffer);
}
