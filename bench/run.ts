/**
 * `npm run bench [-- NAME…]`: runs the named benchmarks (all by default) and prints each one's
 * figures as one JSON line; the last line of the output is the last benchmark's object.
 */
import { benchAnchoring } from './anchoring';
import { benchAnnotationStore } from './annotation-store';
import { benchExport } from './export';
import { benchImport } from './import';
import { benchLibrary } from './library';
import { benchPdf } from './pdf';
import { benchRelevance } from './relevance';
import { benchSearch } from './search';

/** Each benchmark's figures: numbers, and where one cannot be taken, null with a reason (a string) beside it. */
const BENCHES: Record<string, () => Promise<Record<string, unknown>>> = {
  library: benchLibrary,
  search: benchSearch,
  annotations: async () => ({ ...(await benchAnchoring()), ...(await benchAnnotationStore()) }),
  export: benchExport,
  import: benchImport,
  pdf: benchPdf,
  relevance: benchRelevance,
};

const names = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const unknown = names.filter((name) => !(name in BENCHES));
if (unknown.length > 0) {
  console.error(`Unknown benchmark ${unknown.join(', ')}. Available: ${Object.keys(BENCHES).join(', ')}.`);
  process.exit(2);
}
for (const name of names.length > 0 ? names : Object.keys(BENCHES)) {
  console.error(`[bench] ${name}…`);
  console.log(JSON.stringify({ bench: name, ...(await BENCHES[name]()) }));
}
