import sanitizeHtml from 'sanitize-html';
import { Parser } from 'htmlparser2';
import type { Heading } from '../../common/model';

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

/**
 * Ids a converter gives the places a document links to inside itself (a Word file's footnotes,
 * endnotes and bookmarks: `doc-footnote-1`). Only these survive, with the `#doc-…` links to them,
 * so a document's own ids never meet the app's and every other fragment link stays words.
 */
export const DOCUMENT_ID_PREFIX = 'doc-';
const DOCUMENT_ID = new RegExp(`^${DOCUMENT_ID_PREFIX}[\\w.:-]{1,100}$`);
const TARGETS = ['li', 'dt', 'span'];

/**
 * Elements whose content is never article text: scripts and embeds, and the page chrome of saved
 * web pages (navigation, forms, sidebars). They are dropped with everything inside them.
 */
const DROPPED_WITH_CONTENT = [
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'svg',
  'math',
  'canvas',
  'video',
  'audio',
  'form',
  'button',
  'select',
  'textarea',
  'input',
  'nav',
  'aside',
  'header',
  'footer',
  'head',
  'title',
  'meta',
  'link',
  'base',
];

const ALLOWED_TAGS = [
  ...HEADINGS,
  'p',
  'br',
  'hr',
  'blockquote',
  'pre',
  'code',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'strong',
  'b',
  'em',
  'i',
  'u',
  's',
  'del',
  'ins',
  'sub',
  'sup',
  'small',
  'mark',
  'abbr',
  'cite',
  'q',
  'time',
  'a',
  'img',
  'figure',
  'figcaption',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'caption',
  'span',
];

/**
 * Makes any HTML safe to insert into the reader: an allow-list of text elements, no attributes that
 * run code or style, no remote resources (only inline `data:` images), links marked external and
 * kept only for http(s) and mailto. Headings get stable ids (`h-1`, `h-2`, …) for the table of contents.
 */
export function sanitizeArticleHtml(html: string): string {
  let headingCount = 0;
  const headingTransforms = Object.fromEntries(HEADINGS.map((tag) => [tag, (tagName: string) => ({ tagName, attribs: { id: `h-${++headingCount}` } })]));
  return sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    nonTextTags: DROPPED_WITH_CONTENT,
    disallowedTagsMode: 'discard',
    allowedAttributes: {
      a: ['href', 'title', 'rel', 'data-external', 'id'],
      li: ['id'],
      dt: ['id'],
      span: ['id'],
      img: ['src', 'alt', 'title'],
      abbr: ['title'],
      time: ['datetime'],
      ol: ['start'],
      th: ['colspan', 'rowspan', 'scope'],
      td: ['colspan', 'rowspan'],
      h1: ['id'],
      h2: ['id'],
      h3: ['id'],
      h4: ['id'],
      h5: ['id'],
      h6: ['id'],
    },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['data'] },
    allowedSchemesAppliedToAttributes: ['href', 'src'],
    allowProtocolRelative: false,
    transformTags: {
      ...headingTransforms,
      ...Object.fromEntries(TARGETS.map((tag) => [tag, (tagName: string, attribs: sanitizeHtml.Attributes) => ({ tagName, attribs: documentId(attribs) })])),
      a: (tagName, attribs) => {
        const href = attribs.href ?? '';
        if (/^(https?:|mailto:)/i.test(href)) {
          return { tagName, attribs: { href, title: attribs.title ?? href, rel: 'noopener noreferrer', 'data-external': 'true' } };
        }
        if (href.startsWith('#') && DOCUMENT_ID.test(href.slice(1))) return { tagName, attribs: { href, ...documentId(attribs) } };
        // A relative or other fragment link points into a page that was never saved with it: keep the words only.
        return { tagName: 'span', attribs: documentId(attribs) };
      },
    },
    exclusiveFilter: (frame) => frame.tag === 'img' && !/^data:image\/(png|jpe?g|gif|webp);/i.test(frame.attribs.src ?? ''),
  });
}

function documentId(attribs: sanitizeHtml.Attributes): Record<string, string> {
  return attribs.id && DOCUMENT_ID.test(attribs.id) ? { id: attribs.id } : {};
}

export interface ArticleOutline {
  /** The text a person reads, one block per line: what search indexes and anchors point into. */
  text: string;
  headings: Heading[];
}

const BLOCKS = new Set([...HEADINGS, 'p', 'br', 'hr', 'blockquote', 'pre', 'li', 'dt', 'dd', 'tr', 'figcaption', 'caption']);

/** Reads the plain text and headings out of HTML that `sanitizeArticleHtml` produced. */
export function outlineOf(sanitizedHtml: string): ArticleOutline {
  const chunks: string[] = [];
  const headings: Heading[] = [];
  let heading: Heading | null = null;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (BLOCKS.has(name)) chunks.push('\n');
        if (HEADINGS.includes(name) && attribs.id) heading = { id: attribs.id, level: Number(name[1]), text: '' };
      },
      ontext(data) {
        chunks.push(data);
        if (heading) heading.text += data;
      },
      onclosetag(name) {
        if (BLOCKS.has(name)) chunks.push('\n');
        if (heading && HEADINGS.includes(name)) {
          heading.text = heading.text.replace(/\s+/g, ' ').trim();
          if (heading.text) headings.push(heading);
          heading = null;
        }
      },
    },
    { decodeEntities: true },
  );
  parser.end(sanitizedHtml);
  const text = chunks
    .join('')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
  return { text, headings };
}
