import { describe, expect, it } from 'vitest';
import { outlineOf, sanitizeArticleHtml } from '../library/article-html';
import { extractArticle } from './extract-article';

const PARAGRAPHS = [
  'American and Ukrainian officials met in Riyadh on Sunday for a second day of talks on a ceasefire, according to people familiar with the schedule.',
  'The delegations discussed a moratorium on strikes against energy infrastructure, the exchange of prisoners, and the return of deported children.',
  'Officials on both sides described the atmosphere as constructive, while cautioning that several points, including monitoring, remain unresolved.',
  'A joint statement is expected once the delegations have reported to their capitals, which could take several days, the officials said.',
];

/** A news page as sites serve it: header and menu, share buttons, the article, comments, ads, footer, scripts. */
function newsPage(article: string): string {
  return `<!doctype html><html lang="en"><head><title>Talks resume | Daily Bulletin</title>
    <script src="https://cdn.example/analytics.js"></script><script>window.dataLayer = [];</script>
    <style>.share { display: flex }</style></head>
  <body>
    <header class="site-header"><a href="/">Daily Bulletin</a><nav><a href="/world">World</a> <a href="/politics">Politics</a> <a href="/opinion">Opinion</a></nav></header>
    <div class="share-bar"><a href="https://facebook.com/sharer?u=1">Share on Facebook</a> <a href="https://twitter.com/intent/tweet?u=1">Tweet this</a></div>
    <main>${article}</main>
    <div class="ad-banner sponsor"><a href="https://ads.example/click"><img src="https://ads.example/banner.png">Buy now</a></div>
    <section id="comments" class="comments"><h3>12 comments</h3>
      <div class="comment"><a href="/u/1">reader1</a> Great piece! <a href="#reply">Reply</a></div>
      <div class="comment"><a href="/u/2">reader2</a> Disagree. <a href="#reply">Reply</a></div></section>
    <footer class="site-footer"><a href="/about">About us</a> <a href="/privacy">Privacy</a> © Daily Bulletin</footer>
    <script>document.write('<p>Injected</p>')</script>
  </body></html>`;
}

const ARTICLE = `<article><h1>Talks resume in Riyadh</h1><p class="byline">By Olena Kovalenko</p>
  <p>${PARAGRAPHS[0]}</p><p>${PARAGRAPHS[1]}</p>
  <h2>What is on the table</h2>
  <ul><li>A moratorium on energy strikes</li><li>Prisoner exchanges</li></ul>
  <blockquote><p>“We are closer than we have been,” one official said.</p></blockquote>
  <p>${PARAGRAPHS[2]} See the <a href="https://example.org/statement">earlier statement</a>.</p>
  <p>${PARAGRAPHS[3]}</p></article>`;

/** The text the reader would show for an extraction. */
const readerText = (html: string) => outlineOf(sanitizeArticleHtml(html)).text;

