import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { debounce } from './debounce';

// The clock is the test's: each step says exactly how much time has passed.
beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('debounce', () => {
  it('makes one call with the latest arguments once a burst stops', () => {
    const calls: number[] = [];
    const save = debounce((value: number) => calls.push(value), 100);
    for (let value = 1; value <= 50; value++) {
      save(value);
      vi.advanceTimersByTime(10);
    }
    expect(calls).toEqual([]);
    expect(save.pending).toBe(true);
    vi.advanceTimersByTime(100);
    expect(calls).toEqual([50]);
    expect(save.pending).toBe(false);
  });

  it('with maxWaitMs, a steady stream still gets a call that often', () => {
    const calls: number[] = [];
    const report = debounce((value: number) => calls.push(value), 100, { maxWaitMs: 250 });
    for (let value = 1; value <= 60; value++) {
      report(value);
      vi.advanceTimersByTime(10);
    }
    expect(calls).toEqual([25, 50]);
  });

  it('flush makes the waiting call now and cancel drops it', () => {
    const calls: string[] = [];
    const save = debounce((value: string) => calls.push(value), 100);
    save.flush();
    expect(calls).toEqual([]);
    save('now');
    save.flush();
    expect(calls).toEqual(['now']);
    save('dropped');
    save.cancel();
    vi.advanceTimersByTime(1000);
    expect(calls).toEqual(['now']);
  });
});
