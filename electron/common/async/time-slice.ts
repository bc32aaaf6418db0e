/**
 * Long work on the process that answers the window (Electron's main process) shares its event
 * loop: it calls the returned `pace()` between small steps, and once it has run `budgetMs`
 * without a break, `pace()` waits for a timer turn, so messages from the window and timers wait
 * about one budget at most instead of the whole job.
 */
export function timeSlicer(budgetMs = 12): () => Promise<void> {
  let sliceStart = performance.now();
  return async () => {
    if (performance.now() - sliceStart < budgetMs) return;
    await new Promise<void>((resolve) => setTimeout(() => resolve(), 0));
    sliceStart = performance.now();
  };
}

/**
 * The JSON of `{ ...fields, [key]: record }`, written one record entry at a time with `pace()`
 * between them: a single `JSON.stringify` of a 10,000-entry manifest blocks for over 100 ms.
 */
export async function stringifyPaced(fields: object, key: string, record: Record<string, unknown>, pace = timeSlicer()): Promise<string> {
  const parts: string[] = [];
  for (const [name, entry] of Object.entries(record)) {
    parts.push(`${JSON.stringify(name)}:${JSON.stringify(entry)}`);
    await pace();
  }
  const head = JSON.stringify(fields);
  return `${head === '{}' ? '{' : `${head.slice(0, -1)},`}${JSON.stringify(key)}:{${parts.join(',')}}}`;
}
