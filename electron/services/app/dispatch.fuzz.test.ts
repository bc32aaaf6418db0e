/**
 * Property-based fuzzing of the API boundary: whatever a compromised or buggy renderer sends,
 * `dispatch` answers, with a value or an error a person can read. It never rejects, never throws
 * and never hangs, for every method of the contract. Arguments are JSON-ish values with keys that
 * trip naive validators (`__proto__`, `constructor`, `hasOwnProperty`, `valueOf` …), deep
 * nesting, huge strings and wrong types, on their own and planted inside otherwise valid arguments.
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { METHOD_NAMES, type MethodName } from '../../common/contract';
import { buildAnnotation } from '../../common/annotation-model';
import { DEFAULT_EXPORT_CHOICES } from '../../common/export-model';
import type { ErrorCode } from '../../common/errors';
import { IMPORT_LIMITS } from '../../common/import-model';
import { useServices } from '../test-support/services-harness';

const startServices = useServices();

const BRIEFING = '000_3a44763ac2fa584f.txt';
const RUNS_PER_METHOD = 40;

const PROTOTYPE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  'valueOf',
  'toString',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toJSON',
  'then',
];
/** Field names the contract's schemas know, so planted values land where a validator looks. */
const FIELD_KEYS = [
  'text',
  'limit',
  'filters',
  'theme',
  'colourMeanings',
  'c1',
  'export',
  'options',
  'colours',
  'scope',
  'label',
  'briefingIds',
  'format',
  'paper',
  'id',
  'type',
  'body',
  'target',
  'selector',
  'exact',
  'start',
  'end',
  'source',
  'briefing:colour',
  'name',
  'data',
];

/** Strings just over each limit the contract has, built once and shared (the largest is 45 MB). */
const HUGE_STRINGS = [20_001, 100_001, 1_000_000, IMPORT_LIMITS.base64Chars + 1].map((length) => 'x'.repeat(length));

/** Builds an object the way JSON.parse and structured cloning do: `__proto__` becomes an own key, not the prototype. */
const objectOf = (entries: [string, unknown][]) => Object.fromEntries(entries);

function nested(depth: number, asArray: boolean): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++)
    value = asArray
      ? [value]
      : objectOf([
          ['text', value],
          ['__proto__', value],
        ]);
  return value;
}
const DEEP = [nested(10_000, true), nested(10_000, false)];

const leaf = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 40 }),
  fc.constantFrom(...HUGE_STRINGS),
  fc.constantFrom(...DEEP),
  fc.constantFrom(undefined, Number.NaN, Number.POSITIVE_INFINITY, -0),
);
const key = fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS), fc.constantFrom(...FIELD_KEYS), fc.string({ maxLength: 12 }));
const { value: jsonish } = fc.letrec<{ value: unknown; list: unknown[]; object: Record<string, unknown> }>((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, leaf, tie('list'), tie('object')),
  list: fc.array(tie('value'), { maxLength: 5 }),
  object: fc.array(fc.tuple(key, tie('value')), { maxLength: 6 }).map(objectOf),
}));

const annotation = buildAnnotation(
  {
    briefingId: BRIEFING,
    fingerprint: '',
    quote: { type: 'TextQuoteSelector', exact: 'concrete actions', prefix: '22 ', suffix: ' to' },
    position: { type: 'TextPositionSelector', start: 10, end: 26 },
    colour: 'c2',
    comment: 'Check the count',
    tags: ['follow-up'],
  },
  'urn:uuid:00000000-0000-4000-8000-000000000001',
  '2024-05-01T10:00:00.000Z',
);

