import { existsSync } from 'node:fs';
import { mkdir, realpath, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeFifo, withFifoValve } from '../test-support/fifo';
import { useTempDirs } from '../test-support/temp-dir';
import { readFileWithin, RefusedFileError } from './safe-read';

const tempDir = useTempDirs();

/** A library folder (as a real path) with one briefing, and a folder outside it holding a secret. */
async function setup() {
  const root = await realpath(await tempDir());
  const outside = await realpath(await tempDir());
  await writeFile(join(root, 'a.md'), '# Inside');
  await writeFile(join(outside, 'secret.txt'), 'root:x:0:0:the secret');
  return { root, outside };
}

const refusal = (reason: RefusedFileError['reason']) => expect.objectContaining({ reason });

describe('readFileWithin', () => {
  it('reads a file in the folder, directly and through a link that stays inside', async () => {
    const { root } = await setup();
    await mkdir(join(root, 'sub'));
    await symlink('../a.md', join(root, 'sub', 'link.md'));
    expect(Buffer.from(await readFileWithin(root, join(root, 'a.md'), 100)).toString()).toBe('# Inside');
    expect(Buffer.from(await readFileWithin(root, join(root, 'sub', 'link.md'), 100)).toString()).toBe('# Inside');
  });

  it('refuses a link whose real path is outside the folder, and a path through a linked folder', async () => {
    const { root, outside } = await setup();
    await symlink(join(outside, 'secret.txt'), join(root, 'outside-link.txt'));
    await symlink(outside, join(root, 'elsewhere'));
    await expect(readFileWithin(root, join(root, 'outside-link.txt'), 1000)).rejects.toEqual(refusal('outside'));
    await expect(readFileWithin(root, join(root, 'elsewhere', 'secret.txt'), 1000)).rejects.toThrow(
      `It is a link to ${join(outside, 'secret.txt')}, outside the library`,
    );
  });

  it('refuses a FIFO without waiting for a writer', async () => {
    const { root } = await setup();
    const fifo = join(root, 'x.md');
    makeFifo(fifo);
    await expect(withFifoValve(fifo, () => readFileWithin(root, fifo, 1000))).rejects.toEqual(refusal('special'));
  });

  it('refuses a device even inside the folder, and a link to one', async () => {
    const { root } = await setup();
    await expect(readFileWithin('/dev', '/dev/zero', 1000)).rejects.toThrow('It is a device, not a regular file');
    await symlink('/dev/zero', join(root, 'zero.txt'));
    await expect(readFileWithin(root, join(root, 'zero.txt'), 1000)).rejects.toEqual(refusal('outside'));
  });

  it('stops at the cap even when the file holds more than its size says', async (context) => {
    if (!existsSync('/proc/self/maps')) return context.skip('no /proc here: its files are the ones whose size reads 0');
    // /proc files report a size of 0 and hold kilobytes.
    const proc = await realpath('/proc/self');
    await expect(readFileWithin(proc, join(proc, 'maps'), 100)).rejects.toEqual(new RefusedFileError('too-large', 'It is too large to open.', null));
    expect((await readFileWithin(proc, join(proc, 'maps'), 10 * 1024 * 1024)).length).toBeGreaterThan(100);
  });

  it('refuses a file over the cap by its size without reading it', async () => {
    const { root } = await setup();
    await writeFile(join(root, 'big.txt'), Buffer.alloc(2000, 0x61));
    await expect(readFileWithin(root, join(root, 'big.txt'), 1000)).rejects.toEqual(expect.objectContaining({ reason: 'too-large', size: 2000 }));
  });
});
