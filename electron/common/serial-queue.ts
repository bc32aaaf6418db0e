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

  run<T>(task: () => Promise<T>): Promise<T> {
    this.pending++;
    const result = this.tail.then(task);
    this.tail = result.then(
      () => this.pending--,
      () => this.pending--,
    );
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
