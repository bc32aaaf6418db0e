import { Parser } from 'htmlparser2';

export interface PrunedPage {
  /** The page's markup with only what can be article text or metadata left in it. */
  html: string;
  /** The start of `html` up to the end of its `<head>`: enough for metadata when the whole page is too big to parse. */
  head: string;
  /** The text of each `<script type="application/ld+json">` block, for metadata; the scripts themselves are gone. */
  jsonLd: string[];
  /** Characters of text left in `html`, whitespace collapsed. */
  textLength: number;
  /** Elements left in `html`. */
  elementCount: number;
}

/**
 * Deepest element nesting kept as it is. Readability's cost grows much faster than a page's depth
 * (500 levels take seconds, 5,000 over a minute) and real pages nest 15–40 deep; deeper pages are
 * malformed (typically a tag left open in every paragraph), so their body is flattened instead.
 */
export const MAX_DEPTH = 64;

/** Never article text, and often most of a saved page's bytes: dropped with everything inside. */
const DROPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'canvas',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'video',
  'audio',
  'map',
  'dialog',
  'input',
  'select',
  'textarea',
  'button',
  'nav',
  'aside',
  'base',
]);

/** Landmarks that mark site chrome, not content. `complementary` is left alone: some sites put the article in one. */
const DROPPED_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'search', 'menu', 'menubar', 'dialog', 'alertdialog']);

/** schema.org types a page uses to declare its own header, footer, menus, sidebars and ad slots. */
const CHROME_ITEM_TYPE = /schema\.org\/(SiteNavigationElement|WPHeader|WPFooter|WPSideBar|WPAdBlock)$/i;

/** Attributes that extraction, metadata or the reader use; everything else (event handlers, styles, data-*) goes. */
const KEPT_ATTRIBUTES = new Set([
  'href',
  'src',
  'alt',
  'title',
  'lang',
  'dir',
  'id',
  'class',
  'rel',
  'itemprop',
  'itemscope',
  'itemtype',
  'content',
  'property',
  'name',
  'http-equiv',
  'charset',
  'datetime',
  'colspan',
  'rowspan',
  'start',
  'scope',
]);

/** Inline images the reader can show; other `data:` URIs (fonts, backgrounds, scripts) are dropped. */
const INLINE_IMAGE = /^data:image\/(png|jpe?g|gif|webp);/i;

const VOID = new Set(['area', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'base', 'param']);

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Elements that end a paragraph of text: in a flattened page each becomes a paragraph break. */
const BLOCKS = new Set([
  ...HEADINGS,
  'address',
  'article',
  'blockquote',
  'br',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'form',
  'header',
  'hr',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'td',
  'th',
  'tr',
  'ul',
]);

/** Kept as they are even in a flattened page: the page's frame and its head, where metadata lives. */
const FRAME = new Set(['html', 'head', 'body', 'title', 'meta', 'link']);

/** Kept even when empty: a table's shape depends on its cells. */
const KEPT_EMPTY = new Set([...FRAME, ...VOID, 'td', 'th']);

/** A written element still open: where its tag is in the output, and the output's last content before it. */
interface OpenElement {
  at: number;
  contentBefore: number;
}

/**
 * Reduces a saved page to what article extraction needs, in a streaming pass that never builds a
 * tree, so a 30 MB page or 10,000 levels of nesting cost time in proportion to their size: scripts,
 * styles, embeds, form controls, comments, hidden elements (by attribute, inline style or the
 * classes sites hide with: tooltips, `hidden`, `sr-only`), empty elements (icons, spacers) and the
 * page's declared navigation go; attributes are cut to an allow-list; whitespace outside `<pre>` is
 * collapsed, so a line break in the source never reads as one. A page nested deeper than {@link MAX_DEPTH} is pruned again with
 * its body flattened to paragraphs and headings, keeping all of its text. JSON-LD blocks are kept
 * aside as text for metadata.
 */
export function prunePage(html: string): PrunedPage {
  return prune(html, false) ?? prune(html, true)!;
}

/**
 * A page's body as paragraphs and headings only: how a page with no article is shown. Every other
 * element loses its tags (the sanitizer would drop headers, footers and forms with their words, and
 * run the text of bare `<div>`s together); links and images go too.
 */
