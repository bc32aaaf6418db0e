import { mkdir, rename, rm, writeFile, appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { useTempDirs } from '../test-support/temp-dir';
import { LibraryWatcher, type WatchTimings } from './library-watcher';

const tempDir = useTempDirs();
const FAST: WatchTimings = { debounceMs: 50, maxWaitMs: 400, settleMs: 120, returnPollMs: 100 };

async function watching(timings: WatchTimings = FAST) {
  const root = await tempDir();
  const onChange = vi.fn();
  const watcher = new LibraryWatcher(root, onChange, timings);
  await watcher.start();
  return { root, onChange, watcher };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('LibraryWatcher', () => {
  it('reports a briefing added, changed, renamed and removed', async () => {
    const { root, onChange, watcher } = await watching();
    try {
      await writeFile(join(root, 'a.md'), '# A');
      await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(1), { timeout: 3000 });
      await writeFile(join(root, 'a.md'), '# A, edited');
      await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(2), { timeout: 3000 });
      await rename(join(root, 'a.md'), join(root, 'b.md'));
      await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(3), { timeout: 3000 });
      // The renamed file is reported once it has settled too; let that pass before removing it.
      await pause(400);
      const seen = onChange.mock.calls.length;
      await rm(join(root, 'b.md'));
      await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(seen + 1), { timeout: 3000 });
    } finally {
      await watcher.close();
    }
  });

  it('takes a burst of 300 files in a few batches, not 300 rescans', async () => {
    const { root, onChange, watcher } = await watching();
    try {
      await mkdir(join(root, 'burst'));
      await Promise.all(Array.from({ length: 300 }, (_, index) => writeFile(join(root, 'burst', `${index}.md`), `# ${index}`)));
      await vi.waitFor(() => expect(onChange).toHaveBeenCalled(), { timeout: 5000 });
      await pause(800);
      // One batch per maxWait at most: a handful even on a slow disk, never one per file.
      expect(onChange.mock.calls.length).toBeLessThanOrEqual(10);
    } finally {
      await watcher.close();
    }
  });

  it('waits for a file that is still being written', async () => {
    // Settling takes far longer than the gaps between writes, so a busy machine cannot fake a pause.
    const { root, onChange, watcher } = await watching({ ...FAST, settleMs: 600 });
    try {
      const path = join(root, 'growing.md');
      await writeFile(path, '# Start\n');
      for (let part = 0; part < 5; part++) {
        await pause(60);
        await appendFile(path, `Paragraph ${part}.\n`);
      }
      expect(onChange).not.toHaveBeenCalled();
      await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(1), { timeout: 3000 });
    } finally {
      await watcher.close();
    }
  });

  it('ignores the library’s own data and files that are not briefings', async () => {
    const { root, onChange, watcher } = await watching();
    try {
      await mkdir(join(root, '.briefing', 'annotations'), { recursive: true });
      await writeFile(join(root, '.briefing', 'annotations', 'a.md.json'), '{}');
      await writeFile(join(root, 'photo.jpg'), 'not a briefing');
      await pause(600);
      expect(onChange).not.toHaveBeenCalled();
    } finally {
      await watcher.close();
    }
  });

  it('says when the folder goes, and again when it comes back', async () => {
    const { root, onChange, watcher } = await watching();
    try {
      await writeFile(join(root, 'a.md'), '# A');
      await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(1), { timeout: 3000 });
      await rm(root, { recursive: true });
      await vi.waitFor(() => expect(onChange.mock.calls.length).toBeGreaterThanOrEqual(2), { timeout: 3000 });
      await pause(300);
      const whileGone = onChange.mock.calls.length;
      await mkdir(root);
      await vi.waitFor(() => expect(onChange.mock.calls.length).toBeGreaterThan(whileGone), { timeout: 3000 });
      await pause(300);
      const seen = onChange.mock.calls.length;
      await writeFile(join(root, 'after.md'), '# Watched again');
      await vi.waitFor(() => expect(onChange.mock.calls.length).toBeGreaterThan(seen), { timeout: 3000 });
    } finally {
      await watcher.close();
    }
  });

  it('watches a folder deleted and made again faster than it is looked at', async () => {
    const { root, onChange, watcher } = await watching({ ...FAST, returnPollMs: 300 });
    try {
      await rm(root, { recursive: true });
      await mkdir(root);
      await pause(900);
      const seen = onChange.mock.calls.length;
      await writeFile(join(root, 'new.md'), '# In the new folder');
      await vi.waitFor(() => expect(onChange.mock.calls.length).toBeGreaterThan(seen), { timeout: 3000 });
    } finally {
      await watcher.close();
    }
  });

  it('stops looking once closed', async () => {
    const { root, onChange, watcher } = await watching();
    await watcher.close();
    await writeFile(join(root, 'late.md'), '# Too late');
    await rm(root, { recursive: true });
    await pause(500);
    expect(onChange).not.toHaveBeenCalled();
  });
});
