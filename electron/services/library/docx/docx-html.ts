import { zipSync } from 'fflate';
import mammoth from 'mammoth';
import { DOCUMENT_ID_PREFIX } from '../article-html';
import type { DocxEntries } from './docx-package';

/** Largest picture shown, once decoded; a bigger one is left out rather than sent to the window as text. */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

/**
 * The reader shows the briefing's title as the page's one `h1`, so a Word file's headings sit one
 * level under it: its Title style (a paragraph in mammoth's default map) and Heading 1 become `h2`,
 * Heading 2 `h3`, and so on, Heading 5 and 6 both `h6`. Word names the built-in styles in either case.
 */
const STYLE_MAP = [
  "p[style-name='Title'] => h2:fresh",
  ...[1, 2, 3, 4, 5, 6].flatMap((level) => {
    const tag = `h${Math.min(level + 1, 6)}:fresh`;
    return [`p.Heading${level} => ${tag}`, `p[style-name='Heading ${level}'] => ${tag}`, `p[style-name='heading ${level}'] => ${tag}`];
  }),
];

/** Raster formats a browser shows safely, recognised by their first bytes rather than the name the file gives them. */
const IMAGE_SIGNATURES: { type: string; matches: (bytes: Uint8Array) => boolean }[] = [
  { type: 'image/png', matches: (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 },
  { type: 'image/jpeg', matches: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: 'image/gif', matches: (b) => b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x38 },
  { type: 'image/webp', matches: (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP' },
];

/** Mammoth's reason for not reading a linked picture names its address; pinned with mammoth's version and tested. */
const LINKED_IMAGE = /could not read external image '([^']*)'/;
const LINK_PLACEHOLDER = 'docx-linked-image:';

/**
 * The HTML mammoth makes of a Word document: headings, lists, tables, links, and footnotes and
 * endnotes as a list at the end linked both ways. Embedded pictures become `data:` images (PNG,
 * JPEG, GIF, WebP only, checked by their bytes; SVG, EMF and anything else is left out), a picture
 * linked to an address outside the file is never fetched: it becomes a link to that address, as in
 * comments. Mammoth never reads a file outside the package (its external file access stays off).
 */
export async function docxToHtml(entries: DocxEntries): Promise<string> {
  const linked: { href: string; alt: string }[] = [];
  const convertImage = mammoth.images.imgElement(async (image) => {
    const alt = (image as { altText?: string }).altText ?? '';
    let bytes: Uint8Array;
    try {
      bytes = await image.readAsBuffer();
    } catch (error) {
      const href = LINKED_IMAGE.exec(error instanceof Error ? error.message : '')?.[1];
      if (href === undefined) return { src: '' };
      linked.push({ href, alt });
      return { src: `${LINK_PLACEHOLDER}${linked.length - 1}` };
    }
    const type = IMAGE_SIGNATURES.find((signature) => signature.matches(bytes))?.type;
    // An empty source is dropped by the sanitizer with the image.
    if (!type || bytes.length > MAX_IMAGE_BYTES) return { src: '' };
    return { src: `data:${type};base64,${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')}` };
  });
  // The parts were inflated (and bounded) by openDocxPackage; mammoth gets them stored, so it has nothing left to inflate.
  const stored = zipSync(entries, { level: 0 });
  const result = await mammoth.convertToHtml(
    { buffer: Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength) },
    // Ids mammoth writes (notes, bookmarks) carry the prefix the sanitizer keeps, with the links to them.
    { convertImage, idPrefix: DOCUMENT_ID_PREFIX, styleMap: STYLE_MAP, externalFileAccess: false },
  );
  return (
    result.value
      .replace(new RegExp(`<img[^>]* src="${LINK_PLACEHOLDER}(\\d+)"[^>]*>`, 'g'), (_tag, index: string) => {
        const { href, alt } = linked[Number(index)];
        return `<a href="${escapeHtml(href)}">${escapeHtml(alt || href)}</a>`;
      })
      // Mammoth lists the notes after the text with nothing between; a rule sets them apart, as on the page.
      .replace(new RegExp(`<ol><li id="${DOCUMENT_ID_PREFIX}(foot|end)note-`), '<hr />$&')
  );
}

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...bytes.subarray(start, end));
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
