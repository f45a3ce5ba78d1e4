import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, scratch } from './run-cli.ts';

const bin = fileURLToPath(new URL('../bin/run.js', import.meta.url));
const hasScript = existsSync('/usr/bin/script');
const DOWN = '\u001b[B';

/**
 * Runs the CLI in a real pseudo-terminal (util-linux `script`), answering each prompt when its question appears:
 * the interactive path only runs when stdin and stderr are terminals.
 */
function inTerminal(args: readonly string[], env: Record<string, string>, answers: readonly [RegExp, string][]) {
  const command = [process.execPath, bin, ...args].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
  const { NODE_ENV: _n, CI: _ci, ...inherited } = process.env;
  const child = spawn('script', ['-qfec', command, '/dev/null'], {
    env: { ...inherited, NO_COLOR: '1', LANG: 'en_US.UTF-8', TERM: 'xterm', ...env },
  });
  let screen = '';
  let next = 0;
  child.stdout.on('data', (chunk: Buffer) => {
    screen += chunk.toString();
    const answer = answers[next];
    if (answer?.[0].test(screen)) {
      next++;
      // A moment for the prompt to take the terminal into raw mode before the keys arrive.
      setTimeout(() => child.stdin.write(answer[1]), 150);
    }
  });
  return new Promise<{ code: number | null; screen: string; answered: number }>((resolve) => {
    child.on('exit', (code) => resolve({ code, screen, answered: next }));
  });
}

describe.skipIf(!hasScript)('triage import asks how to map columns at a terminal', () => {
  const s = scratch();
  const env = { TRIAGE_CONFIG_DIR: join(s.dir, 'config') };
  afterAll(() => s.done());
  const header = `学号,性别,年龄,${Array.from({ length: 20 }, (_, i) => `第${i + 1}题`).join(',')}`;
  const file = s.write('zung.csv', `${header}\r\n1001,男,15,${'1,'.repeat(19)}2\r\n1002,女,16,${'2,'.repeat(19)}1\r\n`);

  it('offers the instruments, confirms, saves the mapping, and the saved file works without questions', async () => {
    const run = await inTerminal(['import', file, '--out', join(s.dir, 'out')], env, [
      // SDS is the sixth instrument in the list: five steps down, select, submit.
      [/Which instruments/, `${DOWN.repeat(5)} \r`],
      [/Use this mapping\?/, '\r'],
      [/Save this mapping/, '\r'],
    ]);
    expect(run.answered).toBe(3);
    expect(run.code).toBe(0);
    expect(run.screen).toMatch(/fit several instruments/);
    expect(run.screen).toContain('2 rows read: 2 scored');
    const saved = join(s.dir, 'zung.map.yaml');
    expect(readFileSync(saved, 'utf8')).toContain('sds.20');
    const again = runCli(['import', file, '--map', saved, '--out', join(s.dir, 'again'), '--json'], env);
    expect(again.status).toBe(0);
    expect(JSON.parse(again.stdout).instruments).toEqual(['sds']);
  }, 60_000);

  it('a header that repeats (GAD-7 items all headed 得分): asked by position, saved by position, read back alike', async () => {
    const scored = s.write(
      'matrix.csv',
      `学号,姓名,${Array(7).fill('得分').join(',')}\r\n1001,Zhang San,0,1,2,3,0,1,2\r\n1002,Li Si,3,3,3,3,3,3,3\r\n`,
    );
    // GAD-7 is fourth in the list; item k is in column k + 2, k + 1 steps below the first.
    const items = [1, 2, 3, 4, 5, 6, 7].map((k): [RegExp, string] => [
      new RegExp(`Which column holds GAD-7 item ${k}\\?`),
      `${DOWN.repeat(k + 1)}\r`,
    ]);
    const run = await inTerminal(['import', scored, '--out', join(s.dir, 'matrix')], env, [
      [/Which instruments/, `${DOWN.repeat(3)} \r`],
      ...items,
      [/Use this mapping\?/, '\r'],
      [/Save this mapping/, '\r'],
    ]);
    expect(run.answered, run.screen).toBe(10);
    expect(run.code).toBe(0);
    const saved = readFileSync(join(s.dir, 'matrix.map.yaml'), 'utf8');
    expect(saved).toContain('"column 3": gad-7.1');
    expect(saved).toContain('"column 9": gad-7.7');
    expect(saved).not.toContain('"得分"');
    const again = runCli(
      ['import', scored, '--map', join(s.dir, 'matrix.map.yaml'), '--out', join(s.dir, 'm2'), '--json'],
      env,
    );
    expect(again.status, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout).counts).toMatchObject({ rows: 2, scored: 2, rejected: 0 });
    const results = readFileSync(join(s.dir, 'm2', 'results.csv'), 'utf8');
    // 0+1+2+3+0+1+2 = 9 and 7 × 3 = 21: each item from its own column.
    expect(results).toMatch(/,9,mild,/);
    expect(results).toMatch(/,21,severe,/);
  }, 60_000);

  it('--no-input never asks, even at a terminal', async () => {
    const run = await inTerminal(['import', file, '--out', join(s.dir, 'none'), '--no-input'], env, []);
    expect(run.code).toBe(1);
    expect(run.screen).not.toMatch(/Which instruments/);
    expect(run.screen).toMatch(/--instrument/);
  }, 60_000);
});
