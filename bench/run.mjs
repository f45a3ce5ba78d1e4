/**
 * Runs every benchmark, each in its own Node process (no JIT or heap state carried between them).
 *
 *   node bench/run.mjs
 *
 * Exits non-zero only when a benchmark does (a correctness check failed or it could not run), never on a speed miss.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { root } from './lib.mjs';

const benchmarks = [
  'scoring.mjs',
  'rules.mjs',
  'csv-parsers.mjs',
  'import.mjs',
  'wide-header.mjs',
  'sdk.mjs',
  'simulate.mjs',
  'startup.mjs',
];

let failed = 0;
for (const [i, file] of benchmarks.entries()) {
  if (i > 0) console.log('');
  console.log(`== bench/${file}`);
  const r = spawnSync(process.execPath, [join(root, 'bench', file)], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.log(`bench/${file} exited with ${r.status ?? r.signal}`);
    failed = Math.max(failed, r.status ?? 1);
  }
}
process.exitCode = failed;
