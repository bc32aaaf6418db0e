/**
 * Anchoring figures: `anchorAll` for 500 annotations (quotes of 3 to 40 words) in a text of about
 * 20,000 words made of real General Debate passages, on the unchanged text and after a 200-word
 * paragraph is inserted at the top (every position shifts). Medians of 5 runs, in ms.
 */
import { anchorAll, describeRange } from '../electron/common/anchoring';
import { median, readPassages, round } from './corpus';

const ANNOTATIONS = 500;
const RUNS = 5;
const TARGET_WORDS = 20_000;

export async function benchAnchoring(): Promise<{ anchor_500_ms: number; reanchor_500_ms: number }> {
  const passages = await readPassages(400);
  const chosen: string[] = [];
  let words = 0;
  for (const passage of passages) {
    if (words >= TARGET_WORDS) break;
    chosen.push(passage.text);
    words += passage.text.split(/\s+/).filter(Boolean).length;
  }
  const text = chosen.join('\n\n');

  const targets = spreadQuotes(text, ANNOTATIONS);

  const paragraph = `${passages[passages.length - 1].text.split(/\s+/).slice(0, 200).join(' ')}\n\n`;
  const edited = paragraph + text;

  return { anchor_500_ms: timeAnchorAll(text, targets), reanchor_500_ms: timeAnchorAll(edited, targets) };
}

/** `count` quotes of 3 to 40 words, on whole words, spread evenly through `text`, the same on every run (seeded). */
export function spreadQuotes(text: string, count: number): NonNullable<ReturnType<typeof describeRange>>[] {
  const bounds = [...text.matchAll(/\S+/g)].map((match) => [match.index!, match.index! + match[0].length] as const);
  const targets: NonNullable<ReturnType<typeof describeRange>>[] = [];
  let seed = 1;
  const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  for (let i = 0; i < count; i++) {
    const first = Math.floor((i * (bounds.length - 40)) / count);
    const last = first + 2 + Math.floor(random() * 38);
    const described = describeRange(text, bounds[first][0], bounds[last][1]);
    if (!described) throw new Error('empty annotation');
    targets.push(described);
  }
  return targets;
}

/** The median over RUNS runs of `anchorAll(text, targets)`, in ms; throws if any target is orphaned. */
export function timeAnchorAll(text: string, targets: Parameters<typeof anchorAll>[1]): number {
  const runs: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    const results = anchorAll(text, targets);
    runs.push(performance.now() - start);
    const orphans = results.filter((result) => result.kind === 'orphan').length;
    if (orphans) throw new Error(`${orphans} annotations orphaned`);
  }
  return round(median(runs));
}
