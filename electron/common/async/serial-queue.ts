/**
 * Runs async tasks one at a time, in the order they were asked for, whatever each one's outcome
 * (a task that fails rejects its own caller only). `runOnce` merges requests for the same work:
 * while a task with that key waits its turn, asking again shares it instead of queueing another,
 * so a burst of requests costs one run, plus one more for requests made while it runs.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private pending = 0;
  private readonly waiting = new Map<string, Promise<unknown>>();

  /** `onIdle` is told each time the last task queued has finished. */
  constructor(private readonly onIdle: () => void = () => undefined) {}

  run<T>(task: () => Promise<T>): Promise<T> {
    this.pending++;
    const result = this.tail.then(task);
    const finished = () => {
      if (--this.pending === 0) this.onIdle();
    };
    this.tail = result.then(finished, finished);
    return result;
  }

  runOnce<T>(key: string, task: () => Promise<T>): Promise<T> {
    const queued = this.waiting.get(key);
    if (queued) return queued as Promise<T>;
    const result = this.run(() => {
      this.waiting.delete(key);
      return task();
    });
    this.waiting.set(key, result);
    return result;
  }

  /** Resolves once nothing is queued or running, including tasks queued while it waits. */
  async idle(): Promise<void> {
    while (this.pending > 0) await this.tail;
  }
}

/**
 * One serial queue per key (a briefing, a file): tasks for the same key run one at a time in the
 * order asked, tasks for different keys run side by side. A key's queue is dropped once it is
 * idle, so a long session over 10,000 briefings keeps only the keys with work under way.
 */
export class KeyedSerialQueue {
  private readonly queues = new Map<string, SerialQueue>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    let queue = this.queues.get(key);
    if (!queue) {
      const created = new SerialQueue(() => {
        if (this.queues.get(key) === created) this.queues.delete(key);
      });
      this.queues.set(key, (queue = created));
    }
    return queue.run(task);
  }

  /** How many keys have work queued or running. */
  get busyKeys(): number {
    return this.queues.size;
  }
}
