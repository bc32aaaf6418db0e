import type { PageDocument, PageElement } from './page-dom';

/** What a saved page says about itself. Every field is as the page wrote it (trimmed), or null. */
export interface PageMetadata {
  /** The title the page declares for its article (JSON-LD, Open Graph, Dublin Core, microdata). */
  title: string | null;
  /**
   * The `<title>` element: the last resort, after Readability's own title (which weighs `<title>`
   * against the page's headings and drops " | Site name" tails).
   */
  pageTitle: string | null;
  byline: string | null;
  siteName: string | null;
  /** The publication date or timestamp as written; callers normalise it. */
  published: string | null;
  /** An absolute http(s) URL: a relative canonical link (as "Save page" tools rewrite it) says nothing. */
  canonicalUrl: string | null;
  language: string | null;
}

/** schema.org types of an article, in JSON-LD `@type` and microdata `itemtype`. */
const ARTICLE_TYPE = /^(?:https?:\/\/schema\.org\/)?(\w*Article|BlogPosting|LiveBlogPosting|SocialMediaPosting|Report)$/i;

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** Meta tags that carry a publication date, most specific first. */
const PUBLISHED_META = [
  'article:published_time',
  'og:published_time',
  'datepublished',
  'dc.date.issued',
  'dcterms.issued',
  'dc.date',
  'dcterms.date',
  'dcterms.created',
  'date',
  'pubdate',
  'publishdate',
  'publish-date',
  'citation_publication_date',
  'parsely-pub-date',
  'sailthru.date',
];

/**
 * Reads a page's metadata, each field from the strongest source that has it: JSON-LD (the article
 * object's headline, author, publisher, datePublished), then meta tags (Open Graph, Dublin Core,
 * `author`, `article:published_time`), then schema.org microdata on the page's article item, then
 * plain HTML (`<title>`, `<link rel=canonical>`). Two exceptions: `<html lang>` comes first for the
 * language, being what the page is written in, and `og:site_name` for the site, as a JSON-LD
 * publisher is often the parent company. Call it before Readability changes the document.
 */
export function readPageMetadata(document: PageDocument, jsonLd: string[]): PageMetadata {
  const ld = articleFromJsonLd(jsonLd);
  const meta = metaTags(document);
  const item = [...document.querySelectorAll('[itemscope][itemtype]')].find((element) =>
    (element.getAttribute('itemtype') ?? '').split(/\s+/).some((type) => ARTICLE_TYPE.test(type)),
  );
  const micro = (name: string) => (item ? microdataValue(item, name) : null);
  const canonical = document.querySelector('link[rel~="canonical"]')?.getAttribute('href') ?? null;

  return {
    title: first(
      ld && text(ld.headline),
      ld && text(ld.name),
      meta.get('og:title'),
      meta.get('twitter:title'),
      meta.get('dc.title'),
      micro('headline'),
      micro('name'),
    ),
    pageTitle: first(document.querySelector('title')?.textContent),
    byline: first(ld && names(ld.author), meta.get('author'), notUrl(meta.get('article:author')), meta.get('dc.creator'), micro('author')),
    siteName: first(meta.get('og:site_name'), ld && names(ld.publisher), micro('publisher'), meta.get('application-name')),
    published: first(
      ld && text(ld.datePublished),
      ...PUBLISHED_META.map((name) => meta.get(name)),
      micro('datePublished'),
      ld && text(ld.dateCreated),
      publishedTime(document),
    ),
    canonicalUrl: first(httpUrl(canonical), httpUrl(meta.get('og:url')), ld && httpUrl(text(ld.url))),
    language: first(
      document.documentElement?.getAttribute('lang'),
      meta.get('content-language'),
      meta.get('dc.language'),
      ld && text(ld.inLanguage),
      micro('inLanguage'),
      meta.get('og:locale')?.replace('_', '-'),
    ),
  };
}

/**
 * The last resort for a date: a `<time datetime>` the page labels as the publication date
 * ("Publication date: <time …>", `<time pubdate>`), else the first one inside `<article>`.
 * Any `<time>` elsewhere may date a related story in a sidebar, so it is not taken.
 */