describe('extractArticle', () => {
  it('keeps the article with its headings, lists, quotes and links, and drops the page chrome', () => {
    const page = extractArticle(newsPage(ARTICLE));
    expect(page.outcome).toBe('article');
    const html = sanitizeArticleHtml(page.html);
    expect(html).toMatch(/<h2[^>]*>What is on the table<\/h2>/);
    expect(html).toContain('<li>Prisoner exchanges</li>');
    expect(html).toMatch(/<blockquote>\s*<p>“We are closer than we have been,” one official said.<\/p>\s*<\/blockquote>/);
    expect(html).toContain('href="https://example.org/statement"');
    const text = readerText(page.html);
    for (const paragraph of PARAGRAPHS) expect(text).toContain(paragraph);
    for (const chrome of ['World', 'Politics', 'Share on Facebook', 'Tweet this', 'Buy now', 'comments', 'Great piece', 'About us', 'Injected', 'dataLayer']) {
      expect(text).not.toContain(chrome);
    }
  });

  it('reads the page metadata, with Readability filling in what the page does not say', () => {
    const { metadata } = extractArticle(newsPage(ARTICLE));
    expect(metadata).toMatchObject({ title: 'Talks resume | Daily Bulletin', language: 'en', byline: 'By Olena Kovalenko' });
  });

  it('takes the article a page declares with microdata, lead included, without its tags and status block', () => {
    const page = extractArticle(`<html><body><div class="read" role="complementary">
      <article itemscope itemtype="http://schema.org/NewsArticle">
        <a href="/events" rel="category">Events</a><h1 itemprop="name">Telephone conversation</h1>
        <div class="lead" itemprop="description"><p>Vladimir Putin had a telephone conversation with the President of Ukraine.</p></div>
        <div itemprop="articleBody"><p>The two leaders discussed gas transit.</p>
          <div class="bottommeta hidden-copy"><h3>Topics</h3><ul class="tags"><li><a href="/t/1" rel="tag">Foreign policy</a></li></ul>
          <p>Publication date: <time datetime="2019-12-20">December 20, 2019</time></p></div></div>
      </article><div class="share"><a href="https://vk.com/share">VK</a></div></div></body></html>`);
    expect(page.outcome).toBe('article');
    expect(readerText(page.html)).toBe('Vladimir Putin had a telephone conversation with the President of Ukraine.\nThe two leaders discussed gas transit.');
  });

  it('keeps a page with no article as its text, header and footer included', () => {
    const page = extractArticle(`<html><head><title>Sign in</title><script>login()</script></head><body>
      <header>Daily Bulletin</header><nav><a href="/">Home</a></nav>
      <form action="/login"><label>Email</label><input name="email"><button>Sign in</button></form>
      <footer>© Daily Bulletin</footer></body></html>`);
    expect(page.outcome).toBe('no-article');
    expect(readerText(page.html)).toBe('Daily Bulletin\nEmail\n© Daily Bulletin');
  });

  it('says no article for an empty page', () => {
    expect(extractArticle('<html><head><title>Empty</title></head><body></body></html>').outcome).toBe('no-article');
    expect(extractArticle('').outcome).toBe('no-article');
  });

  it('extracts the article from a 30 MB page of scripts, styles, icons and inline data', () => {
    const script = `<script>${'var config = {"key": "value", "list": [1, 2, 3]};\n'.repeat(300_000)}</script>`;
    const style = `<style>${'.a{background:url(data:image/png;base64,AAAA)}\n'.repeat(100_000)}</style>`;
    const icons = `<svg style="display:none">${'<symbol id="i"><path d="M0 0L10 10Z"/></symbol>'.repeat(50_000)}</svg>`;
    const tracking = `<div style="background-image:url(data:image/jpeg;base64,${'A'.repeat(8_000_000)})"></div>`;
    const menu = `<ul class="menu">${'<li><a href="/section">Section</a></li>'.repeat(2_000)}</ul>`;
    const html = newsPage(ARTICLE).replace('<header', `${script}${style}${icons}${tracking}<header`).replace('<footer', `${menu}<footer`);
    expect(html.length).toBeGreaterThan(30_000_000);

    const start = performance.now();
    const page = extractArticle(html);
    console.log(`30 MB page: extracted in ${Math.round(performance.now() - start)} ms`);
    expect(page.outcome).toBe('article');
    const text = readerText(page.html);
    for (const paragraph of PARAGRAPHS) expect(text).toContain(paragraph);
    expect(page.html).not.toContain('var config');
    expect(page.html.length).toBeLessThan(10_000);
  });

  it('shows a page with 30 MB of text as its text, without looking for an article in it', () => {
    const paragraph = (index: number) => `<p>Comment ${index}: ${PARAGRAPHS[index % PARAGRAPHS.length]}</p>`;
    const html = `<html><head><title>Thread</title></head><body>${Array.from({ length: 200_000 }, (_, index) => paragraph(index)).join('')}</body></html>`;
    expect(html.length).toBeGreaterThan(30_000_000);

    const start = performance.now();
    const page = extractArticle(html);
    console.log(`30 MB of text: handled in ${Math.round(performance.now() - start)} ms`);
    expect(page.outcome).toBe('too-large');
    expect(page.metadata.title).toBe('Thread');
    expect(page.html).toContain(`<p>Comment 0: ${PARAGRAPHS[0]}</p>`);
    expect(page.html).toContain(`<p>Comment 199999: ${PARAGRAPHS[3]}</p>`);
  });

  it('shows a page of 30,000 links as its text, without looking for an article in it', () => {
    const html = `<html><body><table>${'<tr><td><a href="/item">Item</a></td><td>42</td></tr>'.repeat(10_000)}</table></body></html>`;
    const page = extractArticle(html);
    expect(page.outcome).toBe('too-large');
    expect(readerText(page.html).split('\n')).toHaveLength(20_000);
  });

  it('extracts every paragraph of a page nested 10,000 levels deep by unclosed tags', () => {
    const paragraphs = Array.from({ length: 10_000 }, (_, index) => `Paragraph ${index}: ${PARAGRAPHS[index % PARAGRAPHS.length]}`);
    const html = `<html><head><title>Deep</title></head><body>${paragraphs.map((text) => `<div><font><p>${text}`).join('')}</body></html>`;
    const start = performance.now();
    const page = extractArticle(html);
    console.log(`10,000 levels: extracted in ${Math.round(performance.now() - start)} ms`);
    expect(page.outcome).toBe('article');
    expect(readerText(page.html).split('\n')).toEqual(paragraphs);
  });
});
