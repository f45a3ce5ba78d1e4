import { type SpawnSyncOptions, spawnSync } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  copyFileSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { cliCommand, runCli, scratch } from './run-cli.ts';

const example = fileURLToPath(new URL('../../../examples/screenings/class-40.en.csv', import.meta.url));
/** Root reads and writes whatever the permissions say: those cases are simulated another way below. */
const root = process.getuid?.() === 0;
const posix = process.platform !== 'win32';

/** The real CLI with its stdin from `stdin` (a pipe's content, or a file descriptor). */
function runWithStdin(args: readonly string[], env: Record<string, string>, stdin: string | number) {
  const { command, env: runEnv } = cliCommand(args, env);
  const options: SpawnSyncOptions = typeof stdin === 'string' ? { input: stdin } : { stdio: [stdin, 'pipe', 'pipe'] };
  const r = spawnSync(command[0] ?? '', command.slice(1), {
    encoding: 'utf8',
    env: runEnv,
    timeout: 20_000,
    ...options,
  });
  return { status: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}

/**
 * Ordinary faults of the machine (a pipe for a file, no permission, a config folder that cannot be made, work files
 * damaged between interrupt and resume) are said plainly with the documented exit code, never as an internal error,
 * and never hang.
 */
describe('triage import: faults of the input, the config folder and the work files', () => {
  const s = scratch();
  const env = { TRIAGE_CONFIG_DIR: join(s.dir, 'config') };
  afterAll(() => s.done());
  const noInternal = (stderr: string) => expect(stderr).not.toMatch(/internal error|ESPIPE|Please report/);

  it.runIf(posix)('refuses a FIFO (what <(iconv …) gives) at once instead of hanging', () => {
    const fifo = join(s.dir, 'fifo.csv');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    // SIGKILL at the time limit: a hanging import ignored SIGTERM, which would hang the test too.
    const { command, env: runEnv } = cliCommand(['import', fifo, '--out', join(s.dir, 'fifo-out')], env);
    const r = spawnSync(command[0] ?? '', command.slice(1), {
      encoding: 'utf8',
      env: runEnv,
      timeout: 20_000,
      killSignal: 'SIGKILL',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${fifo}: not a regular file (a pipe, <(…), /dev/stdin or a device)`);
    expect(r.stderr).toContain('save it first (e.g. iconv -f gbk -t utf-8 export.csv > class.csv)');
    noInternal(r.stderr);
  });

  it.runIf(process.platform === 'linux')('refuses /dev/stdin fed by a pipe (cat f | triage import /dev/stdin)', () => {
    const r = runWithStdin(
      ['import', '/dev/stdin', '--out', join(s.dir, 'pipe-out')],
      env,
      readFileSync(example, 'utf8'),
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('/dev/stdin: not a regular file');
    noInternal(r.stderr);
  });

  it.runIf(process.platform === 'linux')('reads /dev/stdin redirected from a file (< class.csv) as that file', () => {
    const fd = openSync(example, 'r');
    try {
      const r = runWithStdin(['import', '/dev/stdin', '--out', join(s.dir, 'redirect-out')], env, fd);
      expect(r.status, r.stderr).toBe(0);
    } finally {
      closeSync(fd);
    }
  });

  it.each([
    { lang: 'en', says: '-: the import does not read standard input; expected a file: save it first' },
    { lang: 'zh', says: '-：导入不读取标准输入；应为文件：请先保存为文件' },
  ])('says - is not standard input ($lang)', ({ lang, says }) => {
    const r = runWithStdin(['import', '-', '--lang', lang], env, 'a,b\n');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(says);
    expect(r.stderr).not.toContain('file not found');
  });

  it.skipIf(root || !posix)(
    'says an input without read permission cannot be read (exit 1); skipped as root, which reads any file',
    () => {
      const input = join(s.dir, 'locked.csv');
      copyFileSync(example, input);
      chmodSync(input, 0o000);
      const r = runCli(['import', input, '--out', join(s.dir, 'locked-out'), '--json'], env);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`${input}: cannot be read (EACCES: no permission to read it)`);
      expect(JSON.parse(r.stdout).error.code).toBe('CLI_FILE_UNREADABLE');
      noInternal(r.stderr);
    },
  );

  it.each([
    {
      lang: 'en',
      says: (dir: string) =>
        `cannot keep the pseudonym key in the config folder ${dir} (ENOTDIR: a file stands where a folder must be)`,
    },
    {
      lang: 'zh',
      says: (dir: string) => `无法在配置文件夹 ${dir} 中保存化名密钥（ENOTDIR：应为文件夹的位置是一个文件）`,
    },
  ])('says a config folder under a file cannot hold the key ($lang, exit 1), and writes nothing', ({ lang, says }) => {
    const file = join(s.dir, `plain-file-${lang}`);
    writeFileSync(file, '');
    const config = join(file, 'triage');
    const out = join(s.dir, `config-out-${lang}`);
    const r = runCli(['import', example, '--out', out, '--lang', lang, '--json'], { TRIAGE_CONFIG_DIR: config });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(says(config));
    expect(JSON.parse(r.stdout).error).toMatchObject({ code: 'CLI_CONFIG', exitCode: 1 });
    expect(readdirSync(s.dir)).not.toContain(`config-out-${lang}`);
    // A dry run needs no key there: it makes one for the run only.
    expect(runCli(['import', example, '--dry-run'], { TRIAGE_CONFIG_DIR: config }).status).toBe(0);
  });

  it.each([
    { lang: 'en', says: 'pseudonym.key in the config folder', fix: 'restore it from a backup' },
    { lang: 'zh', says: '化名密钥文件 pseudonym.key 已损坏', fix: '请从备份恢复' },
  ])('says a damaged key file is damaged ($lang, exit 1), keeps it and writes nothing', ({ lang, says, fix }) => {
    const config = join(s.dir, `damaged-key-${lang}`);
    mkdirSync(config);
    // Cut short (an odd count of hex digits), edited, or longer: none is the key; replacing it would change every
    // pseudonym.
    // Two hex digits more than a key: no longer a shorter key's or a longer one's, every pseudonym would change.
    for (const damaged of ['0123456789abcdef0123456789abcdef0', 'not a key at all', `${'ab'.repeat(32)}ff`]) {
      writeFileSync(join(config, 'pseudonym.key'), `${damaged}\n`);
      const out = join(s.dir, `damaged-out-${lang}`);
      const r = runCli(['import', example, '--out', out, '--lang', lang, '--json'], { TRIAGE_CONFIG_DIR: config });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(says);
      expect(r.stderr).toContain(fix);
      noInternal(r.stderr);
      expect(JSON.parse(r.stdout).error).toMatchObject({ code: 'CLI_CONFIG', exitCode: 1 });
      expect(readFileSync(join(config, 'pseudonym.key'), 'utf8')).toBe(`${damaged}\n`);
      expect(readdirSync(s.dir)).not.toContain(`damaged-out-${lang}`);
    }
  });

  it.skipIf(!posix)('warns when others can read the key (a copy brought as 0644), and leaves its mode alone', () => {
    const config = join(s.dir, 'exposed-key');
    mkdirSync(config);
    const key = join(config, 'pseudonym.key');
    writeFileSync(key, `${'ab'.repeat(32)}\n`, { mode: 0o644 });
    chmodSync(key, 0o644);
    const r = runCli(['import', example, '--out', join(s.dir, 'exposed-out')], { TRIAGE_CONFIG_DIR: config });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`the pseudonym key ${key} can be read by other users of this computer`);
    expect(r.stderr).toContain(`chmod 600 ${key}`);
    expect(statSync(key).mode & 0o777).toBe(0o644);
    chmodSync(key, 0o600);
    const quiet = runCli(['import', example, '--out', join(s.dir, 'exposed-out')], { TRIAGE_CONFIG_DIR: config });
    expect(quiet.stderr).not.toContain('can be read by other users');
  });

  it.skipIf(root || !posix)(
    'says a config folder without write permission cannot hold the key; skipped as root',
    () => {
      const parent = join(s.dir, 'readonly-parent');
      mkdirSync(parent, { mode: 0o500 });
      const r = runCli(['import', example, '--out', join(s.dir, 'ro-out')], {
        TRIAGE_CONFIG_DIR: join(parent, 'triage'),
      });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('(EACCES: not allowed to write there)');
      noInternal(r.stderr);
    },
  );

  /**
   * What an interrupted import leaves (partial files and a journal at a checkpoint), made from a completed import's
   * journal: the same file and options, so `--resume` accepts it and opens the partial files.
   */
  function interrupted(name: string, partials: Readonly<Record<string, string>>, sizes: Record<string, number>) {
    const out = join(s.dir, name);
    expect(runCli(['import', example, '--out', out], env).status).toBe(0);
    const journalPath = join(out, '.triage-import.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
    writeFileSync(journalPath, JSON.stringify({ ...journal, status: 'interrupted', records: 10, sizes }));
    for (const file of ['results.csv', 'results.json', 'errors.csv', 'report.html']) rmSync(join(out, file));
    for (const [file, content] of Object.entries(partials)) writeFileSync(join(out, `${file}.partial`), content);
    return out;
  }

  it.each([
    {
      case: 'a work file shorter than its checkpoint',
      partials: { 'results.csv': 'cut', 'results.json': '', 'errors.csv': '' },
      says: (out: string) =>
        `cannot resume the import in ${out}: its work file ${join(out, 'results.csv.partial')} is shorter than when it was saved`,
    },
    {
      case: 'a work file missing',
      partials: { 'results.json': '', 'errors.csv': '' },
      says: (out: string) =>
        `cannot resume the import in ${out}: its work file ${join(out, 'results.csv.partial')} is missing`,
    },
  ])(
    '--resume with $case says so (exit 2), touches nothing, and a run without --resume starts over',
    ({ case: c, partials, says }) => {
      const out = interrupted(c.replaceAll(' ', '-'), partials, { results: 1000, json: 0, errors: 0 });
      const before = readdirSync(out).map((f) => `${f} ${readFileSync(join(out, f)).length}`);
      const r = runCli(['import', example, '--out', out, '--resume', '--json'], env);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(says(out));
      expect(r.stderr).toContain('run the same command again without --resume to start over');
      expect(JSON.parse(r.stdout).error.code).toBe('CLI_NOTHING_TO_RESUME');
      noInternal(r.stderr);
      expect(readdirSync(out).map((f) => `${f} ${readFileSync(join(out, f)).length}`)).toEqual(before);
      expect(runCli(['import', example, '--out', out], env).status).toBe(0);
    },
  );

  it('--resume after the results were moved into place but one was lost says which work file is missing', () => {
    // A kill while the files were renamed: results.json went back to its partial name, results.csv is gone.
    const out = interrupted('renamed', { 'errors.csv': '' }, { results: 0, json: 0, errors: 0 });
    renameSync(join(out, 'errors.csv.partial'), join(out, 'errors.csv'));
    writeFileSync(join(out, 'results.json'), '');
    const r = runCli(['import', example, '--out', out, '--resume'], env);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`its work file ${join(out, 'results.csv.partial')} is missing`);
  });
});
