import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { scratch } from './run-cli.ts';

const bin = fileURLToPath(new URL('../bin/run.js', import.meta.url));
const hasScript = existsSync('/usr/bin/script');
const DOWN = '\u001b[B';

/** The CLI in a real pseudo-terminal, answering each prompt when its question appears (as import-prompt.test.ts). */
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
      setTimeout(() => child.stdin.write(answer[1]), 150);
    }
  });
  return new Promise<{ code: number | null; screen: string; answered: number }>((resolve) => {
    child.on('exit', (code) => resolve({ code, screen, answered: next }));
  });
}

describe.skipIf(!hasScript)(
  'triage simulate cohort asks how to map columns at a terminal, as triage import does',
  () => {
    const s = scratch();
    afterAll(() => s.done());
    const header = `学号,性别,年龄,${Array.from({ length: 20 }, (_, i) => `第${i + 1}题`).join(',')}`;
    const file = s.write(
      'zung.csv',
      `${header}\r\n1001,男,15,${'1,'.repeat(19)}2\r\n1002,女,16,${'2,'.repeat(19)}1\r\n`,
    );

    it('offers the instruments, confirms, and projects the rows read by the chosen mapping', async () => {
      const run = await inTerminal(
        ['simulate', 'cohort', '--input', file, '--start', '2026-09-01'],
        { TRIAGE_CONFIG_DIR: join(s.dir, 'config') },
        [
          // SDS is the sixth instrument in the list: five steps down, select, submit; then use it, and do not save it.
          [/Which instruments/, `${DOWN.repeat(5)} \r`],
          [/Use this mapping\?/, '\r'],
          [/Save this mapping/, 'n\r'],
        ],
      );
      expect(run.answered, run.screen).toBe(3);
      expect(run.code, run.screen).toBe(0);
      expect(run.screen).toContain('2 rows read, 2 scored');
      expect(existsSync(join(s.dir, 'zung.map.yaml'))).toBe(false);
    }, 60_000);
  },
);
