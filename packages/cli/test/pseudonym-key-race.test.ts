import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { cliCommand, scratch } from './run-cli.ts';

const example = fileURLToPath(new URL('../../../examples/screenings/class-40.en.csv', import.meta.url));

/** The real CLI in the background; resolves with its exit code and what it printed on stderr. */
function start(args: readonly string[], env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const { command, env: runEnv } = cliCommand(args, env);
  const child = spawn(command[0] ?? '', command.slice(1), { env: runEnv });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  child.stdout.resume();
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stderr })));
}

// QA round 24, 1: two first imports at once on a new machine: one made the key file empty and wrote it after, the
// other read it in between and stopped, calling the key damaged and advising to move it away (which would have broken
// every pseudonym made since). The key now appears whole or not at all.
describe('the pseudonym key made by imports started at once on a new machine', () => {
  const s = scratch();
  afterAll(() => s.done());

  it('is one key, whole, and every import uses it', async () => {
    for (let round = 0; round < 4; round++) {
      const config = join(s.dir, `config-${round}`);
      const runs = await Promise.all(
        Array.from({ length: 5 }, (_, k) =>
          start(['import', example, '--out', join(s.dir, `out-${round}-${k}`)], { TRIAGE_CONFIG_DIR: config }),
        ),
      );
      for (const run of runs) {
        expect(run.code, run.stderr).toBe(0);
        expect(run.stderr).not.toMatch(/damaged/);
      }
      expect(runs.filter((r) => r.stderr.includes('created the pseudonym key'))).toHaveLength(1);
      expect(readFileSync(join(config, 'pseudonym.key'), 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
      expect(readdirSync(config)).toEqual(['pseudonym.key']);
    }
  }, 120_000);
});
