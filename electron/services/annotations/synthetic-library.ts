import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Annotation } from '../../common/annotation-model';
import { buildAnnotation } from '../../common/annotation-model';
import { sidecarPath } from './paths';
import { emptySidecar, serializeSidecar } from './sidecar-file';

/** A plausible annotation for tests and benchmarks, with a deterministic id. */
export function sampleAnnotation(briefingId: string, index: number, modified = '2024-01-01T00:00:00.000Z'): Annotation {
  const hex = index.toString(16).padStart(12, '0');
  return buildAnnotation(
    {
      briefingId,
      fingerprint: `fp-${briefingId}`,
      quote: { type: 'TextQuoteSelector', exact: `quoted passage number ${index}`, prefix: 'text before the quote ', suffix: ' text after the quote' },
      position: { type: 'TextPositionSelector', start: index * 40, end: index * 40 + 24 },
      colour: 'c2',
      comment: `A comment on passage ${index}, with a little Markdown: **why it matters**.`,
      tags: ['ceasefire', 'follow-up'],
    },
    `urn:uuid:00000000-0000-4000-8000-${hex}`,
    modified,
  );
}

/**
 * Writes `files` sidecars of `perFile` annotations each straight to disk (as a library that has
 * been annotated for a long time would hold them), spread over folders of 50 briefings.
 */
export async function writeSyntheticSidecars(libraryRoot: string, files: number, perFile: number): Promise<string[]> {
  const ids: string[] = [];
  for (let file = 0; file < files; file++) ids.push(`region-${Math.floor(file / 50)}/briefing-${file}.md`);
  await Promise.all(
    ids.map(async (briefingId, file) => {
      const path = sidecarPath(libraryRoot, briefingId);
      await mkdir(dirname(path), { recursive: true });
      const items = Array.from({ length: perFile }, (_, index) => sampleAnnotation(briefingId, file * perFile + index));
      await writeFile(path, serializeSidecar({ ...emptySidecar(briefingId, `fp-${briefingId}`), items }));
    }),
  );
  return ids;
}
