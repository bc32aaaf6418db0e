import { execFileSync } from 'node:child_process';
import { closeSync, constants, openSync } from 'node:fs';

/** Makes a named pipe (FIFO) at `path` with the system's mkfifo. */
export function makeFifo(path: string): void {
  execFileSync('mkfifo', [path]);
}

/**
 * Runs `work` on a folder holding the FIFO at `path`, with a safety valve: whatever opened the
 * pipe to read (and so waits for a writer for ever) is given a writer and an end of file every
 * half second. A regression that reads FIFOs then ends, and its test fails on what it got,
 * instead of hanging the run.
 */
export async function withFifoValve<T>(path: string, work: () => Promise<T>): Promise<T> {
  const valve = setInterval(() => {
    try {
      // Opening the write end without blocking succeeds only while a reader waits on the pipe.
      closeSync(openSync(path, constants.O_WRONLY | constants.O_NONBLOCK));
    } catch {
      // Nobody is reading it: as it should be.
    }
  }, 500);
  try {
    return await work();
  } finally {
    clearInterval(valve);
  }
}
