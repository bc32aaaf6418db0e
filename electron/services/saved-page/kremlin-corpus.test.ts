import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isTag, isText, type Element } from 'domhandler';
import { findAll, getAttributeValue } from 'domutils';
import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { outlineOf } from '../library/article-html';
import { parseBriefing, toArticle } from '../library/parse-briefing';

/**
 * Quality of extraction on real saved pages (shared/corpus/README.md: whole en.kremlin.ru news
 * pages with navigation, share widgets, sidebars and footers). What each page's article is comes
 * from the page's own markup, read here with htmlparser2, independently of the code under test:
 *
 * - The site declares its article with schema.org microdata: a NewsArticle item whose
 *   `description` is the lead and whose `articleBody` holds the text. Inside the body it marks the
 *   blocks that are not article text (photo sliders, tags, publication status) with `masha-ignore`
 *   or `hidden-copy`, the classes its quote-sharing and copy scripts use to leave them out.
 * - Its navigation is declared as schema.org `SiteNavigationElement` items; its share widget is the
 *   elements with `share` in their class.
 *
 * A page passes when the reader's text of it holds the article's opening sentence (the lead's,
 * else the first paragraph's) and its closing sentence (the last paragraph's), and no line of it
 * is a navigation or share label, or a label from the blocks the site marks as not article text.
 */
const CORPUS = fileURLToPath(new URL('../../../test-corpus/kremlin/', import.meta.url));
const available = existsSync(CORPUS);
if (!available) console.log(`kremlin extraction: skipped, the corpus folder ${CORPUS} is missing`);

describe.skipIf(!available)('extraction of the Kremlin corpus', () => {
  it('keeps every article whole and drops the site chrome', async () => {
    const files = readdirSync(CORPUS)
      .filter((name) => /\.html?$/.test(name))
      .sort();
    const failures: string[] = [];
    let elapsed = 0;
    for (const file of files) {
      const bytes = readFileSync(join(CORPUS, file));
      let expected: Expectations;
      try {
        expected = expectationsOf(bytes.toString('utf8'));
      } catch (error) {
        failures.push(`${file}: ${(error as Error).message}`);
        continue;
      }
      const start = performance.now();
      const { summary, document } = await parseBriefing(file, 'html', bytes);
      elapsed += performance.now() - start;
      if (!document) {
        failures.push(`${file}: not parsed (${summary.problem?.message})`);
        continue;
      }
      const lines = outlineOf(toArticle(summary, document).html).text.split('\n');
      const text = squeeze(lines.join(' '));
      const problems = [
        expected.chrome.size === 0 && 'no navigation or share labels found in the page to check against',
        !text.includes(expected.opening) && `opening sentence missing: "${expected.opening}"`,
        !text.includes(expected.closing) && `closing sentence missing: "${expected.closing}"`,
        ...lines.filter((line) => expected.chrome.has(squeeze(line))).map((line) => `site label kept: "${line}"`),
      ].filter(Boolean);
      if (problems.length > 0) failures.push(`${file}: ${problems.join('; ')}`);
    }
    console.log(`kremlin extraction: ${files.length - failures.length}/${files.length} pages pass (${(elapsed / files.length).toFixed(1)} ms a page)`);
    for (const failure of failures) console.log(`  ${failure}`);
    expect(files.length).toBeGreaterThan(0);
    expect(failures).toEqual([]);
  });

  it('leaves out the tooltips the site hides in its text (no "Viktor Yanukovych Yanukovych Viktor")', async () => {
    const files = readdirSync(CORPUS)
      .filter((name) => /\.html?$/.test(name))
      .sort();
    const leaks: string[] = [];
    let pagesWithTooltips = 0;
    for (const file of files) {
      const bytes = readFileSync(join(CORPUS, file));
      // The site's person and reference tooltips: pop-ups shown on hover, written into the paragraph after the name.
      const tooltips = findAll((element) => hasToken(element, 'class', 'tooltip__text'), parseDocument(bytes.toString('utf8')).children)
        .map(textOf)
        .filter(Boolean);
      if (tooltips.length > 0) pagesWithTooltips++;
      const { document } = await parseBriefing(file, 'html', bytes);
      const text = squeeze(document?.body ?? '');
      for (const tooltip of tooltips.filter((candidate) => text.includes(candidate))) leaks.push(`${file}: "${tooltip}"`);
    }
    expect(pagesWithTooltips).toBeGreaterThan(0);
    expect(leaks).toEqual([]);
  });
});

