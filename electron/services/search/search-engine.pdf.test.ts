import { existsSync } from 'node:fs';
import { copyFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SearchHit } from '../../common/search-model';
import { LibraryService } from '../library/library-service';
import { useTempDirs } from '../test-support/temp-dir';
import { SearchEngine } from './search-engine';

/**
 * Search over a library of real PDFs (shared/corpus/pdf, README.md there): their extracted text is
 * indexed like any briefing, a hit says the page it is on, and the PDFs with no text search could
 * trust (scans, a garbled text layer) are left out and counted in words.
 */
const CORPUS = fileURLToPath(new URL('../../../../shared/corpus/pdf/', import.meta.url));
const available = existsSync(CORPUS);
if (!available) console.log(`PDF search tests: skipped, the corpus folder ${CORPUS} is missing`);

const CODE = '2001-04-05_verkhovna-rada_criminal-code-of-ukraine-uk.pdf';
const READOUT = '2022-03-11_white-house_readout-sullivan-truss-meeting.pdf';
const SCANS = ['1963-11-26_cia_cable-jmwave-scan.pdf', '1963-12-03_fbi_legat-cable-scan.pdf'];
const GARBLED = '1996-06-13_russian-federation_criminal-code-excerpt-garbled-ru.pdf';
/** An AES-256 locked PDF (test-corpus/pdf-hostile/README.md). */
const LOCKED = fileURLToPath(new URL('../../../test-corpus/pdf-hostile/password-briefing.pdf', import.meta.url));

const tempDir = useTempDirs();

describe.skipIf(!available)('search of a PDF library', () => {
  let engine: SearchEngine;
  const search = (text: string) => engine.search({ text, filters: {}, limit: 20 });
  const hitIn = (text: string, id: string): SearchHit | undefined => search(text).results.find((hit) => hit.id === id);

  beforeAll(async () => {
    const root = await tempDir();
    for (const name of [CODE, READOUT, ...SCANS, GARBLED]) await copyFile(join(CORPUS, name), join(root, name));
    await copyFile(LOCKED, join(root, 'locked.pdf'));
    await writeFile(join(root, 'note.md'), '---\ntitle: Desk note\nlanguage: uk\n---\n\nЩире каяття згадано в кодексі.\n');
    const { briefings } = await new LibraryService(await tempDir()).open(root);
    engine = await SearchEngine.open(root, await tempDir());
    await engine.update(briefings);
    await engine.idle();
  }, 120_000);

  it('finds a phrase of the 281-page code on its page (37, as pdftotext -f 37 -l 37 shows it), with the phrase in the snippet', () => {
    const hit = hitIn('"щире каяття"', CODE);
    expect(hit?.page).toBe(37);
    expect(hit?.snippet.filter((part) => part.hit).map((part) => part.text.toLowerCase())).toEqual(expect.arrayContaining(['щире', 'каяття']));
    // Words, not a phrase: the window holding all of them is on page 37 too.
    expect(hitIn('збігу тяжких особистих ', CODE)?.page).toBe(37);
  });

  it('gives a page only to hits in PDFs', () => {
    expect(hitIn('"щире каяття"', 'note.md')).toMatchObject({ id: 'note.md' });
    expect(hitIn('"щире каяття"', 'note.md')?.page).toBeUndefined();
    expect(hitIn('Truss ', READOUT)?.page).toBe(1);
  });

  it('leaves the scans, the garbled PDF and the locked one out of the index and says so with every answer', () => {
    const response = search('Truss ');
    expect(response.notices).toEqual(['3 scanned or unreadable PDFs cannot be searched.', '1 password-protected PDF cannot be searched.']);
    expect(search('nothing-like-this ').notices).toEqual(response.notices);
    expect(response.coverage.total).toBe(3);
    // The garbled layer's debris ("Российской" read through the wrong font map) is not indexed as words.
    expect(search('Jhkkbckdhc ').results).toEqual([]);
  });
});
