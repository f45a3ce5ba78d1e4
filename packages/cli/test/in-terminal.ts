import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/run.js', import.meta.url));
/** util-linux `script`, which gives the CLI a pseudo-terminal: tests that need one are skipped without it. */
export const hasScript = existsSync('/usr/bin/script');
export const DOWN = '\u001b[B';

/**
 * Runs the CLI in a real pseudo-terminal (util-linux `script`), answering each prompt when its question appears (keys
 * to type, or a function to call then): the interactive path only runs when stdin and stderr are terminals.
 */
export function inTerminal(
  args: readonly string[],
  env: Record<string, string>,
  answers: readonly [RegExp, string | (() => void)][],
): Promise<{ code: number | null; screen: string; answered: number }> {
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
      // A moment for the prompt to take the terminal into raw mode before the keys arrive (or something else is done).
      const [, keys] = answer;
      setTimeout(() => (typeof keys === 'string' ? child.stdin.write(keys) : keys()), 150);
    }
  });
  return new Promise((resolve) => {
    child.on('exit', (code) => resolve({ code, screen, answered: next }));
  });
}
