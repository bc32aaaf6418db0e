import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseBriefing } from './parse-briefing';

const SAMPLE = new URL('../../../content/president-of-ukraine/', import.meta.url);
const UKRAINIAN = 'uk/2022-03-19-meaningful-talks-on-peace-and-security-uk.md';
const ENGLISH = 'en/2022-03-19-meaningful-talks-on-peace-and-security.md';

const bytesOf = async (path: string) => new Uint8Array(await readFile(new URL(path, SAMPLE)));
const edited = async (path: string, from: RegExp, to: string) => new TextEncoder().encode((await readFile(new URL(path, SAMPLE), 'utf8')).replace(from, to));

describe('parseBriefing: translations and languages', () => {
  it('gives a briefing and its translation the same pairId from front matter pair_id', async () => {
    const uk = await parseBriefing(UKRAINIAN, 'markdown', await bytesOf(UKRAINIAN));
    const en = await parseBriefing(ENGLISH, 'markdown', await bytesOf(ENGLISH));
    expect(uk.summary.pairId).toBeTruthy();
    expect(uk.summary.pairId).toBe(en.summary.pairId);
    expect([uk.summary.language, en.summary.language]).toEqual(['uk', 'en']);
  });

  it('reads pairId spelt in camel case, and a number as text; a briefing without one has none', async () => {
    const camel = await parseBriefing('a.md', 'markdown', await edited(ENGLISH, /pair_id:/, 'pairId:'));
    expect(camel.summary.pairId).toBe((await parseBriefing(ENGLISH, 'markdown', await bytesOf(ENGLISH))).summary.pairId);
    const numbered = await parseBriefing('b.md', 'markdown', await edited(ENGLISH, /pair_id: .*/, 'pair_id: 1042'));
    expect(numbered.summary.pairId).toBe('1042');
    const alone = await parseBriefing('c.md', 'markdown', await edited(ENGLISH, /pair_id: .*\n/, ''));
    expect(alone.summary).not.toHaveProperty('pairId');
  });

  it('keeps the declared language and records the one the text reads as when they disagree', async () => {
    const mislabelled = await parseBriefing('d.md', 'markdown', await edited(UKRAINIAN, /language: .*/, 'language: "en"'));
    expect(mislabelled.summary.language).toBe('en');
    expect(mislabelled.summary.detectedLanguage).toBe('uk');
    const right = await parseBriefing(UKRAINIAN, 'markdown', await bytesOf(UKRAINIAN));
    expect(right.summary).not.toHaveProperty('detectedLanguage');
    // With no language declared there is nothing to contradict: the detected one is the language.
    const undeclared = await parseBriefing('e.md', 'markdown', await edited(UKRAINIAN, /language: .*\n/, ''));
    expect(undeclared.summary.language).toBe('uk');
    expect(undeclared.summary).not.toHaveProperty('detectedLanguage');
  });
});
