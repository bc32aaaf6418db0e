import { parseDocument } from 'htmlparser2';
import { findOne, findAll, getAttributeValue, textContent, getOuterHTML } from 'domutils';
import type { Element, Document } from 'domhandler';
import type { MetadataValue } from '../../common/model';
import { outlineOf, sanitizeArticleHtml } from './article-html';
import { firstText, normaliseDate, titleFromFileName } from './metadata-fields';
import type { ParsedDocument } from './parsed-document';

/**
 * A saved web page. The article is the page's `<article>`, else its `<main>`, else its `<body>`;
 * the sanitizer then drops navigation, sidebars, forms and every script and remote resource.
 * Metadata comes from `<title>`, Open Graph and standard meta tags, and the canonical link.
 */
export function parseHtmlPage(id: string, text: string): ParsedDocument {
  const document = parseDocument(text, { decodeEntities: true, lowerCaseTags: true });
  const meta = readMetaTags(document);
  const container =
    findOne((node) => node.name === 'article', document.children) ??
    findOne((node) => node.name === 'main' || getAttributeValue(node, 'role') === 'main', document.children) ??
    findOne((node) => node.name === 'body', document.children);
  const htmlLang = getAttributeValue(findOne((node) => node.name === 'html', document.children) ?? ({} as Element), 'lang');
  const pageTitle = textContent(findOne((node) => node.name === 'title', document.children) ?? []).trim();
  const heading = textContent(findOne((node) => node.name === 'h1', container ? [container] : document.children) ?? []).trim();
  const metadata: Record<string, MetadataValue> = Object.fromEntries(Object.entries(meta).filter(([, value]) => value));
  if (htmlLang) metadata.language = htmlLang;
  const bodyHtml = container ? getOuterHTML(container.children) : '';
  // Page text must not include script or navigation text, so it is read from the sanitized article.
  const body = outlineOf(sanitizeArticleHtml(bodyHtml)).text;
  return {
    metadata,
    title: meta['og:title'] || heading || pageTitle || titleFromFileName(id),
    source: firstText(metadata, 'og:site_name', 'author'),
    date: normaliseDate(firstText(metadata, 'article:published_time', 'date', 'dc.date')),
    url: firstText(metadata, 'canonical', 'og:url'),
    body,
    problem: null,
    renderHtml: () => bodyHtml,
  };
}

const META_NAMES = ['og:title', 'og:site_name', 'og:url', 'author', 'description', 'article:published_time', 'date', 'dc.date'];

function readMetaTags(document: Document): Record<string, string> {
  const values: Record<string, string> = {};
  for (const element of findAll((node) => node.name === 'meta', document.children)) {
    const name = (getAttributeValue(element, 'property') ?? getAttributeValue(element, 'name') ?? '').toLowerCase();
    const content = getAttributeValue(element, 'content');
    if (META_NAMES.includes(name) && content && !values[name]) values[name] = content.trim();
  }
  const canonical = findOne((node) => node.name === 'link' && getAttributeValue(node, 'rel') === 'canonical', document.children);
  const href = canonical ? getAttributeValue(canonical, 'href') : undefined;
  if (href && /^https?:\/\//i.test(href)) values.canonical = href;
  return values;
}
