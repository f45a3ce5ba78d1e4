import { type Stats, statSync } from 'node:fs';
import { join } from 'node:path';
import { LOCK_FILE } from './out-lock.ts';
import { OUTPUT_FILES, PARTIAL } from './output/result-files.ts';

/** What stands in the way of an import of `file` into `out`, before anything is read or written. */
export type PathProblem =
  | { readonly kind: 'input-is-folder' }
  /**
   * A pipe (`<(iconv …)`, `/dev/stdin` fed by `|`), a device or a socket: it can be read only once, as it comes, and
   * opening a pipe waits for a writer (a hang Ctrl-C cannot end). The import reads its file more than once.
   */
  | { readonly kind: 'input-not-regular' }
  | { readonly kind: 'out-is-file' }
  /** The input file is one the import writes (results.csv in its own folder, say): it would be overwritten. */
  | { readonly kind: 'input-is-output'; readonly name: string };

/** Every name an import writes in its folder: the final files, the partial ones, the journal. */
const WRITTEN = [...Object.values(OUTPUT_FILES).flatMap((name) => [name, `${name}${PARTIAL}`]), LOCK_FILE];

/** Checked with `stat` only: nothing is opened (opening a pipe would wait). */
export function pathProblem(file: string, out: string): PathProblem | undefined {
  const input = statSync(file);
  if (input.isDirectory()) return { kind: 'input-is-folder' };
  if (!input.isFile()) return { kind: 'input-not-regular' };
  const folder = statSync(out, { throwIfNoEntry: false });
  if (!folder) return undefined;
  if (!folder.isDirectory()) return { kind: 'out-is-file' };
  const name = WRITTEN.find((n) => sameFile(statSync(join(out, n), { throwIfNoEntry: false }), input));
  return name === undefined ? undefined : { kind: 'input-is-output', name };
}

/** The same file, whatever the path (a link, `.` or `..` in it). */
function sameFile(a: Stats | undefined, b: Stats): boolean {
  return a !== undefined && a.dev === b.dev && a.ino === b.ino;
}
