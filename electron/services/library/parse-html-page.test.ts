import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseBriefing, toArticle } from './parse-briefing';
import { parseHtmlPage } from './parse-html-page';

const RUSSIAN = [
  'Владимир Путин провёл телефонный разговор с Президентом Украины Виктором Януковичем.',
  'Стороны обсудили вопросы торгово-экономического сотрудничества, в том числе в энергетической сфере, и договорились о встрече в Москве.',
  'Также была затронута тематика подготовки к заседанию межгосударственной комиссии, которое пройдёт в декабре.',
];
const UKRAINIAN = [
  'Президент України провів переговори з делегацією Європейського Союзу щодо енергетичної безпеки.',
  'Сторони обговорили постачання газу, ремонт пошкодженої інфраструктури і підготовку до зими, яка буде непростою.',
  'Домовилися продовжити консультації на рівні експертів уже наступного тижня в Києві.',
];

const page = (head: string, paragraphs: string[]) =>
  `<!doctype html><html><head>${head}<title>Новости</title></head><body><nav><a href="/">Главная</a></nav>` +
  `<article>${paragraphs.map((text) => `<p>${text}</p>`).join('')}</article><footer>© 2012</footer></body></html>`;

describe('parseHtmlPage', () => {
  it('keeps title, byline, site name, date, canonical URL and language as metadata', () => {
    const ld = {
      '@type': 'NewsArticle',
      headline: 'Talks resume',
      author: { name: 'Olena Kovalenko' },
      publisher: { name: 'Daily Bulletin' },
      datePublished: '2023-04-02T09:30:00Z',
    };
    const doc = parseHtmlPage(
      'a.html',
      `<html lang="en-GB"><head><script type="application/ld+json">${JSON.stringify(ld)}</script><link rel="canonical" href="https://bulletin.example/talks"></head>` +
        `<body><article><p>${'The delegations met again on Sunday and talked for several hours about the ceasefire. '.repeat(8)}</p></article></body></html>`,
    );
    expect(doc).toMatchObject({
      title: 'Talks resume',
      source: 'Daily Bulletin',
      date: '2023-04-02T09:30:00',
      url: 'https://bulletin.example/talks',
      problem: null,
    });
    expect(doc.metadata).toEqual({
      title: 'Talks resume',
      author: 'Olena Kovalenko',
      site_name: 'Daily Bulletin',
      date: '2023-04-02T09:30:00',
      url: 'https://bulletin.example/talks',
      language: 'en-GB',
    });
  });

  it('takes the title the page declares, else Readability’s (the headline over a short or site-tailed <title>)', () => {
    const body = `<body><article><h1>Grain corridor talks resume in Istanbul</h1>${UKRAINIAN.map((text) => `<p>${text}</p>`).join('')}</article></body>`;
    expect(parseHtmlPage('a.html', `<head><title>News</title></head>${body}`).title).toBe('Grain corridor talks resume in Istanbul');
    expect(parseHtmlPage('b.html', `<head><title>News</title><meta property="og:title" content="Declared title"></head>${body}`).title).toBe('Declared title');
  });

  it('uses the byline as the source when the page names no site', () => {
    const doc = parseHtmlPage(
      'a.html',
      `<head><meta name="author" content="Press Office"></head><body><p>${'A sentence of the statement. '.repeat(30)}</p></body>`,
    );
    expect(doc.source).toBe('Press Office');
  });

  it('keeps a page with no article, flagged, and shows its text', () => {
    const doc = parseHtmlPage(
      'menu.html',
      '<html><body><header>Ministry</header><ul><li><a href="/a">Statements</a></li><li><a href="/b">Briefings</a></li></ul></body></html>',
    );
    expect(doc.problem).toEqual({ code: 'no-article', severity: 'warning', message: 'No article was found in this page; it is shown as its text.' });
    expect(doc.body).toBe('Ministry\nStatements\nBriefings');
    expect(doc.title).toBe('Ministry');
  });

  it('lets nothing unsafe through to the reader', async () => {
    const { summary, document } = await parseBriefing(
      'a.html',
      'html',
      Buffer.from(
        `<html><head><script>steal()</script></head><body><article onclick="steal()"><h1>Title</h1>` +
          `<p>${'Some text of the article that goes on for a while. '.repeat(12)}<img src="https://tracker.example/pixel.gif" onerror="steal()">` +
          `<a href="https://example.org/source" onmouseover="steal()">source</a> <a href="javascript:steal()">bad</a></p></article></body></html>`,
      ),
    );
    const { html } = toArticle(summary, document!);
    expect(html).not.toMatch(/steal|<script|tracker\.example|<img/);
    expect(html).toContain('<a href="https://example.org/source" title="https://example.org/source" rel="noopener noreferrer" data-external="true">source</a>');
  });
});

describe('saved pages in legacy charsets', () => {
  it.each([
    ['windows-1251', '<meta charset="windows-1251">', RUSSIAN, 'ru'],
    ['KOI8-U', '<meta http-equiv="Content-Type" content="text/html; charset=koi8-u">', UKRAINIAN, 'uk'],
  ] as const)('decodes a %s page by its declaration', async (encoding, head, paragraphs, language) => {
    const { summary, document } = await parseBriefing('page.html', 'html', iconv.encode(page(head, paragraphs), encoding));
    expect(summary).toMatchObject({ language, problem: null });
    expect(document!.body).toBe(paragraphs.join('\n'));
  });

  it('decodes an ISO-8859-1 page', async () => {
    const french = [
      "Le président a reçu les délégations à l'Élysée pour évoquer la sécurité énergétique et la façade maritime.",
      "Les échanges ont duré près de deux heures, a précisé la présidence à l'issue de la réunion.",
    ];
    const { summary, document } = await parseBriefing('page.html', 'html', iconv.encode(page('<meta charset="iso-8859-1">', french), 'latin1'));
    expect(summary.problem).toBeNull();
    expect(document!.body).toBe(french.join('\n'));
  });

  it('decodes a windows-1251 page whose declaration wrongly says utf-8', async () => {
    const { summary, document } = await parseBriefing('page.html', 'html', iconv.encode(page('<meta charset="utf-8">', RUSSIAN), 'windows-1251'));
    expect(summary).toMatchObject({ language: 'ru', problem: null });
    expect(document!.body).toBe(RUSSIAN.join('\n'));
  });

  it('still refuses binary data saved as .html', async () => {
    const { summary, document } = await parseBriefing('image.html', 'html', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    expect(summary.problem?.code).toBe('binary');
    expect(document).toBeNull();
  });
});
