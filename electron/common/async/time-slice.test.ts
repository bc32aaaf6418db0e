import { describe, expect, it } from 'vitest';
import { stringifyPaced, timeSlicer } from './time-slice';

/** Busy-waits, as parsing does: nothing else on the event loop runs meanwhile. */
function work(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

describe('timeSlicer', () => {
  it('lets a timer run during long work that paces itself', async () => {
    const pace = timeSlicer(5);
    let timerRan = false;
    setTimeout(() => (timerRan = true), 0);
    let stepsBeforeTimer = -1;
    for (let step = 0; step < 20; step++) {
      work(2);
      await pace();
      if (timerRan && stepsBeforeTimer < 0) stepsBeforeTimer = step;
    }
    expect(stepsBeforeTimer).toBeGreaterThanOrEqual(0);
    expect(stepsBeforeTimer).toBeLessThan(20);
  });

  it('does not wait while under budget', async () => {
    const pace = timeSlicer(60_000);
    let timerRan = false;
    setTimeout(() => (timerRan = true), 0);
    for (let step = 0; step < 5; step++) await pace();
    expect(timerRan).toBe(false);
  });
});

describe('stringifyPaced', () => {
  it('writes the same JSON as JSON.stringify', async () => {
    const entries = Object.fromEntries(
      Array.from({ length: 300 }, (_, i) => [`folder/${i} "quoted".md`, { size: i, title: `Брифінг ${i}\n`, tags: ['a', null] }]),
    );
    const fields = { version: 1, root: '/home/me/Briefings' };
    const text = await stringifyPaced(fields, 'entries', entries, timeSlicer(0));
    expect(JSON.parse(text)).toEqual({ ...fields, entries });
    expect(text).toBe(JSON.stringify({ ...fields, entries }));
    expect(await stringifyPaced({}, 'entries', {})).toBe('{"entries":{}}');
  });
});