export function flattenPage(html: string): string {
  return prune(html, true)!.html;
}

/** One pass over the page; null when, not flattening, it turns out deeper than {@link MAX_DEPTH}. */
function prune(html: string, flatten: boolean): PrunedPage | null {
  const out: string[] = [];
  const jsonLd: string[] = [];
  let textLength = 0;
  let elementCount = 0;
  /** How many entries of `out` the head takes. */
  let headEnd = 0;
  /** One entry per open element, null when its tags are not written. */
  const open: (OpenElement | null)[] = [];
  /** The length `out` had after its last tag or non-blank text: an element with nothing after its tag is empty. */
  let contentEnd = 0;
  let depth = 0;
  let tooDeep = false;
  /** Index in `open` of the element being dropped with its content, or -1, and whom it was hidden from. */
  let droppedAt = -1;
  let droppedHidden: Hidden = null;
  /** The last element dropped: whom it was hidden from, and the output's last content when it closed. */
  let dropped: { hidden: Hidden; contentEnd: number } | null = null;
  let jsonLdText: string[] | null = null;
  /** Inside `<pre>` whitespace is content; elsewhere a run of it is one space, as a browser shows it. */
  let preDepth = 0;
  /** While flattening: whether a `<p>` or a heading is open in the output, and whether text is in the head. */
  let paragraph = false;
  let heading: string | null = null;
  let inHead = 0;
  /**
   * `</body>` and `</html>`, held back to the end of the output. A browser puts what a page has
   * after them in its body; htmlparser2 (here and under linkedom) puts it beside the body, where
   * Readability never looks, so a page's closing paragraph written after `</html>` was lost.
   */
  const pageClosers: string[] = [];
  /** `html` and `body` written: a second `<body>` is, as in a browser, no new element. */
  const frameWritten = new Set<string>();

  const endParagraph = () => {
    if (paragraph) out.push('</p>');
    paragraph = false;
  };
  const write = (tag: string): OpenElement => {
    const element = { at: out.length, contentBefore: contentEnd };
    out.push(tag);
    contentEnd = out.length;
    elementCount++;
    return element;
  };

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (name === 'pre') preDepth++;
        if (droppedAt !== -1 || tooDeep) {
          open.push(null);
          return;
        }
        if (name === 'script' && attribs.type?.trim().toLowerCase() === 'application/ld+json') jsonLdText = [];
        const hidden = hiddenFrom(attribs);
        // A text for screen readers beside its visual copy (a drop cap, an icon's label): keep the one that comes second.
        const alternate =
          (hidden === 'eyes' || hidden === 'screen-readers') &&
          dropped?.hidden === (hidden === 'eyes' ? 'screen-readers' : 'eyes') &&
          dropped.contentEnd === contentEnd;
        if (isDropped(name, attribs) || (hidden !== null && !alternate)) {
          droppedAt = open.length;
          droppedHidden = hidden;
          open.push(null);
          return;
        }
        if ((name === 'html' || name === 'body') && frameWritten.has(name)) {
          open.push(null);
          return;
        }
        if (flatten && !FRAME.has(name)) {
          if (BLOCKS.has(name)) endParagraph();
          if (HEADINGS.has(name) && heading === null) {
            heading = name;
            open.push(write(`<${name}>`));
          } else {
            open.push(null);
          }
          return;
        }
        if (depth >= MAX_DEPTH) tooDeep = true;
        if (name === 'head' || name === 'title') inHead++;
        if (name === 'html' || name === 'body') frameWritten.add(name);
        open.push(write(`<${name}${attributesOf(name, attribs)}>`));
        depth++;
      },
      ontext(text) {
        if (jsonLdText) jsonLdText.push(text);
        if (jsonLdText || droppedAt !== -1 || tooDeep) return;
        const shown = preDepth > 0 ? text : text.replace(/[ \t\n\r\f]+/g, ' ');
        if (flatten && heading === null && !paragraph && inHead === 0 && shown.trim()) {
          out.push('<p>');
          paragraph = true;
        }
        textLength += shown.length;
        out.push(escapeText(shown));
        if (shown.trim()) contentEnd = out.length;
      },
      onclosetag(name) {
        if (name === 'pre') preDepth--;
        const written = open.pop();
        if (droppedAt === open.length) {
          droppedAt = -1;
          dropped = { hidden: droppedHidden, contentEnd };
          if (jsonLdText) jsonLd.push(jsonLdText.join(''));
          jsonLdText = null;
          return;
        }
        if (flatten && BLOCKS.has(name)) endParagraph();
        if (!written) return;
        if (name === heading) heading = null;
        else depth--;
        if (name === 'head' || name === 'title') inHead--;
        if (contentEnd === written.at + 1 && !KEPT_EMPTY.has(name)) {
          // Nothing but blanks inside: the element goes, a space keeps the words around it apart.
          // Entries are blanked rather than the array shortened, which would make V8 slow it down.
          const blank = out.length > contentEnd;
          for (let index = written.at; index < out.length; index++) out[index] = '';
          if (blank) out.push(' ');
          contentEnd = written.contentBefore;
          elementCount--;
          return;
        }
        if (name === 'html' || name === 'body') pageClosers.push(`</${name}>`);
        else if (!VOID.has(name)) out.push(`</${name}>`);
        contentEnd = out.length;
        if (name === 'head') headEnd = out.length;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  if (tooDeep) return null;
  out.push(...pageClosers);
  return { html: out.join(''), head: out.slice(0, headEnd).join(''), jsonLd, textLength, elementCount };
}

