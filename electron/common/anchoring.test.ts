import { describe, expect, it } from 'vitest';
import { anchor, anchorAll, type AnchorResult, CONTEXT_CHARS, describeRange } from './anchoring';

/**
 * The Zelenskyy speech without its front matter: real prose, about 18 KB. Loaded through Vite's
 * `?raw` import because common code (tests included) may not import node:* (lint rule); the
 * specifier is a variable so the type checker, which has no Vite types here, does not resolve it.
 */
const SPEECH_MODULE = '../../content/un-general-debate/2022-ukraine-zelenskyy-unga-77-general-debate.md?raw';
const SPEECH = ((await import(SPEECH_MODULE)) as { default: string }).default.replace(/^---\n[\s\S]*?\n---\n+/, '').trim();

const INSERTED = 'This paragraph was added above everything else by a later edit of the briefing, so every offset below it moves.\n';

function describe_(text: string, passage: string, occurrence = 0) {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(passage, at + 1);
  expect(at).toBeGreaterThanOrEqual(0);
  const described = describeRange(text, at, at + passage.length);
  expect(described).not.toBeNull();
  return described!;
}

function placed(result: AnchorResult): { kind: string; start: number; end: number; score: number } {
  expect(result.kind).not.toBe('orphan');
  return result as { kind: string; start: number; end: number; score: number };
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe('describeRange', () => {
  it('takes the quote with up to CONTEXT_CHARS of context and the positions', () => {
    const passage = 'A crime has been committed against Ukraine, and we demand just punishment.';
    const { quote, position } = describe_(SPEECH, passage);
    expect(quote.exact).toBe(passage);
    expect(quote.prefix).toHaveLength(CONTEXT_CHARS);
    expect(quote.suffix).toHaveLength(CONTEXT_CHARS);
    expect(SPEECH.slice(position.start - CONTEXT_CHARS, position.end + CONTEXT_CHARS)).toBe(quote.prefix + quote.exact + quote.suffix);
  });

  it('trims surrounding whitespace and adjusts the offsets', () => {
    const text = 'one two  \n three four';
    const described = describeRange(text, 3, 11);
    expect(described?.quote.exact).toBe('two');
    expect(described?.position).toEqual({ type: 'TextPositionSelector', start: 4, end: 7 });
    expect(described?.quote.prefix).toBe('one ');
  });

  it('returns null for an empty or whitespace-only selection', () => {
    expect(describeRange('one  \n\t two', 3, 8)).toBeNull();
    expect(describeRange('one two', 2, 2)).toBeNull();
    expect(describeRange('', 0, 0)).toBeNull();
  });

  it('clamps out-of-range and reversed offsets', () => {
    expect(describeRange('hello world', 11, -5)?.quote.exact).toBe('hello world');
  });

  it('selects the whole article with empty context', () => {
    const described = describeRange(SPEECH, 0, SPEECH.length)!;
    expect(described.quote).toMatchObject({ exact: SPEECH, prefix: '', suffix: '' });
    expect(anchor(SPEECH, described.quote, described.position)).toEqual({ kind: 'position', start: 0, end: SPEECH.length, score: 1 });
    const edited = SPEECH.replace('I wish you all peace!', 'I wish you all lasting peace!');
    const moved = placed(anchor(edited, described.quote, described.position));
    expect(moved.kind).toBe('approximate');
    expect([moved.start, moved.end]).toEqual([0, edited.length]);
  });

  it('never splits a surrogate pair in the quote, prefix or suffix (Cyrillic and emoji)', () => {
    const text = '🇺🇦 Слава Україні! 😊😊😊😊😊😊😊😊😊😊😊😊😊😊😊😊😊 Героям слава! 🌻🌻🌻🌻🌻🌻🌻🌻🌻🌻🌻🌻🌻🌻🌻🌻🌻🌻 кінець';
    const start = text.indexOf('Героям');
    const end = start + 'Героям слава!'.length;
    // Context starts and ends 32 code units away, which falls inside a pair here.
    expect(text.charCodeAt(start - CONTEXT_CHARS)).toBeGreaterThanOrEqual(0xdc00);
    const described = describeRange(text, start, end)!;
    for (const part of [described.quote.exact, described.quote.prefix, described.quote.suffix]) expect(part).not.toMatch(LONE_SURROGATE);
    expect(described.quote.exact).toBe('Героям слава!');
    expect(described.quote.prefix.length).toBeLessThanOrEqual(CONTEXT_CHARS);
    expect(text.slice(0, start).endsWith(described.quote.prefix)).toBe(true);
    expect(text.slice(end).startsWith(described.quote.suffix)).toBe(true);
    expect(anchor(text, described.quote, described.position)).toMatchObject({ kind: 'position', start, end });

    // A selection ending between the halves of an emoji takes the whole emoji.
    const emoji = text.indexOf('😊');
    const half = describeRange(text, emoji, emoji + 1)!;
    expect(half.quote.exact).toBe('😊');
    expect(half.position.end - half.position.start).toBe(2);

    // After an edit, found again by quote and still well-formed.
    const edited = `Вступ 📜 до тексту.\n${text}`;
    const moved = placed(anchor(edited, described.quote, described.position));
    expect(edited.slice(moved.start, moved.end)).toBe('Героям слава!');
  });
});

describe('anchor', () => {
  const passage =
    'Punishment for the catastrophic turbulence that Russia provoked with its illegal war and not only for us, Ukrainians, but for the whole world.';

  it('round-trips describe then anchor exactly by position', () => {
    const { quote, position } = describe_(SPEECH, passage);
    expect(anchor(SPEECH, quote, position)).toEqual({ kind: 'position', start: position.start, end: position.end, score: 1 });
  });

  it('finds the quote at its new offsets after a paragraph is inserted before it', () => {
    const { quote, position } = describe_(SPEECH, passage);
    const edited = INSERTED + SPEECH;
    const result = placed(anchor(edited, quote, position));
    expect(result.kind).toBe('quote');
    expect([result.start, result.end]).toEqual([position.start + INSERTED.length, position.end + INSERTED.length]);
    expect(result.score).toBeGreaterThan(0.9);
  });

  it('places a passage with two words changed approximately over the edited passage', () => {
    const { quote, position } = describe_(SPEECH, passage);
    const changed = passage.replace('catastrophic', 'disastrous').replace('illegal', 'unlawful');
    const edited = INSERTED + SPEECH.replace(passage, changed);
    const result = placed(anchor(edited, quote, position));
    expect(result.kind).toBe('approximate');
    const at = edited.indexOf(changed);
    expect(Math.abs(result.start - at)).toBeLessThanOrEqual(2);
    expect(Math.abs(result.end - (at + changed.length))).toBeLessThanOrEqual(2);
    expect(result.score).toBeGreaterThan(0.8);
  });

  it('orphans a passage that was deleted', () => {
    const { quote, position } = describe_(SPEECH, passage);
    expect(anchor(SPEECH.replace(passage, ''), quote, position)).toEqual({ kind: 'orphan' });
    // A short quote whose whole neighbourhood is gone is an orphan too, even though the words recur.
    const sentence = 'The crime was committed against the values that make you and me a community of the United Nations.';
    const word = describe_(SPEECH, 'values', SPEECH.slice(0, SPEECH.indexOf(sentence)).split('values').length - 1);
    expect(SPEECH.split('values').length).toBeGreaterThan(2);
    expect(anchor(SPEECH.replace(sentence, ''), word.quote, word.position)).toEqual({ kind: 'orphan' });
  });

  it('chooses among several occurrences the one whose prefix and suffix match', () => {
    const text = [
      'In the first year the council met and we must act together on climate.',
      'In the second year the assembly debated and we must act together on hunger.',
      'In the third year the court ruled and we must act together on justice.',
    ].join('\n');
    const { quote } = describe_(text, 'we must act together', 1);
    // A stale position that points nowhere useful: the context alone must decide.
    const result = placed(anchor(`${INSERTED}${text}`, quote, { type: 'TextPositionSelector', start: 0, end: 20 }));
    expect(result.kind).toBe('quote');
    const expected = INSERTED.length + text.indexOf('we must act together on hunger');
    expect([result.start, result.end]).toEqual([expected, expected + 'we must act together'.length]);
  });

  it('re-anchors one short word repeated many times to the same occurrence', () => {
    const text = Array.from({ length: 400 }, (_, i) => `Clause ${i + 1} of the treaty says peace, number ${(i * 7919) % 1000}.`).join(' ');
    const occurrences = text.split('peace').length - 1;
    expect(occurrences).toBe(400);
    const targets = [3, 150, 399].map((n) => describe_(text, 'peace', n));
    const edited = `${INSERTED}${text}`;
    anchorAll(edited, targets).forEach((result, i) => {
      const r = placed(result);
      expect(r.kind).toBe('quote');
      expect(r.start).toBe(targets[i].position.start + INSERTED.length);
    });
    // Alone, and from a stale position far away, the context still picks it out.
    const single = placed(anchor(edited, targets[1].quote, { type: 'TextPositionSelector', start: 5, end: 10 }));
    expect(single.start).toBe(targets[1].position.start + INSERTED.length);
  });

  it('places a very long quote (5,000 chars) with a few edits', () => {
    const start = SPEECH.indexOf('I am speaking on behalf');
    const described = describeRange(SPEECH, start, start + 5000)!;
    expect(described.quote.exact.length).toBeGreaterThanOrEqual(4990);
    const original = described.quote.exact;
    const changed = original.replace('Russia', 'the Russian Federation').replace(/ the /, ' a ').replace(/peace/g, 'Peace');
    expect(changed).not.toBe(original);
    const edited = INSERTED + SPEECH.replace(original, changed);
    const result = placed(anchor(edited, described.quote, described.position));
    expect(result.kind).toBe('approximate');
    const at = edited.indexOf(changed);
    expect(Math.abs(result.start - at)).toBeLessThanOrEqual(2);
    expect(Math.abs(result.end - (at + changed.length))).toBeLessThanOrEqual(2);
  });

  it('tolerates a changed character right next to the quote', () => {
    const { quote, position } = describe_(SPEECH, passage);
    const edited = SPEECH.replace(`${passage} For`, `${passage} for`);
    expect(edited).not.toBe(SPEECH);
    const result = placed(anchor(`${INSERTED}${edited}`, quote, position));
    expect(result.start).toBe(position.start + INSERTED.length);
  });

  it('orphans an empty quote and refuses a position whose text differs', () => {
    expect(anchor('abc', { type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' }, { type: 'TextPositionSelector', start: 0, end: 0 })).toEqual({
      kind: 'orphan',
    });
    const quote = { type: 'TextQuoteSelector' as const, exact: 'world', prefix: 'hello ', suffix: '' };
    expect(anchor('hello world', quote, { type: 'TextPositionSelector', start: 0, end: 5 })).toMatchObject({ kind: 'quote', start: 6, end: 11 });
  });
});

describe('anchorAll', () => {
  /** Every sentence of the speech, plus every "the" (short, repeated, told apart only by context). */
  function targetsOf(text: string) {
    const targets = [];
    for (const match of text.matchAll(/[^.!?\n]+[.!?]/g)) {
      const described = describeRange(text, match.index!, match.index! + match[0].length);
      if (described) targets.push(described);
    }
    for (const match of text.matchAll(/\bthe\b/g)) targets.push(describeRange(text, match.index!, match.index! + 3)!);
    return targets;
  }

  it('keeps every annotation in place when nothing changed', () => {
    const targets = targetsOf(SPEECH);
    expect(targets.length).toBeGreaterThan(300);
    anchorAll(SPEECH, targets).forEach((result, i) =>
      expect(result).toEqual({ kind: 'position', start: targets[i].position.start, end: targets[i].position.end, score: 1 }),
    );
  });

  it('moves every annotation by the inserted length, in the order given', () => {
    const targets = targetsOf(SPEECH).reverse();
    const results = anchorAll(INSERTED + SPEECH, targets);
    expect(results).toHaveLength(targets.length);
    results.forEach((result, i) => {
      const r = placed(result);
      expect(r.kind).toBe('quote');
      expect([r.start, r.end]).toEqual([targets[i].position.start + INSERTED.length, targets[i].position.end + INSERTED.length]);
    });
  });

  it('agrees with anchor one by one after mixed edits', () => {
    const targets = targetsOf(SPEECH).filter((_, i) => i % 3 === 0);
    const edited =
      INSERTED + SPEECH.replace('catastrophic', 'disastrous').replace('A crime has been committed against Ukraine, and we demand just punishment.', '');
    const together = anchorAll(edited, targets);
    targets.forEach((target, i) => {
      const alone = anchor(edited, target.quote, target.position);
      expect(together[i].kind === 'orphan').toBe(alone.kind === 'orphan');
      if (alone.kind !== 'orphan' && together[i].kind !== 'orphan') expect(together[i]).toMatchObject({ start: alone.start, end: alone.end });
    });
  });

  it('re-anchors 500 notes in a seven-fold speech after an insertion at the top (time: npm run bench -- annotations)', () => {
    const text = Array.from({ length: 7 }, (_, i) => SPEECH.replaceAll('Ukraine', `Ukraine-${i}`)).join('\n\n');
    const all = targetsOf(text);
    const targets = Array.from({ length: 500 }, (_, i) => all[Math.floor((i * all.length) / 500)]);
    const edited = INSERTED + text;
    const results = anchorAll(edited, targets);
    expect(results.filter((result) => result.kind === 'orphan')).toHaveLength(0);
  });
});
