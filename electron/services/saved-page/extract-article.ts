import { Readability } from '@mozilla/readability';
import { parsePage, type PageDocument, type PageElement } from './page-dom';
import { readPageMetadata, type PageMetadata } from './page-metadata';
import { flattenPage, prunePage } from './prune-page';

/** What Readability's constructor is typed to take: the DOM's Document where that library is loaded, else any. */
type ReadabilityDocument = ConstructorParameters<typeof Readability>[0];

/**
 * What was found: an article, no article (the page is a menu, a form, an empty shell), or a page
 * too large to look for one in. In the last two cases the page is shown as all of its text.
 */
export type ExtractionOutcome = 'article' | 'no-article' | 'too-large';

export interface ExtractedPage {
  metadata: PageMetadata;
  /**
   * The article's HTML as Readability left it, or the whole page's text as paragraphs and headings
   * when there is no article. Not yet safe to show: it still goes through the reader's sanitizer.
   */
  html: string;
  outcome: ExtractionOutcome;
}

/**
 * Below this many words outside links, what Readability found is not an article but leftovers: a
 * menu, a login box, an empty page. Kept low on purpose, since a readout can be one short sentence
 * and flagging a real article is worse than missing a junk page (which is shown either way).
 */
const MIN_ARTICLE_WORDS = 5;

/**
 * Readability's `charThreshold` once the page has said where its article is: a one-sentence
 * readout is the whole article, and the first, strictest pass (which drops tag lists and
 * publication details) must not be discarded for being short. Other pages keep Readability's default.
 */
const DECLARED_ARTICLE_CHAR_THRESHOLD = 20;

/**
 * Most a page may hold for Readability to run on it. Readability takes about a second per megabyte
 * of text and, on link lists and tables, seconds per 10,000 elements (it revisits them, and
 * linkedom builds objects for each look), so a page with 30 MB of text or a 100,000-row table
 * would stall a library scan for minutes. Such a page is shown as its text instead, without
 * building a DOM. The limits are far above any article: some 300,000 words, and nine times the
 * elements of the longest transcript in the Kremlin corpus.
 */
const MAX_READABLE_TEXT = 2_000_000;
const MAX_READABLE_ELEMENTS = 20_000;

/**
 * Extracts the article from a saved web page with Mozilla Readability on linkedom. The page is
 * first pruned (scripts, styles, embeds, hidden and navigation elements, deep nesting: see
 * `prunePage`), its metadata read, and, when it declares its article with schema.org microdata,
 * narrowed to that article so the page's sidebars, share widgets and "read next" lists cannot be
 * mistaken for it.
 */
export function extractArticle(pageHtml: string): ExtractedPage {
  const pruned = prunePage(pageHtml);
  if (pruned.textLength > MAX_READABLE_TEXT || pruned.elementCount > MAX_READABLE_ELEMENTS) {
    return { metadata: withTitle(readPageMetadata(parsePage(pruned.head), pruned.jsonLd)), html: flattenPage(pruned.html), outcome: 'too-large' };
  }
  const document = parsePage(pruned.html);
  const metadata = readPageMetadata(document, pruned.jsonLd);
  // Readability refuses a document without a root element, which is what an empty page parses to.
  if (!document.documentElement) return { metadata: withTitle(metadata), html: '', outcome: 'no-article' };
  const declared = narrowToDeclaredArticle(document);
  const article = new Readability<PageElement>(document as unknown as ReadabilityDocument, {
    ...(declared ? { charThreshold: DECLARED_ARTICLE_CHAR_THRESHOLD } : {}),
    serializer: (node) => node as unknown as PageElement,
  }).parse();
  const content = article?.content;
  if (!article || !content || proseWords(article.textContent ?? '', content) < MIN_ARTICLE_WORDS) {
    return { metadata: withTitle(metadata), html: flattenPage(pruned.html), outcome: 'no-article' };
  }
  return {
    metadata: {
      ...metadata,
      title: metadata.title ?? nonEmpty(article.title) ?? metadata.pageTitle,
      byline: metadata.byline ?? nonEmpty(article.byline),
      siteName: metadata.siteName ?? nonEmpty(article.siteName),
      published: metadata.published ?? nonEmpty(article.publishedTime),
    },
    html: content.innerHTML,
    outcome: 'article',
  };
}

/**
 * When the page declares its article with schema.org microdata (an Article item holding one
 * `articleBody`), keeps only that body with the item's `description` (the lead, when it is shown on
 * the page) in front of it: by the page's own account that is the article, and Readability would
 * otherwise weigh the lead and the body as rival candidates and keep one.
 */
function narrowToDeclaredArticle(document: PageDocument): boolean {
  const bodies = [...document.querySelectorAll('[itemprop~="articleBody"]')];
  if (bodies.length !== 1 || !document.body) return false;
  const [body] = bodies;
  const item = body.parentElement?.closest('[itemscope][itemtype]');
  if (!item || !/Article|BlogPosting|Report/i.test(item.getAttribute('itemtype') ?? '')) return false;
  const lead = [...item.querySelectorAll('[itemprop~="description"]')].find(
    (element) => element.tagName.toLowerCase() !== 'meta' && element.parentElement?.closest('[itemscope]') === item && !body.contains(element),
  );
  if (lead) body.prepend(lead);
  document.body.replaceChildren(body);
  return true;
}

/** Words outside links: navigation is all links, prose mostly not. */
function proseWords(text: string, content: PageElement): number {
  let linkWords = 0;
  for (const link of content.querySelectorAll('a')) linkWords += countWords(link.textContent ?? '');
  return countWords(text) - linkWords;
}

function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

function nonEmpty(value: string | null | undefined): string | null {
  return value?.trim() ? value.trim() : null;
}

/** The page's declared title, else its `<title>` (no article: Readability had no say). */
function withTitle(metadata: PageMetadata): PageMetadata {
  return { ...metadata, title: metadata.title ?? metadata.pageTitle };
}
