import { describe, expect, it } from 'vitest';
import { parsePage } from './page-dom';

describe('parsePage', () => {
  it('gives a document with the members the import code relies on', () => {
    const document = parsePage(
      '<html lang="en"><body><article itemscope itemtype="http://schema.org/NewsArticle"><p itemprop="description lead">Lead</p>' +
        '<div itemprop="articleBody"><p>Body</p></div></article></body></html>',
    );
    expect(document.documentElement?.getAttribute('lang')).toBe('en');
    const [body] = document.querySelectorAll('[itemprop~="articleBody"]');
    const lead = document.querySelector('[itemprop~="description"]')!;
    expect(body.parentElement?.closest('[itemscope][itemtype]')?.tagName.toLowerCase()).toBe('article');
    expect(body.contains(lead)).toBe(false);
    body.prepend(lead);
    document.body!.replaceChildren(body);
    expect(document.body!.innerHTML).toBe('<div itemprop="articleBody"><p itemprop="description lead">Lead</p><p>Body</p></div>');
  });

  it('parses an empty page to a document without a root element', () => {
    expect(parsePage('').documentElement).toBeNull();
  });
});
