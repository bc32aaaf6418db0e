import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { useTempDirs } from '../test-support/temp-dir';
import { WorkerClient, WorkerLost, WorkerMissing, type WorkerReply } from './worker-client';

const tempDir = useTempDirs();
const clients: WorkerClient<WorkerReply>[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
});

/** A worker that echoes each word back, never answers "hold", and dies on "poison" as one killed by a hostile file would. */
async function echoWorker(): Promise<string> {
  const script = join(await tempDir(), 'echo.cjs');
  await writeFile(
    script,
    `const { parentPort } = require('node:worker_threads');
     parentPort.on('message', ({ id, word }) => {
       if (word === 'poison') process.exit(3);
       else if (word !== 'hold') parentPort.postMessage({ id, ok: true, value: word.toUpperCase() });
     });`,
  );
  return script;
}

function client(script: string, concurrency?: number): WorkerClient<WorkerReply> {
  const made = new WorkerClient<WorkerReply>({ script, name: 'the echo worker', concurrency, replyOf: (message) => message });
  clients.push(made);
  return made;
}

const ask = (echo: WorkerClient<WorkerReply>, word: string) => echo.request((id) => ({ id, word })).reply;

describe('WorkerClient', () => {
  it('fails only the requests the dying worker had been given; the waiting ones are answered by a fresh worker', async () => {
    const echo = client(await echoWorker(), 2);
    const results = await Promise.allSettled(['hold', 'poison', 'two', 'three'].map((word) => ask(echo, word)));
    expect(results.map((result) => (result.status === 'fulfilled' ? result.value : (result.reason as Error).message))).toEqual([
      'the echo worker stopped (exit code 3)',
      'the echo worker stopped (exit code 3)',
      'TWO',
      'THREE',
    ]);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(WorkerLost);
  });

  it('says the script is missing instead of failing as a crash', async () => {
    const missing = client(join(await tempDir(), 'not-built.cjs'));
    expect(missing.available).toBe(false);
    await expect(ask(missing, 'one')).rejects.toBeInstanceOf(WorkerMissing);
    await expect(ask(missing, 'one')).rejects.toThrow(/the echo worker is missing from this installation/);
  });

  it('stops a stuck worker on request, failing what it had, and answers the next request from a new one', async () => {
    const echo = client(await echoWorker());
    const stuck = echo.request((id) => ({ id, word: 'hold' }));
    echo.fail(stuck.id, new Error('took too long'), true);
    await expect(stuck.reply).rejects.toThrow('took too long');
    await expect(ask(echo, 'next')).resolves.toBe('NEXT');
  });
});
