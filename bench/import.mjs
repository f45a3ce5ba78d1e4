/**
 * `triage import` end to end (read → map → validate → score PHQ-A + GAD-7 → triage → results.csv, results.json,
 * errors.csv, report.html) on seeded synthetic screenings of 10k, 100k and 1M students, beside the same CSV parser
 * reading the same file and doing nothing else, in the same run. Also peak RSS at each size, and the cost of GB18030
 * over UTF-8 for the same content.
 *
 *   node bench/import.mjs [--sizes 10000,100000,1000000] [--runs 1]
 *
 * Goals (issue #4): ≥ 150,000 rows/s end to end; ≥ 0.5× parse-only; peak RSS ≤ 200 MB and ≤ 1.2× from 100k to 1M;
 * GB18030 ≤ 10% over UTF-8. Exit 0 whether or not goals are met; 1 when a run fails.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fixed, int, machine, median, root, verdict } from './lib.mjs';
import { writeScreeningCsv } from './screening-data.mjs';

const { values: opts } = parseArgs({
  options: { sizes: { type: 'string', default: '10000,100000,1000000' }, runs: { type: 'string', default: '1' } },
});
const SIZES = opts.sizes.split(',').map(Number);
const RUNS = Number(opts.runs);
const SEED = 20261123;

const bin = join(root, 'packages/cli/bin/run.js');
const openCsvModule = join(root, 'packages/cli/dist/csv/open-csv.mjs');
if (!existsSync(bin) || !existsSync(openCsvModule)) {
  console.log('import: skipped, the CLI is not built (npx --yes pnpm@10 -r run build)');
  process.exit(0);
}

const work = mkdtempSync(join(tmpdir(), 'triage-bench-import-'));
const parseOnly = join(work, 'parse-only.mjs');
// The baseline: the very reader `triage import` uses, counting records and nothing else.
await import('node:fs').then(({ writeFileSync }) =>
  writeFileSync(
    parseOnly,
    `import { openCsv } from ${JSON.stringify(openCsvModule)};
let n = 0;
const csv = await openCsv(process.argv[2]);
for await (const batch of csv.batches) n += batch.length;
if (n === 0) process.exit(1);
`,
  ),
);

/** Wall time, peak RSS and CPU of one program run through bench/measure.mjs. */
function measure(module, args) {
  const start = performance.now();
  const r = spawnSync(process.execPath, [join(root, 'bench/measure.mjs'), module, '--', ...args], {
    cwd: work,
    env: { ...process.env, TRIAGE_CONFIG_DIR: join(work, 'config'), NO_COLOR: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 1 << 26,
  });
  const ms = performance.now() - start;
  const stderr = r.stderr.toString();
  const line = stderr.split('\n').find((l) => l.startsWith('MEASURE '));
  if (![0, 3].includes(r.status ?? -1) || !line)
    throw new Error(`${module} ${args.join(' ')} failed (${r.status}):\n${stderr.slice(-800)}`);
  return { ms, ...JSON.parse(line.slice('MEASURE '.length)) };
}

const best = (runs) => runs.reduce((a, b) => (b.ms < a.ms ? b : a));

console.log(`import · ${machine()}`);
console.log(
  'synthetic PHQ-A + GAD-7 + demographics (bench/screening-data.mjs, seed %d), whole processes incl. start-up',
  SEED,
);
console.log('');
console.log(
  'rows       file MB   parse-only rows/s   import rows/s   import/parse   CPU µs/row   peak RSS MB   (goals: ≥150k rows/s, ≥0.5×)',
);
const rss = new Map();
try {
  for (const rows of SIZES) {
    const file = join(work, `screening-${rows}.csv`);
    const { bytes } = await writeScreeningCsv(file, {
      rows,
      seed: SEED,
      lang: 'en',
      answers: 'numbers',
      encoding: 'utf-8',
    });
    const parse = best(Array.from({ length: RUNS }, () => measure(parseOnly, [file])));
    const imports = Array.from({ length: RUNS }, (_, i) =>
      measure(bin, ['import', file, '--out', join(work, `out-${rows}-${i}`), '--no-input']),
    );
    const run = best(imports);
    rss.set(rows, run.maxRssKb / 1024);
    const parseRate = rows / (parse.ms / 1000);
    const importRate = rows / (run.ms / 1000);
    // CPU time (user + system, start-up included) moves less than wall time on a shared machine.
    const cpuPerRow = ((run.userMs + run.systemMs) * 1000) / rows;
    console.log(
      `${int(rows).padEnd(10)} ${fixed(bytes / 1e6).padStart(7)}   ${int(parseRate).padStart(17)}   ${int(importRate).padStart(13)}   ${fixed(importRate / parseRate, 2).padStart(12)}   ${fixed(cpuPerRow).padStart(10)}   ${fixed(run.maxRssKb / 1024).padStart(11)}   ${verdict(importRate >= 150_000)} / ${verdict(importRate / parseRate >= 0.5)}`,
    );
    for (let i = 0; i < RUNS; i++) rmSync(join(work, `out-${rows}-${i}`), { recursive: true, force: true });
    rmSync(file, { force: true });
  }
  const small = rss.get(100_000);
  const large = rss.get(1_000_000);
  if (small && large) {
    console.log(
      `peak RSS 100k → 1M: ${fixed(small)} → ${fixed(large)} MB, ×${fixed(large / small, 2)} (goal ≤ 1.2× and ≤ 200 MB): ${verdict(large / small <= 1.2 && large <= 200)}`,
    );
  }

  // The same content in UTF-8 and in GB18030 (Chinese headers and text answers): what decoding GB18030 costs.
  const rows = Math.min(Math.max(...SIZES), 200_000);
  const utf8 = join(work, 'zh-utf8.csv');
  const gb = join(work, 'zh-gb18030.csv');
  await writeScreeningCsv(utf8, { rows, seed: SEED, lang: 'zh', answers: 'text', encoding: 'utf-8' });
  await writeScreeningCsv(gb, { rows, seed: SEED, lang: 'zh', answers: 'text', encoding: 'gb18030' });
  const times = { utf8: [], gb: [] };
  for (let i = 0; i < Math.max(5, RUNS); i++) {
    times.utf8.push(measure(parseOnly, [utf8]).ms);
    times.gb.push(measure(parseOnly, [gb]).ms);
  }
  const ratio = median(times.gb) / median(times.utf8);
  console.log(
    `GB18030 vs UTF-8, ${int(rows)} rows of Chinese text, parse-only median of ${times.gb.length}: ${fixed(median(times.gb), 0)} vs ${fixed(median(times.utf8), 0)} ms, ×${fixed(ratio, 2)} (goal ≤ 1.10): ${verdict(ratio <= 1.1)}`,
  );
  // What a school's own export looks like (GB18030, Chinese headers, answers as option text): the import end to end,
  // for the record (no goal of its own).
  const zh = measure(bin, ['import', gb, '--out', join(work, 'out-zh'), '--no-input']);
  console.log(
    `import of the GB18030 file end to end: ${int(rows / (zh.ms / 1000))} rows/s, ${fixed(((zh.userMs + zh.systemMs) * 1000) / rows)} CPU µs/row, peak RSS ${fixed(zh.maxRssKb / 1024)} MB`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
