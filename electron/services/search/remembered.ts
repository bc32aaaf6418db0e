/**
 * The value kept in `cache` under `key`, or `make()`'s, kept from now on; past `size` entries
 * the one used longest ago is forgotten. For what one query compiles (regular expressions cost
 * milliseconds to compile and are shared by every result of the query and its next keystrokes).
 */
export function remembered<T>(cache: Map<string, T>, size: number, key: string, make: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    if (cache.size >= size) cache.delete(cache.keys().next().value!);
  } else {
    cache.delete(key);
  }
  cache.set(key, value);
  return value;
}
