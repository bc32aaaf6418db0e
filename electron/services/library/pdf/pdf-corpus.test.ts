import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article, BriefingSummary, Language } from '../../../common/model';
import { pageAt } from '../../../common/pdf-text';
import { parseBriefing, toArticle } from '../parse-briefing';
import { configurePdfCache } from './extraction-cache';

/**
 * Every PDF of the shared corpus (shared/corpus/pdf/README.md describes each) through the real
 * parse path: real pdf.js on the real files, checked against the README's own table.
 */
const CORPUS = fileURLToPath(new URL('../../../../../shared/corpus/pdf/', import.meta.url));
const corpusAvailable = existsSync(join(CORPUS, 'README.md'));
if (!corpusAvailable) console.log(`PDF corpus: skipped, the folder ${CORPUS} is missing`);

interface Row {
  file: string;
  lang: string;
  pages: number;
  textLayer: string;
}

/** The README's table: | file | title | issuer | date | lang | pages | text layer | … */
function readmeRows(): Row[] {
  return readFileSync(join(CORPUS, 'README.md'), 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('| `') && line.includes('.pdf`'))
    .map((line) => line.split('|').map((cell) => cell.trim()))
    .map((cells) => ({ file: cells[1].replace(/`/g, ''), lang: cells[5], pages: Number(cells[6]), textLayer: cells[7] }));
}

/** The language the listing gives: the model knows en, uk and ru; German, like any Latin-script text, is read as English. */
function expectedLanguage(row: Row): Language {
  if (row.textLayer === 'no' || row.textLayer.includes('garbled')) return 'und';
  return row.lang === 'uk' || row.lang === 'ru' ? row.lang : 'en';
}

const listed = new Map<string, { summary: BriefingSummary; article: Article | null }>();
let cache: string;

beforeAll(async () => {
  if (!corpusAvailable) return;
  cache = await mkdtemp(join(tmpdir(), 'briefing-pdf-cache-'));
  configurePdfCache(cache);
  for (const file of readdirSync(CORPUS).filter((name) => name.endsWith('.pdf'))) {
    const { summary, document } = await parseBriefing(file, 'pdf', readFileSync(join(CORPUS, file)));
    listed.set(file, { summary, article: document && toArticle(summary, document) });
  }
}, 300_000);

afterAll(async () => {
  configurePdfCache(null);
  if (cache) await rm(cache, { recursive: true, force: true });
});

describe.skipIf(!corpusAvailable)('the PDF corpus', () => {
  it('lists every file with the language, page count and text layer the README gives', () => {
    const rows = readmeRows();
    expect(rows).toHaveLength(31);
    for (const row of rows) {
      const { summary } = listed.get(row.file)!;
      const noText = row.textLayer === 'no' || row.textLayer.includes('garbled');
      expect(
        { language: summary.language, pageCount: summary.pageCount, problem: summary.problem?.code ?? null, searchable: summary.wordCount > 0 },
        row.file,
      ).toEqual({ language: expectedLanguage(row), pageCount: row.pages, problem: noText ? 'no-text' : null, searchable: !noText });
    }
  });

  it('says why a scan and a PDF with gibberish text cannot be searched, each in its own words', () => {
    expect(listed.get('1963-11-26_cia_cable-jmwave-scan.pdf')!.summary.problem).toEqual({
      code: 'no-text',
      severity: 'warning',
      message: 'This PDF is a scan with no text layer: it is shown, but it cannot be searched or highlighted.',
    });
    const garbled = listed.get('1996-06-13_russian-federation_criminal-code-excerpt-garbled-ru.pdf')!;
    expect(garbled.summary.problem?.message).toMatch(/^The text in this PDF cannot be read: its fonts do not say which letters they draw/);
    // Nothing of the gibberish reaches search or the reader's text.
    expect(garbled.article?.pdf?.text).toBeNull();
  });

  it('titles PDFs by their metadata, else their first large heading, else their file name', () => {
    const titles = Object.fromEntries([...listed].map(([file, { summary }]) => [file, summary.title]));
    expect(titles).toMatchObject({
      // Info Title
      '2001-04-05_verkhovna-rada_criminal-code-of-ukraine-uk.pdf': 'Кримінальний кодекс України | від 05.04.2001 № 2341-III',
      '2026-04-22_crs_IF12672-russias-nuclear-weapons.pdf': 'Russia’s Nuclear Weapons',
      '2024_irs_form-1040-fillable.pdf': '2024 Form 1040',
      '2022-02-24_dfat-australia_snapshot-russia-ukraine-sanctions-regime.pdf': 'Snapshot: Russia/Ukraine sanctions regimes',
      // The heading on page 1: browser prints have no title, the Swiss ordinance's is its number, the Russian excerpt's a file name.
      '2022-02-21_kremlin_address-by-the-president-of-russia-en.pdf': 'Address by the President of the Russian Federation',
      '2022-03-11_white-house_readout-sullivan-truss-meeting.pdf':
        'Readout of National Security Advisor Jake Sullivan Meeting with U.K. Foreign Secretary Elizabeth Truss',
      '2022-02-24_treasury_press-release-belarus-support-for-russian-invasion.pdf': 'U.S. Treasury Targets Belarusian Support for Russian Invasion of Ukraine',
      '2022-03-16_swiss-federal-council_ordinance-ukraine-measures-de.pdf': 'Verordnung über Massnahmen im Zusammenhang mit der Situation in der Ukraine',
      '2022-03-17_australia_autonomous-sanctions-amendment-no7-F2022L00334.pdf':
        'Autonomous Sanctions (Designated Persons and Entities and Declared Persons—Russia and Ukraine) Amendment (No. 7) Instrument 2022',
      '2026-04-22_crs_RS22331-foreign-holdings-of-federal-debt.pdf': 'Foreign Holdings of Federal Debt',
      '2017-02-27_gsa-18f_login-gov-privacy-tech-talk-slides.pdf': 'Gsa 18f login gov privacy tech talk slides',
      // No usable title, no heading that stands out (one type size throughout, or text that is gibberish): the file name.
      '2022-02-22_treasury-ofac_general-license-3-eo-14024.pdf': 'Treasury ofac general license 3 eo 14024',
      '1996-06-13_russian-federation_criminal-code-excerpt-garbled-ru.pdf': 'Russian federation criminal code excerpt garbled ru',
      '1963-11-26_cia_cable-jmwave-scan.pdf': 'Cia cable jmwave scan',
    });
  });

  it('dates most of the corpus as the README does, browser prints by the date on the page rather than the print date', () => {
    const dates = readmeRows().map((row) => [row.file, listed.get(row.file)!.summary.date] as const);
    const right = dates.filter(([file, date]) => date !== null && file.startsWith(date));
    // Known misses: scans and the gibberish excerpt are dated by when they were scanned or converted (nothing on the page can be
    // read), the OCR'd order names only an older law's date, the fact sheet's local creation date is a day late, the tax form is
    // dated by when it was re-saved.
    const wrong = dates.filter(([file, date]) => !(date !== null && file.startsWith(date))).map(([file]) => file);
    expect(wrong.sort()).toEqual([
      '1963-11-26_cia_cable-jmwave-scan.pdf',
      '1963-12-03_fbi_legat-cable-scan.pdf',
      '1996-06-13_russian-federation_criminal-code-excerpt-garbled-ru.pdf',
      '2018-04-16_mon-ukraine_order-367-enrolment-procedure-scan-ocr-uk.pdf',
      '2020-05-28_fstec-russia_order-75-scan-ru.pdf',
      '2022-02-24_dfat-australia_snapshot-russia-ukraine-sanctions-regime.pdf',
      '2024_irs_form-1040-fillable.pdf',
    ]);
    expect(right.length).toBe(24);
    // Printed by Chrome on 13 March 2022; the address was given on 21 February.
    expect(listed.get('2022-02-21_kremlin_address-by-the-president-of-russia-en.pdf')!.summary.date).toBe('2022-02-21');
  });

  it('extracts the 281-page Ukrainian code with its page boundaries: article 66 is on page 37, as poppler reads it', () => {
    const { summary, article } = listed.get('2001-04-05_verkhovna-rada_criminal-code-of-ukraine-uk.pdf')!;
    const { text, pageStarts } = article!.pdf!;
    expect(pageStarts).toHaveLength(281);
    expect(summary.wordCount).toBeGreaterThan(90_000);
    const at = text!.indexOf('Стаття 66. Обставини');
    expect(at).toBeGreaterThan(0);
    expect(pageAt(pageStarts, at)).toBe(37);
  });

  it('extracts Russian text as Russian', () => {
    const { summary, article } = listed.get('2013-02-11_fstec-russia_order-17-excerpt-ru.pdf')!;
    expect(summary.language).toBe('ru');
    expect(article!.pdf!.text).toContain('ФЕДЕРАЛЬНАЯ СЛУЖБА\nПО ТЕХНИЧЕСКОМУ И ЭКСПОРТНОМУ КОНТРОЛЮ');
  });

  it('gives the reader the file itself and no HTML', () => {
    const { article } = listed.get('2022-03-11_white-house_readout-sullivan-truss-meeting.pdf')!;
    expect(article!.html).toBe('');
    expect(article!.headings).toEqual([]);
    expect(Buffer.from(article!.pdf!.data, 'base64')).toEqual(readFileSync(join(CORPUS, '2022-03-11_white-house_readout-sullivan-truss-meeting.pdf')));
  });

  it('identifies a scan by its bytes (it has no text to hash), so its notes follow it when renamed', () => {
    const scans = [...listed.values()].filter(({ summary }) => summary.problem?.code === 'no-text').map(({ summary }) => summary.fingerprint);
    expect(scans).toHaveLength(5);
    expect(new Set(scans).size).toBe(5);
    for (const fingerprint of scans) expect(fingerprint).toMatch(/^[0-9a-f]{32}$/);
  });
});
