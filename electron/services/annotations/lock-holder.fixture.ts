/**
 * Test helper run as a separate Node process: takes the lock of a sidecar, says "locked" on
 * stdout, and holds it until killed, as a window would that crashed in the middle of a save.
 * Usage: node --import tsx lock-holder.fixture.ts <sidecar path>
 */
import { withFileLock } from './file-lock';

const [path] = process.argv.slice(2);
await withFileLock(path, async () => {
  process.stdout.write('locked\n');
  // A pending timer keeps the process alive; a bare pending promise would let it exit.
  await new Promise(() => setInterval(() => undefined, 60_000));
});