/** Arguments each method accepts, as the renderer sends them: the seeds that planted values go into. */
const VALID: { [M in MethodName]: unknown[] } = {
  openCurrentLibrary: [],
  chooseLibrary: [],
  refreshLibrary: [],
  readBriefing: [BRIEFING],
  getPreferences: [],
  getSettingsNotice: [],
  setPreferences: [{ theme: 'dark', colourMeanings: { c1: 'Evidence' }, export: DEFAULT_EXPORT_CHOICES }],
  getReadingPosition: [BRIEFING],
  setReadingPosition: [BRIEFING, 0.5],
  getReadingStates: [],
  setRead: [[BRIEFING], true],
  listRecentLibraries: [],
  openRecentLibrary: ['/nowhere'],
  search: [{ text: 'ceasefire', limit: 20, filters: { languages: ['en'], dateFrom: '2020' } }],
  getSearchStatus: [],
  listAnnotations: [BRIEFING],
  saveAnnotation: [BRIEFING, annotation],
  deleteAnnotation: [BRIEFING, annotation.id],
  listAllAnnotations: [],
  openExternal: ['https://www.state.gov/'],
  exportNotes: [{ scope: { label: 'Everything' }, format: 'markdown', paper: 'A4', options: DEFAULT_EXPORT_CHOICES.options }],
  cancelExport: [],
  showExportedFile: ['/etc/passwd'],
  importFiles: [],
  importDocuments: [[{ name: 'fuzzed.md', data: Buffer.from('# Fuzzed\n\nA briefing.').toString('base64') }]],
};

/** Every object and list inside `value`, the value itself first. */
function containers(value: unknown, found: object[] = []): object[] {
  if (typeof value !== 'object' || value === null || found.length > 50) return found;
  found.push(value);
  for (const inner of Object.values(value)) containers(inner, found);
  return found;
}

/** A deep copy of valid arguments with `planted` set under `name` in the `at`-th object or list inside them. */
function plant(args: unknown[], at: number, name: string, planted: unknown): unknown[] {
  const copy = structuredClone(args);
  const targets = containers(copy);
  const target = targets[at % targets.length] as Record<string, unknown>;
  Object.defineProperty(target, Array.isArray(target) ? String(at % (target.length + 1)) : name, {
    value: planted,
    enumerable: true,
    configurable: true,
    writable: true,
  });
  return copy;
}

const argsFor = (method: MethodName) =>
  fc.oneof(
    fc.array(jsonish, { maxLength: 3 }),
    fc.tuple(fc.nat(), key, jsonish).map(([at, name, planted]) => plant(VALID[method], at, name, planted)),
    fc.constant(VALID[method]),
  );

const CODES: ErrorCode[] = ['invalid-arguments', 'unknown-method', 'not-found', 'unreadable', 'library-unavailable', 'refused', 'unwritable'];

describe('dispatch under fuzzed arguments', () => {
  it.each(METHOD_NAMES.map((method) => [method]))('%s always answers with a value or an error a person can read', async (method) => {
    const { call, logged } = await startServices();
    // With a library open, valid arguments reach the services rather than stopping at "no library".
    expect(await call('openCurrentLibrary')).toMatchObject({ ok: true });
    await fc.assert(
      fc.asyncProperty(argsFor(method), async (args) => {
        const result = await call(method, ...args);
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) {
          expect(CODES).toContain(result.error.code);
          expect(result.error.message).toMatch(/^\S.{3,}/);
          expect(result.error.message.length).toBeLessThan(500);
          expect(result.error.message).not.toMatch(/TypeError|\bat \S+:\d+/);
        }
      }),
      // A call that never answers fails the run instead of stalling the suite.
      { numRuns: RUNS_PER_METHOD, timeout: 60_000, markInterruptAsFailure: true },
    );
    expect(logged).toEqual([]);
  });

  it('answers an unknown method, whatever it is called, with an error', async () => {
    const { call } = await startServices();
    await fc.assert(
      fc.asyncProperty(fc.oneof(jsonish, key), jsonish, async (method, args) => {
        const result = await call(method, args);
        expect(result).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
        expect((result as { error: { message: string } }).error.message.length).toBeLessThan(200);
      }),
      { numRuns: 200 },
    );
  });
});