function publishedTime(document: PageDocument): string | null {
  for (const element of document.querySelectorAll('time[datetime]')) {
    const label = element.parentElement?.textContent ?? '';
    if (element.getAttribute('pubdate') !== null || /\bpubli(?:shed|cation)\b|опубліковано|опубликовано/i.test(label)) return element.getAttribute('datetime');
  }
  return document.querySelector('article time[datetime]')?.getAttribute('datetime') ?? null;
}

/** `<meta>` contents by lower-cased `name`, `property` or `http-equiv`; the first of each wins. */
function metaTags(document: PageDocument): Map<string, string> {
  const values = new Map<string, string>();
  for (const element of document.querySelectorAll('meta[content]')) {
    const key = (element.getAttribute('property') ?? element.getAttribute('name') ?? element.getAttribute('http-equiv') ?? '').trim().toLowerCase();
    const content = element.getAttribute('content')?.trim();
    if (key && content && !values.has(key)) values.set(key, content);
  }
  return values;
}

/** The first article object in the page's JSON-LD blocks, looking into arrays and `@graph`. */
function articleFromJsonLd(blocks: string[]): JsonObject | null {
  for (const block of blocks) {
    let parsed: Json;
    try {
      // Some CMSs wrap the JSON in an HTML comment or CDATA section.
      parsed = JSON.parse(block.replace(/^\s*(<!--|<!\[CDATA\[)|(-->|\]\]>)\s*$/g, '')) as Json;
    } catch {
      continue;
    }
    const queue: Json[] = [parsed];
    for (let next = 0; next < queue.length; next++) {
      const value = queue[next];
      if (Array.isArray(value)) for (const entry of value) queue.push(entry);
      else if (isObject(value)) {
        const types = Array.isArray(value['@type']) ? value['@type'] : [value['@type']];
        if (types.some((type) => typeof type === 'string' && ARTICLE_TYPE.test(type))) return value;
        if (value['@graph']) queue.push(value['@graph']);
      }
    }
  }
  return null;
}

/**
 * The value of a microdata property of `item`: properties of items nested inside it (a photo's
 * own `datePublished`) belong to those items and are skipped.
 */
function microdataValue(item: PageElement, name: string): string | null {
  for (const element of item.querySelectorAll(`[itemprop~="${name}"]`)) {
    if (element.parentElement?.closest('[itemscope]') !== item) continue;
    if (element.hasAttribute('itemscope')) {
      const nested = element.querySelector('[itemprop~="name"]');
      return nested ? microdataText(nested) : null;
    }
    return microdataText(element);
  }
  return null;
}

function microdataText(element: PageElement): string | null {
  const tag = element.tagName.toLowerCase();
  if (tag === 'meta') return element.getAttribute('content');
  if (tag === 'time') return element.getAttribute('datetime') ?? element.textContent;
  if (tag === 'a' || tag === 'link') return element.getAttribute('href');
  return element.textContent;
}

/**
 * A JSON-LD value as text: a string or number, a `{ name }` / `{ @value }` object, or the first of
 * a list of those. Looks no deeper, so a hostile page's nesting cannot exhaust the stack.
 */
function text(value: Json | undefined): string | null {
  const single = Array.isArray(value) ? value[0] : value;
  const inner = isObject(single) ? (single.name ?? single['@value']) : single;
  if (typeof inner === 'string') return inner;
  return typeof inner === 'number' ? String(inner) : null;
}

/** Author or publisher names: one or a list of names or `{ name }` objects, joined. */
function names(value: Json | undefined): string | null {
  const found = (Array.isArray(value) ? value : [value]).map(text).filter((name): name is string => Boolean(name?.trim()));
  return found.length > 0 ? found.map((name) => name.trim()).join(', ') : null;
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function httpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** `article:author` is often a profile URL rather than a name. */
function notUrl(value: string | undefined): string | null {
  return value && !/^https?:\/\//i.test(value) ? value : null;
}

function first(...values: (string | null | undefined)[]): string | null {
  for (const value of values) {
    const trimmed = value?.replace(/\s+/g, ' ').trim();
    if (trimmed) return trimmed;
  }
  return null;
}
