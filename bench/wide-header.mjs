/**
 * `triage import` on a header far wider than any export (a fuzzer's, or a file split by the wrong delimiter): 学号
 * and 10k or 40k item-like columns over one data row, beside a 10-column file of the same kind, in the same run. The
 * import stops at mapping (no instrument is named), so the time over the narrow file is what mapping the header costs.
 *
 *   node bench/wide-header.mjs [--widths 10000,40000] [--runs 3]
 *
 * Goal: linear in the width, i.e. the widest's cost over the narrowest's ≤ 1.5× the ratio of their widths (4× wider
 * costs ≤ 6×). Exit 0 whether or not the goal is met; 1 when the CLI crashes (a signal, or an exit code above 3).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fixed, machine, median, root, verdict } from './lib.mjs';

const { values: opts } = parseArgs({
  options: { widths: { type: 'string', default: '10000,40000' }, runs: { type: 'string', default: '3' } },
});
const WIDTHS = opts.widths.split(',').map(Number);
const RUNS = Number(opts.runs);

const bin = join(root, 'packages/cli/bin/run.js');
if (!existsSync(bin) || !existsSync(join(root, 'packages/cli/dist'))) {
  console.log('wide-header: skipped, the CLI is not built (npx --yes pnpm@10 -r run build)');
  process.exit(0);
}

/** Header shapes: numbered columns, and 问卷星-style question texts (long, and each a number before its text). */
const SHAPES = {
  'Q1 … Qn': (i) => `Q${i + 1}`,
  '问卷星 texts': (i) => `${i + 1}、在过去两周里，你有多少时候受到以下问题的困扰？做事时提不起劲或没有兴趣`,
};

const work = mkdtempSync(join(tmpdir(), 'triage-bench-wide-'));
/** Wall time of one `triage import` of `file`, in ms. */
function importMs(file) {
  const start = performance.now();
  const r = spawnSync(process.execPath, [bin, 'import', file, '--out', join(work, 'out'), '--no-input'], {
    cwd: work,
    env: { ...process.env, TRIAGE_CONFIG_DIR: join(work, 'config'), NO_COLOR: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 1 << 26,
  });
  const ms = performance.now() - start;
  if (r.signal || (r.status ?? 99) > 3) throw new Error(`triage import ${file}: ${r.signal ?? r.status}`);
  return ms;
}

console.log(`wide-header · ${machine()}`);
console.log(`triage import, header 学号 + n columns over one data row; median of ${RUNS}, whole processes`);
console.log('');
try {
  for (const [name, column] of Object.entries(SHAPES)) {
    const files = [10, ...WIDTHS].map((n) => {
      const file = join(work, `${n}.csv`);
      const header = ['学号', ...Array.from({ length: n }, (_, i) => column(i))];
      writeFileSync(file, `${header.join(',')}\n${['1001', ...Array(n).fill('1')].join(',')}\n`);
      return { n, file, ms: [] };
    });
    // Round-robin, so that a busy moment on a shared machine slows every width alike.
    for (let run = 0; run < RUNS; run++) for (const f of files) f.ms.push(importMs(f.file));
    const [narrow, ...wide] = files.map((f) => ({ n: f.n, ms: median(f.ms) }));
    for (const w of wide) {
      const perColumn = ((w.ms - narrow.ms) / w.n) * 1000;
      console.log(
        `${name.padEnd(14)} ${String(w.n).padStart(6)} columns  ${fixed(w.ms / 1000, 2)} s  (10 columns ${fixed(narrow.ms / 1000, 2)} s; ${fixed(perColumn, 1)} µs per column)`,
      );
    }
    const first = wide[0];
    const last = wide.at(-1);
    if (first && last && last !== first) {
      const costRatio = (last.ms - narrow.ms) / (first.ms - narrow.ms);
      const widthRatio = last.n / first.n;
      const goal = 1.5 * widthRatio;
      console.log(
        `${name.padEnd(14)} cost ${last.n}/${first.n} columns ${fixed(costRatio, 2)}× for ${fixed(widthRatio, 1)}× wider  (goal ≤ ${fixed(goal, 1)}×: ${verdict(costRatio <= goal)})`,
      );
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
