import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * Makes `dir` and the folders above it that do not exist, each private (0700), one `mkdir` at a time. Not
 * `mkdirSync(dir, { recursive: true })`: on Linux that never returns for a path under /proc (Node 20 and 24 retry
 * forever, ignoring SIGTERM), and it says less about a link to a folder that is not there (a drive not connected).
 * Throws the system error of the `mkdir` that failed, or ENOTDIR when a file stands where a folder must be.
 */
export function makePrivateDirs(dir: string): void {
  const missing: string[] = [];
  for (let at = resolve(dir); ; ) {
    const stats = statSync(at, { throwIfNoEntry: false });
    if (stats?.isDirectory()) break;
    if (stats) throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${at}'`), notADirectory(at));
    missing.push(at);
    const parent = dirname(at);
    if (parent === at) break;
    at = parent;
  }
  for (const folder of missing.reverse()) mkdirSync(folder, { mode: 0o700 });
}

function notADirectory(path: string): NodeJS.ErrnoException {
  return { name: 'Error', message: 'not a directory', code: 'ENOTDIR', syscall: 'mkdir', path };
}
