#!/usr/bin/env node
// Runs every property test (files that import fast-check) again and again, each round from a new random seed, and
// prints the seeds that failed. CI runs the properties from one fixed seed (vitest.fast-check.ts); this is where new
// cases are explored. Replay a failure with: FC_SEED=<seed> npx vitest run <file>
// Usage: pnpm test:fuzz [rounds=5]
import { execFileSync, spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';

const rounds = Number(process.argv[2] ?? 5);
const files = execFileSync('git', ['grep', '-l', "from 'fast-check'", '--', 'packages/*.test.ts'], { encoding: 'utf8' })
  .trim()
  .split('\n');
const failed = [];
for (let round = 1; round <= rounds; round++) {
  const seed = randomInt(2 ** 31);
  const run = spawnSync('npx', ['vitest', 'run', '--reporter=dot', ...files], {
    env: { ...process.env, CI: '', FC_SEED: String(seed) },
    encoding: 'utf8',
  });
  const ok = run.status === 0;
  console.log(`round ${round}/${rounds}: seed ${seed} ${ok ? 'passed' : 'FAILED'}`);
  if (!ok) {
    failed.push(seed);
    process.stdout.write(
      run.stdout
        .split('\n')
        .filter((l) => /FAIL|Counterexample|seed|Error/.test(l))
        .join('\n'),
    );
    console.log();
  }
}
console.log(failed.length === 0 ? `${rounds} rounds passed` : `failed seeds: ${failed.join(' ')}`);
process.exitCode = failed.length === 0 ? 0 : 1;
