/**
 * Start-up wall time of the `triage` CLI against bare Node, whole processes via spawnSync, measured in the same run.
 * Commands run round-robin (one of each per round) so drift on a shared VM hits them alike.
 *
 *   node bench/startup.mjs [--runs 15] [--warmup 2]
 *
 * Exit codes: 0 done (a speed goal missed is still 0; a CLI that is not built is skipped), 1 a command failed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fixed, machine, median, root, verdict } from './lib.mjs';

const GOAL_OVERHEAD_MS = 100;

const { values: opts } = parseArgs({
  options: {
    runs: { type: 'string', default: '15' },
    warmup: { type: 'string', default: '2' },
  },
});
const RUNS = Number(opts.runs);
const WARMUP = Number(opts.warmup);

const bin = join(root, 'packages/cli/bin/run.js');
const cliBuilt = existsSync(bin) && existsSync(join(root, 'packages/cli/dist'));

const caCerts = process.env.NODE_EXTRA_CA_CERTS;
const commands = [{ name: 'node -e 0', args: ['-e', '0'] }];
if (caCerts) {
  // Measures what the variable costs each start here, instead of quoting a figure from elsewhere.
  const { NODE_EXTRA_CA_CERTS: _, ...env } = process.env;
  commands.push({ name: 'node -e 0 (no NODE_EXTRA_CA_CERTS)', args: ['-e', '0'], env });
}
if (cliBuilt) {
  commands.push(
    { name: 'triage --version', args: [bin, '--version'], cli: true },
    { name: 'triage scales list', args: [bin, 'scales', 'list'], cli: true },
  );
}

/** Milliseconds from spawn to exit; throws when the command fails, since its time would mean nothing. */
function time({ name, args, env = process.env }) {
  const start = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = performance.now() - start;
  if (r.status !== 0) {
    const detail = (r.stderr?.toString() ?? '').trim().split('\n').slice(0, 5).join('\n  ');
    throw new Error(`${name} exited with ${r.status ?? r.signal}${detail ? `:\n  ${detail}` : ''}`);
  }
  return ms;
}

console.log(`startup · ${machine()}`);
console.log(`median of ${RUNS} runs after ${WARMUP} warm-ups, round-robin, spawnSync wall time`);
console.log(
  caCerts
    ? 'NODE_EXTRA_CA_CERTS is set: every Node start below pays for loading it, CLI and baseline alike'
    : 'NODE_EXTRA_CA_CERTS is not set',
);

const samples = commands.map(() => []);
try {
  for (let i = 0; i < WARMUP + RUNS; i++) {
    commands.forEach((cmd, c) => {
      const ms = time(cmd);
      if (i >= WARMUP) samples[c].push(ms);
    });
  }
} catch (error) {
  console.log(`FAIL: ${error.message}`);
  process.exit(1);
}

const medians = samples.map(median);
const width = Math.max(...commands.map((c) => c.name.length));
commands.forEach((cmd, c) => {
  const xs = samples[c];
  const range = `${fixed(Math.min(...xs))}–${fixed(Math.max(...xs))}`;
  console.log(`${cmd.name.padEnd(width)}  ${fixed(medians[c]).padStart(7)} ms  (range ${range})`);
});

if (caCerts) console.log(`NODE_EXTRA_CA_CERTS costs ${fixed(medians[0] - medians[1])} ms per start here`);
if (!cliBuilt) {
  console.log('triage: skipped, the CLI is not built (packages/cli/bin/run.js + dist; run npx --yes pnpm@10 build)');
} else {
  const base = medians[0];
  for (const [c, cmd] of commands.entries()) {
    if (!cmd.cli) continue;
    const overhead = medians[c] - base;
    console.log(
      `${cmd.name} over bare node: ${fixed(overhead)} ms · goal ≤ ${GOAL_OVERHEAD_MS} ms: ${verdict(overhead <= GOAL_OVERHEAD_MS)}`,
    );
  }
}
