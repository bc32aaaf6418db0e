import type { MetadataValue, Problem } from '../../common/model';
import { extractArticle, type ExtractionOutcome } from '../saved-page/extract-article';
import { outlineOf, sanitizeArticleHtml } from './article-html';
import { titleFromFileName, titleFromText } from './metadata-fields';
import { normaliseDate } from './written-date';
import type { ParsedDocument } from './parsed-document';

const PROBLEMS: Record<ExtractionOutcome, Problem | null> = {
  article: null,
  'no-article': { code: 'no-article', severity: 'warning', message: 'No article was found in this page; it is shown as its text.' },
  'too-large': {
    code: 'no-article',
    severity: 'warning',
    message: 'This page is too large to look for an article in; it is shown as its text.',
  },
};

/**
 * A saved web page: the article Mozilla Readability finds in it (see `extractArticle`), with the
 * page's title, byline, site name, publication date, canonical URL and language as metadata. A page
 * with no article (or too large to look for one in) is kept and shown as its visible text, with a
 * warning. The sanitizer drops what Readability leaves of scripts, remote resources and page chrome.
 */
export function parseHtmlPage(id: string, text: string): ParsedDocument {
  const page = extractArticle(text);
  const { title, byline, siteName, published, canonicalUrl, language } = page.metadata;
  const date = normaliseDate(published);
  // Page text must not include script or navigation text, so it is read from the sanitized article.
  const body = outlineOf(sanitizeArticleHtml(page.html)).text;
  const metadata: Record<string, MetadataValue> = Object.fromEntries(
    Object.entries({ title, author: byline, site_name: siteName, date: date ?? published, url: canonicalUrl, language }).filter(
      (entry): entry is [string, string] => entry[1] !== null,
    ),
  );
  return {
    metadata,
    title: title ?? titleFromText(body) ?? titleFromFileName(id),
    source: siteName ?? byline,
    date,
    url: canonicalUrl,
    body,
    problem: PROBLEMS[page.outcome],
    renderHtml: () => page.html,
  };
}
