/**
 * The documents of the relevance benchmark: the shared corpus's briefings (all four folders), the
 * saved Kremlin pages and the PDFs, copied into a temporary library and listed and parsed by the
 * app's own LibraryService, with the plain text the app indexes (loadSearchDoc). The query
 * generator and the benchmark both read the corpus this way, so a query is drawn from the very
 * text every engine is given.
 */
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BriefingSummary, Language } from '../electron/common/model';
import { LibraryService } from '../electron/services/library/library-service';
import { loadSearchDoc } from '../electron/services/search/search-document';

export const CORPUS = process.env.BRIEFING_RELEVANCE_CORPUS ?? fileURLToPath(new URL('../../shared/corpus/', import.meta.url));
/** Corpus folders in the library, kept at the same relative paths, so an id is e.g. `briefings/usgov/….md`. */
const FOLDERS = ['briefings/usgov', 'briefings/zelensky-en', 'briefings/zelensky-uk', 'briefings/un-debate', 'web/kremlin', 'pdf'];

export interface RelevanceDoc {
  id: string;
  title: string;
  text: string;
  language: Language;
}

export interface RelevanceLibrary {
  root: string;
  briefings: BriefingSummary[];
  /** Briefings the app reads text from, in listing order (scans and unreadable files have none and are left out). */
  docs: RelevanceDoc[];
}

/** Copies the corpus into `dir` (a fresh temp folder by default) and reads it as the app does. */
export async function openRelevanceLibrary(dir?: string): Promise<RelevanceLibrary> {
  const base = dir ?? (await mkdtemp(join(tmpdir(), 'briefing-relevance-')));
  const root = join(base, 'library');
  for (const folder of FOLDERS) await cp(join(CORPUS, folder), join(root, folder), { recursive: true, filter: (path) => !path.endsWith('README.md') });
  const { briefings } = await new LibraryService(join(base, 'library-cache')).open(root);
  const docs: RelevanceDoc[] = [];
  for (const summary of briefings) {
    if (summary.problem) continue;
    const doc = await loadSearchDoc(root, summary);
    if (doc && doc.text.trim()) docs.push({ id: doc.id, title: doc.title, text: doc.text, language: doc.language });
  }
  return { root, briefings, docs };
}
