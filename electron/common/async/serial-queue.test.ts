import { describe, expect, it } from 'vitest';
import { KeyedSerialQueue, SerialQueue } from './serial-queue';

/** A task the test finishes by hand, so the order of events is the test's, not the clock's. */
function held<T>(value: T) {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { task: async () => (await done, value), finish };
}

describe('SerialQueue', () => {
  it('runs one task at a time in the order asked, a failure rejecting only its own caller', async () => {
    const queue = new SerialQueue();
    const started: string[] = [];
    const first = held('first');
    const one = queue.run(async () => (started.push('first'), first.task()));
    const two = queue.run(async () => {
      started.push('second');
      throw new Error('second failed');
    });
    const three = queue.run(async () => (started.push('third'), 'third'));
    await Promise.resolve();
    expect(started).toEqual(['first']);
    first.finish();
    await expect(one).resolves.toBe('first');
    await expect(two).rejects.toThrow('second failed');
    await expect(three).resolves.toBe('third');
    expect(started).toEqual(['first', 'second', 'third']);
  });

  it('merges requests for the same work while it waits, and takes one more once it has started', async () => {
    const queue = new SerialQueue();
    const blocker = held(undefined);
    void queue.run(blocker.task);
    let runs = 0;
    const rescan = async () => ++runs;
    const merged = [queue.runOnce('rescan', rescan), queue.runOnce('rescan', rescan), queue.runOnce('rescan', rescan)];
    blocker.finish();
    expect(await Promise.all(merged)).toEqual([1, 1, 1]);
    expect(await queue.runOnce('rescan', rescan)).toBe(2);
    await queue.idle();
    expect(runs).toBe(2);
  });
});

describe('KeyedSerialQueue', () => {
  it('runs tasks for one key in order and tasks for different keys side by side, forgetting a key once idle', async () => {
    const queue = new KeyedSerialQueue();
    const started: string[] = [];
    const a1 = held('a1');
    const b1 = held('b1');
    const first = queue.run('a', async () => (started.push('a1'), a1.task()));
    const second = queue.run('a', async () => {
      started.push('a2');
      throw new Error('a2 failed');
    });
    const other = queue.run('b', async () => (started.push('b1'), b1.task()));
    await Promise.resolve();
    expect(started).toEqual(['a1', 'b1']);
    expect(queue.busyKeys).toBe(2);
    b1.finish();
    await expect(other).resolves.toBe('b1');
    expect(started).toEqual(['a1', 'b1']);
    a1.finish();
    await expect(first).resolves.toBe('a1');
    await expect(second).rejects.toThrow('a2 failed');
    await expect(queue.run('a', async () => 'a3')).resolves.toBe('a3');
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    expect(queue.busyKeys).toBe(0);
  });
});
