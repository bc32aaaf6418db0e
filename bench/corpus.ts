import { createReadStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** The benchmark corpus: UN General Debate passages, one JSON object a line (see shared/corpus/README.md). */
export const BENCH_CORPUS =
  process.env.BRIEFING_BENCH_CORPUS ?? fileURLToPath(new URL('../../shared/corpus/bench/ungdc_passages_2010-2024.jsonl', import.meta.url));

export interface Passage {
  id: string;
  title: string;
  country_iso: string;
  year: number;
  speaker: string;
  text: string;
}

export async function readPassages(limit = Infinity): Promise<Passage[]> {
  const passages: Passage[] = [];
  const lines = createInterface({ input: createReadStream(BENCH_CORPUS), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    passages.push(JSON.parse(line) as Passage);
    if (passages.length >= limit) break;
  }
  lines.close();
  return passages;
}

/** Writes passages as Markdown briefings with front matter, 100 to a folder, as a real library would hold them. */
export async function writeLibrary(root: string, passages: Passage[]): Promise<void> {
  for (let i = 0; i < passages.length; i += 100) {
    const folder = join(root, `${passages[i].year}`, `batch-${String(i / 100).padStart(3, '0')}`);
    await mkdir(folder, { recursive: true });
    await Promise.all(
      passages
        .slice(i, i + 100)
        .map((passage) =>
          writeFile(
            join(folder, `${passage.id.replace(/[^A-Za-z0-9_-]/g, '_')}.md`),
            `---\ntitle: ${JSON.stringify(passage.title)}\ndate: "${passage.year}"\nsource: "UN General Debate (${passage.country_iso})"\nspeaker: ${JSON.stringify(passage.speaker)}\nlanguage: en\nlicense: CC0\n---\n\n${passage.text}\n`,
          ),
        ),
    );
  }
}

/** The median of a list of timings. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Nearest-rank percentile. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
}

export const round = (value: number) => Math.round(value * 10) / 10;
