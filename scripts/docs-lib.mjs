/** What the docs generators share: how they give up, and whether a package's dist is older than its sources. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Prints the message and exits 2: the generator cannot run (not a stale-docs failure, which exits 1). */
export function fail(message) {
  console.error(message);
  process.exit(2);
}

/** Newest mtime of the sources that go into dist (tests and READMEs do not). */
export function newestSourceTime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
      newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return newest;
}