/** Who an element is hidden from: everyone, the eye only (text for screen readers) or screen readers only (a visual copy). */
type Hidden = 'everyone' | 'eyes' | 'screen-readers' | null;

/** Classes sites use (with their CSS, which a saved page's reader does not apply) to hide an element from everyone. */
const HIDDEN_CLASSES = new Set(['hidden', 'hide', 'is-hidden', 'u-hidden', 'd-none', 'display-none', 'invisible', 'tooltiptext']);
/** Classes that hide an element from the eye but leave it to screen readers. */
const SCREEN_READER_CLASSES = new Set([
  'sr-only',
  'visually-hidden',
  'visuallyhidden',
  'u-visually-hidden',
  'is-visually-hidden',
  'screen-reader-text',
  'screen-reader-only',
  'sr-text',
  'element-invisible',
  'offscreen',
  'a11y-hidden',
  'assistive-text',
]);
/** A tooltip's pop-up (`tooltip`, `tooltip__text`, `read__tooltip`), not what it is attached to (`has-tooltip`). */
const TOOLTIP_CLASS = /^(?:tooltip(?:[-_]{1,2}(?:text|content|inner|body))?|[a-z0-9-]+__tooltip)$/;

function hiddenFrom(attribs: Record<string, string>): Hidden {
  if ('hidden' in attribs) return 'everyone';
  if (attribs.style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(attribs.style)) return 'everyone';
  const classes = attribs.class?.toLowerCase().split(/\s+/) ?? [];
  if (classes.some((name) => HIDDEN_CLASSES.has(name) || TOOLTIP_CLASS.test(name))) return 'everyone';
  if (classes.some((name) => SCREEN_READER_CLASSES.has(name))) return 'eyes';
  return attribs['aria-hidden'] === 'true' ? 'screen-readers' : null;
}

function isDropped(name: string, attribs: Record<string, string>): boolean {
  if (DROPPED.has(name)) return true;
  if (attribs.role && DROPPED_ROLES.has(attribs.role.trim().toLowerCase())) return true;
  return attribs.itemtype !== undefined && CHROME_ITEM_TYPE.test(attribs.itemtype.trim());
}

function attributesOf(tag: string, attribs: Record<string, string>): string {
  let written = '';
  for (const [name, value] of Object.entries(attribs)) {
    if (!KEPT_ATTRIBUTES.has(name)) continue;
    if (/^\s*data:/i.test(value) && !(tag === 'img' && name === 'src' && INLINE_IMAGE.test(value))) continue;
    written += ` ${name}="${escapeText(value).replace(/"/g, '&quot;')}"`;
  }
  return written;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
