import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'run.js');

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The command line and environment that run the real, built CLI (`node packages/cli/bin/run.js …`) as a user would: no
 * colour, a plain English locale unless `env` says otherwise, no NODE_ENV (vitest sets it to "test", which would switch
 * oclif to development mode).
 */
export function cliCommand(
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
): { command: string[]; env: NodeJS.ProcessEnv } {
  if (!existsSync(join(root, 'oclif.manifest.json')) || !existsSync(join(root, 'dist', 'commands'))) {
    throw new Error('packages/cli is not built: run `cd packages/cli && npx --yes pnpm@10 run build` first');
  }
  const { NODE_ENV: _nodeEnv, LC_ALL: _lcAll, LC_MESSAGES: _lcMessages, ...inherited } = process.env;
  return {
    command: [process.execPath, bin, ...args],
    env: { ...inherited, NO_COLOR: '1', LANG: 'en_US.UTF-8', ...env },
  };
}

/** Runs the real, built CLI (see {@link cliCommand}) and collects what it printed. */
export function runCli(args: readonly string[], env: Readonly<Record<string, string>> = {}): CliRun {
  const { command, env: runEnv } = cliCommand(args, env);
  const result = spawnSync(command[0] ?? '', command.slice(1), { encoding: 'utf8', env: runEnv, timeout: 20_000 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A scratch folder under the OS temp dir, with a helper to write files into it. */
export function scratch(): {
  dir: string;
  write: (name: string, bytes: string | Uint8Array) => string;
  done: () => void;
} {
  const dir = mkdtempSync(join(tmpdir(), 'triage-cli-'));
  return {
    dir,
    write: (name, bytes) => {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      return path;
    },
    done: () => rmSync(dir, { recursive: true, force: true }),
  };
}
