import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BRIEFING_EXTENSIONS } from './limits';
import { parseBriefing, toArticle } from './parse-briefing';
import { PARSER_VERSION } from './parser-version';

/**
 * What the parser makes of every file in the test corpus, the sample library and the import
 * fixtures, against a golden file made by the same PARSER_VERSION. Caches of listings and search
 * indexes are trusted as long as PARSER_VERSION is unchanged, so output that changes under the
 * same version would leave every upgrader with stale titles, dates and languages: this test
 * refuses that.
 */
const REPO = fileURLToPath(new URL('../../../', import.meta.url));
/** Folders opened as libraries, so each file's id is its path inside one; the import fixtures are pages written to break parsing. */
const LIBRARIES = ['test-corpus', 'content', 'electron/services/saved-page/fixtures'];
const GOLDEN = fileURLToPath(new URL('./parser-golden.json', import.meta.url));
const REGENERATE = 'UPDATE_GOLDEN=1 npx vitest run electron/services/library/parser-golden.test.ts';

interface FileSummary {
  /** sha256 of the file's bytes: a file edited in the corpus changes its summary without any parser change. */
  input: string;
  title: string;
  date: string | null;
  source: string | null;
  language: string;
  wordCount: number;
  fingerprint: string;
  problem: string | null;
  /** sha256 of the article's sanitized HTML, as the reader shows it; for a PDF, of its extracted text and page starts. */
  html: string | null;
  /** PDFs: how many pages. */
  pageCount?: number;
  /** Translations: front matter pair_id. */
  pairId?: string;
  /** Only when the text contradicts the declared language. */
  detectedLanguage?: string;
}

interface Golden {
  parserVersion: number;
  files: Record<string, FileSummary>;
}

function briefingsUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((path) => Object.hasOwn(BRIEFING_EXTENSIONS, extname(path).toLowerCase()))
    .map((path) => path.split('\\').join('/'))
    .sort();
}

/** Parsed as the app parses a file of a library opened at `library`: the id is the path inside it. */
async function summarise(library: string, id: string): Promise<FileSummary> {
  const format = BRIEFING_EXTENSIONS[extname(id).toLowerCase() as keyof typeof BRIEFING_EXTENSIONS];
  const bytes = readFileSync(join(REPO, library, id));
  const { summary, document } = await parseBriefing(id, format, bytes);
  const article = document && toArticle(summary, document);
  const html = article ? sha256(article.pdf ? JSON.stringify([article.pdf.text, article.pdf.pageStarts]) : article.html) : null;
  const { title, date, source, language, wordCount, fingerprint, pageCount, pairId, detectedLanguage } = summary;
  const optional = { ...(pageCount === undefined ? {} : { pageCount }), ...(pairId ? { pairId } : {}), ...(detectedLanguage ? { detectedLanguage } : {}) };
  return { input: sha256(bytes), title, date, source, language, wordCount, fingerprint, problem: summary.problem?.code ?? null, html, ...optional };
}

function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

async function currentSummaries(): Promise<Record<string, FileSummary>> {
  const files: Record<string, FileSummary> = {};
  for (const library of LIBRARIES) {
    for (const id of briefingsUnder(join(REPO, library))) files[`${library}/${id}`] = await summarise(library, id);
  }
  return files;
}

/**
 * Files whose summary differs, each with what changed: `parser` those read from the same bytes
 * (the parser's doing), `corpus` those added, removed or edited since the golden file was made.
 */
function differences(golden: Record<string, FileSummary>, current: Record<string, FileSummary>): { parser: string[]; corpus: string[] } {
  const parser: string[] = [];
  const corpus: string[] = [];
  for (const name of [...new Set([...Object.keys(golden), ...Object.keys(current)])].sort()) {
    const before = golden[name];
    const after = current[name];
    if (!before || !after || before.input !== after.input) {
      corpus.push(`${name}: ${!before ? 'new file' : !after ? 'no longer in the corpus' : 'file edited'}`);
      continue;
    }
    const fields = (Object.keys(after) as (keyof FileSummary)[]).filter((field) => before[field] !== after[field]);
    if (fields.length)
      parser.push(`${name}: ${fields.map((field) => `${field} ${JSON.stringify(before[field])} → ${JSON.stringify(after[field])}`).join(', ')}`);
  }
  return { parser, corpus };
}

function readGolden(): Golden | null {
  try {
    return JSON.parse(readFileSync(GOLDEN, 'utf8')) as Golden;
  } catch {
    return null;
  }
}

describe('parser output against the golden file', () => {
  it(`changes only with PARSER_VERSION (regenerate with \`${REGENERATE}\`)`, async () => {
    const golden = readGolden();
    const current = await currentSummaries();
    const { parser, corpus } = golden ? differences(golden.files, current) : { parser: [], corpus: ['no golden file yet'] };
    const parserChangedUnderSameVersion = golden?.parserVersion === PARSER_VERSION && parser.length > 0;
    const report = (lead: string, lines: string[]) =>
      [lead, ...lines.slice(0, 20), ...(lines.length > 20 ? [`… and ${lines.length - 20} more`] : [])].join('\n');

    if (process.env.UPDATE_GOLDEN === '1') {
      if (parserChangedUnderSameVersion)
        throw new Error(
          report(
            `parser output changed: bump PARSER_VERSION (electron/services/library/parser-version.ts, now ${PARSER_VERSION}) before regenerating the golden file`,
            parser,
          ),
        );
      writeFileSync(GOLDEN, `${JSON.stringify({ parserVersion: PARSER_VERSION, files: current } satisfies Golden, null, 2)}\n`);
      return;
    }
    if (!golden) throw new Error(`no golden file at ${relative(REPO, GOLDEN)}: make it with \`${REGENERATE}\``);
    if (parserChangedUnderSameVersion)
      throw new Error(report(`parser output changed: bump PARSER_VERSION and regenerate the golden file with \`${REGENERATE}\``, parser));
    expect(golden.parserVersion, `PARSER_VERSION changed: regenerate the golden file with \`${REGENERATE}\``).toBe(PARSER_VERSION);
    expect(corpus, `the corpus changed: regenerate the golden file with \`${REGENERATE}\``).toEqual([]);
    expect(parser).toEqual([]);
  }, 120_000);
});
