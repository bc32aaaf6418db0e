/**
 * The building blocks every schema in this folder is made of, each failing with a sentence a
 * person can read, and `problemOf`, which turns valibot's issues into one such sentence naming
 * where the problem is ("export: options: colours: item 2: expected one of c1, c2, …").
 *
 * Valibot reads only the keys a schema declares and reports the others by own-property checks, so
 * a value with keys such as `__proto__`, `constructor` or `hasOwnProperty` gets an answer, never
 * a TypeError (see dispatch.fuzz.test.ts).
 */
import * as v from 'valibot';

type Issue = v.BaseIssue<unknown>;
type AnySchema = v.GenericSchema;

/** Messages written for the person who typed the value: shown alone, without the path to it. */
const forPeople = new Set<string>();

/** True for a message written for the person (see `plainMessage`): it crosses as it is. */
export const isPlainMessage = (message: string): boolean => forPeople.has(message);

/** Marks a message as one to show as it is (a search that is too long, say), not as a developer's sentence. */
export function plainMessage(message: string): string {
  forPeople.add(message);
  return message;
}

export const text = (maxLength = 4096, tooLong = `expected a string of at most ${maxLength} characters`) =>
  v.pipe(v.string(`expected a string of at most ${maxLength} characters`), v.maxLength(maxLength, tooLong));

export const nonEmptyText = (maxLength: number) => v.pipe(text(maxLength), v.minLength(1, 'expected some text'));

export const numberIn = (min: number, max: number) => {
  const message = `expected a number from ${min} to ${max}`;
  return v.pipe(v.number(message), v.finite(message), v.minValue(min, message), v.maxValue(max, message));
};

export const offset = v.pipe(v.number('expected a whole number'), v.integer('expected a whole number'), v.minValue(0, 'expected a whole number'));

export const yesNo = v.boolean('expected true or false');

export const oneOf = <const T extends readonly [string, ...string[]]>(allowed: T) => v.picklist(allowed, `expected one of ${allowed.join(', ')}`);

export const listOf = <T extends AnySchema>(item: T, maxLength: number) =>
  v.pipe(v.array(item, `expected a list of at most ${maxLength} items`), v.maxLength(maxLength, `expected a list of at most ${maxLength} items`));

/** The one message a strict or loose object gives for itself: not an object, an unknown key, a missing key. */
const objectMessage = (issue: Issue): string => {
  if (issue.expected === 'never') return `unknown field "${String(issue.input).slice(0, 80)}"`;
  if (issue.input === undefined && issue.path?.at(-1)?.origin === 'key') return `missing field ${issue.expected ?? ''}`;
  return 'expected an object';
};

/** An object with exactly these keys (those wrapped in `v.optional` may be absent); any other key is refused. */
export const strictRecord = <T extends v.ObjectEntries>(entries: T) => v.strictObject(entries, objectMessage);

/** An object with these keys, keeping any other key as it is: for W3C data, where extensions are expected. */
export const openRecord = <T extends v.ObjectEntries>(entries: T) => v.looseObject(entries, objectMessage);

/** `strictRecord` with every key optional: a patch. */
export const partialRecord = <T extends v.ObjectEntries>(entries: T) => v.partial(strictRecord(entries));

/** Null when `value` fits `schema`, else a sentence saying what is wrong and where. */
export function problemOf(schema: AnySchema, value: unknown, topLevel: (key: unknown) => string = () => ''): string | null {
  const result = v.safeParse(schema, value, { abortEarly: true });
  return result.success ? null : describe(result.issues[0], topLevel);
}

/** The value as `schema` reads it (defaults filled in, lists normalised), or the sentence saying why it cannot be read. */
export function read<T extends AnySchema>(schema: T, value: unknown): { ok: true; value: v.InferOutput<T> } | { ok: false; problem: string } {
  const result = v.safeParse(schema, value, { abortEarly: true });
  return result.success ? { ok: true, value: result.output } : { ok: false, problem: describe(result.issues[0]) };
}

function describe(issue: Issue, topLevel: (key: unknown) => string = () => ''): string {
  if (forPeople.has(issue.message)) return issue.message;
  const where = (issue.path ?? [])
    .filter((step) => step.origin === 'value')
    .map((step, index) => (index === 0 && topLevel(step.key)) || (typeof step.key === 'number' ? `item ${step.key + 1}` : String(step.key)));
  return [...where, issue.message].join(': ');
}

/**
 * Reads a stored object field by field against `schema` (a strict record): a field that does not
 * fit falls back to its value in `defaults` (an object field is read the same way, one level
 * down), the rest are kept, and unknown fields are dropped. `problems` names each field that fell
 * back, as `export.options.order`.
 */
export function readFieldByField<T extends Record<string, unknown>>(
  schema: AnySchema,
  defaults: T,
  stored: unknown,
  at = '',
): { value: T; problems: string[] } {
  const entries = (schema as Partial<v.StrictObjectSchema<v.ObjectEntries, undefined>>).entries;
  if (!entries) throw new Error('readFieldByField reads strict records only');
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) {
    return { value: defaults, problems: stored === undefined ? [] : [at || 'all of them'] };
  }
  const value: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, field] of Object.entries(entries)) {
    const name = at ? `${at}.${key}` : key;
    if (!Object.hasOwn(stored, key)) {
      value[key] = defaults[key];
      continue;
    }
    const given = (stored as Record<string, unknown>)[key];
    const parsed = v.safeParse(field, given);
    if (parsed.success) value[key] = parsed.output;
    else if ('entries' in field && typeof defaults[key] === 'object' && defaults[key] !== null) {
      const inner = readFieldByField(field, defaults[key] as Record<string, unknown>, given, name);
      value[key] = inner.value;
      problems.push(...inner.problems);
    } else {
      value[key] = defaults[key];
      problems.push(name);
    }
  }
  return { value: value as T, problems };
}
