import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../library/parse-markdown';
import { buildNotesDocument } from './notes-document';
import { renderNotesHtml } from './notes-html';
import { renderNotesMarkdown } from './notes-markdown';
import { input, note } from './notes.fixture';

const SPEECH = '2022-ukraine-zelenskyy-unga-77-general-debate.md';
const speech = parseMarkdown(SPEECH, readFileSync(fileURLToPath(new URL(`../../../content/un-general-debate/${SPEECH}`, import.meta.url)), 'utf8'));

/** Notes on the UN speech (dated "2022 (September general debate)"), a briefing dated only `2022`, and a dated readout. */
function items() {
  return [
    note({ briefingId: SPEECH, title: speech.title, date: speech.date, exact: 'There are five preconditions for peace.', start: 1400 }),
    note({ briefingId: 'year.md', title: 'Annual statement', date: '2022', exact: 'A year of war', start: 10 }),
    note({ briefingId: 'day.md', title: 'Readout', date: '2022-10-04', exact: 'The leaders spoke', start: 10 }),
  ];
}

describe('briefing dates in exports', () => {
  it('cite a date at the precision the briefing gives, never an invented 1 January', () => {
    const doc = buildNotesDocument(input(items()));
    const markdown = renderNotesMarkdown(doc);
    expect(markdown).toMatch(/^— \*Statement by Volodymyr Zelenskyy.*, September 2022$/m);
    expect(markdown).toMatch(/^— \*Annual statement\*, Reuters, 2022$/m);
    expect(markdown).not.toContain('2022-01-01');
    const html = renderNotesHtml(doc, { paper: 'A4', fontCss: '' });
    expect(html).toContain('<time datetime="2022-09">September 2022</time>');
    expect(html).toContain('<time datetime="2022">2022</time>');
    expect(html).not.toContain('2022-01-01');
  });

  it('order briefings by date with mixed precision: the day, then the month, then the year it falls in', () => {
    const doc = buildNotesDocument(input(items()));
    expect(doc.briefings.map((briefing) => briefing.briefingId)).toEqual(['day.md', SPEECH, 'year.md']);
  });
});