interface Expectations {
  opening: string;
  closing: string;
  /** Navigation and share labels, and those of the blocks marked as not article text; whitespace squeezed. */
  chrome: Set<string>;
}

function expectationsOf(html: string): Expectations {
  const dom = parseDocument(html);
  const [body] = findAll((element) => hasToken(element, 'itemprop', 'articleBody'), dom.children);
  if (!body) throw new Error('the page declares no articleBody');
  const item = ancestors(body).find((element) => element.attribs.itemscope !== undefined)!;
  const lead = findAll((element) => hasToken(element, 'itemprop', 'description') && ownerItem(element) === item, [item])
    .map(textOf)
    .find(Boolean);
  const paragraphs = findAll((element) => element.name === 'p', [body])
    .filter((paragraph) => !ancestors(paragraph, body).some(isNotArticleText))
    .map(textOf)
    .filter(Boolean);
  if (paragraphs.length === 0 && !lead) throw new Error('the page declares an empty article');
  const opening = sentencesOf(lead ?? paragraphs[0])[0];
  const closing = sentencesOf(paragraphs.at(-1) ?? lead!).at(-1)!;

  const leavesOf = (containers: Element[]) => containers.flatMap((container) => findAll((element) => !element.children.some(isTag), [container]));
  const labels = [
    ...findAll((element) => /SiteNavigationElement$/.test(element.attribs.itemtype ?? ''), dom.children),
    ...leavesOf(findAll((element) => /share/i.test(element.attribs.class ?? ''), dom.children)),
    ...leavesOf(findAll(isNotArticleText, [body])),
  ]
    .map(textOf)
    // The email preview in the share widget quotes the headline; a label is a few words.
    .filter((label) => label && label.length <= 30);
  return { opening, closing, chrome: new Set(labels) };
}

/** Sentence ends: `.`, `!`, `?` or `…` (and a closing quote) before a space and a capital, digit or opening quote. */
function sentencesOf(paragraph: string): string[] {
  return paragraph.split(/(?<=[.!?…]["”’»)]?)\s+(?=["“«(]?[\p{Lu}\d])/u);
}

/**
 * Text as the reader shows it within a line: a `<br>` is a space, runs of whitespace one space.
 * Inside a paragraph, what the site marks as not article text (a name's tooltip) is not read.
 */
function textOf(node: Element): string {
  const parts: string[] = [];
  const walk = (current: Element) => {
    for (const child of current.children) {
      if (isText(child)) parts.push(child.data);
      else if (isTag(child)) {
        if (child.name === 'br') parts.push(' ');
        else if (!isNotArticleText(child)) walk(child);
      }
    }
  };
  walk(node);
  return squeeze(parts.join(''));
}

function isNotArticleText(element: Element): boolean {
  return hasToken(element, 'class', 'masha-ignore') || hasToken(element, 'class', 'hidden-copy');
}

function squeeze(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function hasToken(element: Element, attribute: string, token: string): boolean {
  return (getAttributeValue(element, attribute) ?? '').split(/\s+/).includes(token);
}

/** Ancestors of `node`, nearest first, stopping before `until`. */
function ancestors(node: Element, until?: Element): Element[] {
  const found: Element[] = [];
  for (let parent = node.parent; parent && parent !== until && isTag(parent); parent = parent.parent) found.push(parent);
  return found;
}

function ownerItem(element: Element): Element | undefined {
  return ancestors(element).find((ancestor) => ancestor.attribs.itemscope !== undefined);
}
