import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { appendFile, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { useTempDirs } from '../test-support/temp-dir';
import { LibraryWatcher, type LibraryChange, type WatchTimings } from './library-watcher';

const tempDir = useTempDirs();
const FAST: WatchTimings = { debounceMs: 50, maxWaitMs: 400, settleMs: 120, returnPollMs: 100 };

/** What the folder held when a batch was reported: so a test waits for the report of a state, never for time. */
interface Report extends LibraryChange {
  exists: boolean;
  files: Record<string, string>;
}

function folderState(root: string): Pick<Report, 'exists' | 'files'> {
  if (!existsSync(root)) return { exists: false, files: {} };
  const files: Record<string, string> = {};
  for (const entry of readdirSync(root, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[path.slice(root.length + 1)] = readFileSync(path, 'utf8');
  }
  return { exists: true, files };
}

async function watching(timings: WatchTimings = FAST, root?: string) {
  root ??= await tempDir();
  const reports: Report[] = [];
  const onChange = vi.fn((change: LibraryChange) => reports.push({ ...change, ...folderState(root) }));
  const watcher = new LibraryWatcher(root, onChange, timings);
  await watcher.start();
  const last = () => reports.at(-1);
  /** Resolves once a batch was reported with the folder holding exactly `files`. */
  const reportedWith = (files: Record<string, string>) => vi.waitFor(() => expect(last()?.files).toEqual(files), { timeout: 5000 });
  return { root, onChange, reports, last, reportedWith, watcher };
}

describe('LibraryWatcher', () => {
  it('reports a briefing added, changed, renamed and removed', async () => {
    const { root, reportedWith, watcher } = await watching();
    try {
      await writeFile(join(root, 'a.md'), '# A');
      await reportedWith({ 'a.md': '# A' });
      await writeFile(join(root, 'a.md'), '# A, edited');
      await reportedWith({ 'a.md': '# A, edited' });
      await rename(join(root, 'a.md'), join(root, 'b.md'));
      await reportedWith({ 'b.md': '# A, edited' });
      await rm(join(root, 'b.md'));
      await reportedWith({});
    } finally {
      await watcher.close();
    }
  });

  it('takes a burst of 300 files in a few batches, not 300 rescans', async () => {
    const { root, onChange, last, watcher } = await watching();
    try {
      await mkdir(join(root, 'burst'));
      await Promise.all(Array.from({ length: 300 }, (_, index) => writeFile(join(root, 'burst', `${index}.md`), `# ${index}`)));
      await vi.waitFor(() => expect(Object.keys(last()?.files ?? {})).toHaveLength(300), { timeout: 10_000 });
      // One batch per maxWait at most: a handful even on a slow disk, never one per file.
      expect(onChange.mock.calls.length).toBeLessThanOrEqual(10);
    } finally {
      await watcher.close();
    }
  });

  it('waits for a file that is still being written', async () => {
    // Settling takes far longer than the gaps between writes, so a busy machine cannot fake a pause.
    const { root, reports, watcher } = await watching({ ...FAST, settleMs: 600 });
    try {
      const path = join(root, 'growing.md');
      await writeFile(path, '# Start\n');
      for (let part = 0; part < 5; part++) {
        // The writer pausing between parts is what is tested, not a wait for the watcher.
        await new Promise((resolve) => setTimeout(resolve, 60));
        await appendFile(path, `Paragraph ${part}.\n`);
      }
      await vi.waitFor(() => expect(reports).toHaveLength(1), { timeout: 3000 });
      expect(reports[0].files['growing.md']).toContain('Paragraph 4.');
    } finally {
      await watcher.close();
    }
  });

  it('reports changed sidecars apart from briefings, and never its own temp files, locks or files moved aside', async () => {
    const { root, reports, watcher } = await watching();
    const annotations = join(root, '.briefing', 'annotations');
    try {
      await mkdir(join(annotations, 'reports'), { recursive: true });
      await writeFile(join(annotations, '.a.md.json.lock'), 'pid');
      await writeFile(join(annotations, '.a.md.json.1f2e.tmp'), '{');
      await writeFile(join(annotations, 'a.md.corrupt-20250101T000000000Z.json'), 'garbage');
      await writeFile(join(root, '.briefing', 'settings.json'), '{}');
      await writeFile(join(root, 'photo.jpg'), 'not a briefing');
      await writeFile(join(annotations, 'a.md.json'), '{}');
      await writeFile(join(annotations, 'reports', 'b.md.sync-conflict-20250101-120000-ABCDEFG.json'), '{}');
      const sidecars = [join(annotations, 'a.md.json'), join(annotations, 'reports', 'b.md.sync-conflict-20250101-120000-ABCDEFG.json')];
      await vi.waitFor(() => expect(new Set(reports.flatMap((report) => report.sidecars))).toEqual(new Set(sidecars)), { timeout: 5000 });
      expect(reports.filter((report) => report.briefings)).toEqual([]);
    } finally {
      await watcher.close();
    }
  });

  it('says when the folder goes, and again when it comes back', async () => {
    const { root, last, reportedWith, watcher } = await watching();
    try {
      await writeFile(join(root, 'a.md'), '# A');
      await reportedWith({ 'a.md': '# A' });
      await rm(root, { recursive: true });
      await vi.waitFor(() => expect(last()).toMatchObject({ exists: false, briefings: true }), { timeout: 5000 });
      await mkdir(root);
      await vi.waitFor(() => expect(last()).toMatchObject({ exists: true, briefings: true }), { timeout: 5000 });
      await writeFile(join(root, 'after.md'), '# Watched again');
      await reportedWith({ 'after.md': '# Watched again' });
    } finally {
      await watcher.close();
    }
  });

  it('watches a folder deleted and made again faster than it is looked at', async () => {
    const { root, last, reportedWith, watcher } = await watching({ ...FAST, returnPollMs: 300 });
    try {
      await rm(root, { recursive: true });
      await mkdir(root);
      // Reported once the new folder is watched.
      await vi.waitFor(() => expect(last()).toMatchObject({ exists: true, briefings: true }), { timeout: 5000 });
      await writeFile(join(root, 'new.md'), '# In the new folder');
      await reportedWith({ 'new.md': '# In the new folder' });
    } finally {
      await watcher.close();
    }
  });

  it('stops looking once closed', async () => {
    const { root, onChange, watcher } = await watching();
    await watcher.close();
    // A second watcher on the same folder tells when the changes have been seen.
    const witness = await watching(FAST, root);
    try {
      await writeFile(join(root, 'late.md'), '# Too late');
      await witness.reportedWith({ 'late.md': '# Too late' });
      await rm(root, { recursive: true });
      await vi.waitFor(() => expect(witness.last()).toMatchObject({ exists: false }), { timeout: 5000 });
      expect(onChange).not.toHaveBeenCalled();
    } finally {
      await witness.watcher.close();
    }
  });
});
