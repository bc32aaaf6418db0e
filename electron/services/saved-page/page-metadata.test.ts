import { describe, expect, it } from 'vitest';
import { parsePage } from './page-dom';
import { readPageMetadata } from './page-metadata';
import { prunePage } from './prune-page';

function metadataOf(html: string) {
  const pruned = prunePage(html);
  return readPageMetadata(parsePage(pruned.html), pruned.jsonLd);
}

describe('readPageMetadata', () => {
  it('takes a <time> labelled as the publication date, or the first in the article, and no other', () => {
    expect(
      metadataOf(
        '<body><aside><time datetime="2020-01-01">Related</time></aside><p>Publication date: <time datetime="2012-12-17">December 17, 2012</time></p></body>',
      ).published,
    ).toBe('2012-12-17');
    expect(metadataOf('<body><article><h1>A</h1><time datetime="2019-05-02">May 2</time><p>Text</p></article></body>').published).toBe('2019-05-02');
    expect(metadataOf('<body><aside><time datetime="2020-01-01">Related story</time></aside><p>Text</p></body>').published).toBeNull();
  });

  it('reads the article object from JSON-LD, inside @graph, before meta tags', () => {
    const ld = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', name: 'Not the article' },
        {
          '@type': ['NewsArticle'],
          headline: 'Ceasefire talks resume',
          author: [{ '@type': 'Person', name: 'Olena Kovalenko' }, 'John Smith'],
          publisher: { '@type': 'Organization', name: 'Kyiv Independent' },
          datePublished: '2023-04-02T09:30:00+03:00',
          inLanguage: 'en-GB',
        },
      ],
    };
    const metadata = metadataOf(`<html><head><script type="application/ld+json">${JSON.stringify(ld)}</script>
      <meta property="og:title" content="Weaker title"><meta property="article:published_time" content="2023-04-01"></head><body><p>x</p></body></html>`);
    expect(metadata).toMatchObject({
      title: 'Ceasefire talks resume',
      byline: 'Olena Kovalenko, John Smith',
      siteName: 'Kyiv Independent',
      published: '2023-04-02T09:30:00+03:00',
      language: 'en-GB',
    });
  });

  it('reads Open Graph and standard meta tags, the canonical link and the page language', () => {
    const metadata = metadataOf(`<html lang="uk"><head><title>Site | Story</title>
      <meta property="og:title" content="Звернення Президента"><meta property="og:site_name" content="Офіс Президента">
      <meta name="author" content="Прес-служба"><meta property="article:published_time" content="2022-03-08T21:00:00Z">
      <link rel="canonical" href="https://www.president.gov.ua/news/1"></head><body></body></html>`);
    expect(metadata).toEqual({
      title: 'Звернення Президента',
      pageTitle: 'Site | Story',
      byline: 'Прес-служба',
      siteName: 'Офіс Президента',
      published: '2022-03-08T21:00:00Z',
      canonicalUrl: 'https://www.president.gov.ua/news/1',
      language: 'uk',
    });
  });

  it('ignores a relative canonical link (as page savers rewrite it) and non-http URLs, falling back to og:url', () => {
    expect(
      metadataOf('<head><link rel="canonical" href="17152.html"><meta property="og:url" content="http://en.kremlin.ru/events/president/news/17152"></head>')
        .canonicalUrl,
    ).toBe('http://en.kremlin.ru/events/president/news/17152');
    expect(metadataOf('<head><link rel="canonical" href="javascript:alert(1)"></head>').canonicalUrl).toBeNull();
  });

  it('reads microdata of the article item, not of the photos inside it', () => {
    const metadata = metadataOf(`<html><body><article itemscope itemtype="http://schema.org/NewsArticle">
      <h1 itemprop="name">Telephone conversation</h1>
      <div itemprop="articleBody">
        <figure itemscope itemtype="http://schema.org/ImageObject"><meta itemprop="datePublished" content="2019-01-01"></figure>
        <p>Text.</p>
      </div>
      <time itemprop="datePublished" datetime="2019-12-20">December 20, 2019</time><meta itemprop="inLanguage" content="en">
      <span itemprop="author" itemscope itemtype="http://schema.org/Person"><span itemprop="name">Press Office</span></span>
    </article></body></html>`);
    expect(metadata).toMatchObject({ title: 'Telephone conversation', published: '2019-12-20', language: 'en', byline: 'Press Office' });
  });

  it('skips JSON-LD that does not parse, and gives nulls for a page that says nothing', () => {
    expect(metadataOf('<head><script type="application/ld+json">{ not json </script></head><body><p>Text</p></body>')).toEqual({
      title: null,
      pageTitle: null,
      byline: null,
      siteName: null,
      published: null,
      canonicalUrl: null,
      language: null,
    });
  });

  it('does not take a profile URL for an author name', () => {
    expect(metadataOf('<head><meta property="article:author" content="https://facebook.com/someone"></head>').byline).toBeNull();
  });
});
