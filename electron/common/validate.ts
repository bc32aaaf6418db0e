/**
 * Tiny argument validators for the API boundary. Each returns null when the value is acceptable,
 * or a sentence saying what is wrong. Anything arriving over IPC is untrusted until it passes one.
 */
export type Check = (value: unknown) => string | null;

export const isString =
  (maxLength = 4096): Check =>
  (value) =>
    typeof value === 'string' && value.length <= maxLength ? null : `expected a string of at most ${maxLength} characters`;

export const isNumberIn =
  (min: number, max: number): Check =>
  (value) =>
    typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max
      ? null
      : `expected a number from ${min} to ${max}`;

export const isBoolean: Check = (value) => (typeof value === 'boolean' ? null : 'expected true or false');

export const isOneOf =
  (...allowed: readonly string[]): Check =>
  (value) =>
    typeof value === 'string' && allowed.includes(value) ? null : `expected one of ${allowed.join(', ')}`;

export const isArrayOf =
  (item: Check, maxLength: number): Check =>
  (value) => {
    if (!Array.isArray(value) || value.length > maxLength) return `expected a list of at most ${maxLength} items`;
    for (const element of value) {
      const problem = item(element);
      if (problem) return `list item: ${problem}`;
    }
    return null;
  };

/** An object whose keys are all known and optional; each present key must pass its check. */
export const isPartialRecord =
  (shape: Record<string, Check>): Check =>
  (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'expected an object';
    for (const [key, field] of Object.entries(value)) {
      const check = shape[key];
      if (!check) return `unknown field "${key}"`;
      const problem = check(field);
      if (problem) return `${key}: ${problem}`;
    }
    return null;
  };

/** Checks a whole argument list: exact length, each position with its own check. */
export function checkArgs(args: unknown, checks: readonly Check[]): string | null {
  if (!Array.isArray(args)) return 'arguments must be a list';
  if (args.length !== checks.length) return `expected ${checks.length} argument(s), got ${args.length}`;
  for (let i = 0; i < checks.length; i++) {
    const problem = checks[i](args[i]);
    if (problem) return `argument ${i + 1}: ${problem}`;
  }
  return null;
}

/** Like `isPartialRecord`, but every key of the shape must be present (unless listed as optional). */
export const isRecord =
  (shape: Record<string, Check>, optional: readonly string[] = []): Check =>
  (value) => {
    const problem = isPartialRecord(shape)(value);
    if (problem) return problem;
    const missing = Object.keys(shape).find((key) => !optional.includes(key) && !Object.hasOwn(value as object, key));
    return missing ? `missing field "${missing}"` : null;
  };
