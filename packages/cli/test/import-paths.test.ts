import { copyFileSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, scratch } from './run-cli.ts';

const example = fileURLToPath(new URL('../../../examples/screenings/class-40.en.csv', import.meta.url));

/**
 * Paths a user can get wrong: each is said as such (exit 1 or 2), never an internal error, a hang or lost data; and what
 * a file's cells hold never acts on the terminal.
 */
describe('triage import: input and output paths', () => {
  const s = scratch();
  const run = (args: readonly string[]) => runCli(args, { TRIAGE_CONFIG_DIR: join(s.dir, 'config') });
  afterAll(() => s.done());

  it.each(['results.csv', 'errors.csv', 'results.json'])(
    'refuses an input named %s inside the --out folder, and leaves it as it was',
    (name) => {
      const folder = join(s.dir, `own-${name}`);
      mkdirSync(folder);
      const input = join(folder, name);
      copyFileSync(example, input);
      const r = run(['import', input, '--out', folder, '--no-input']);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(`the file to import is ${name} in this folder, a name the import writes`);
      expect(readFileSync(input)).toEqual(readFileSync(example));
    },
  );

  // QA round 21, 9: a file name with a space, unquoted, got a hint about `score --answers`.
  it('a file name split at a space: the hint quotes a file name, not --answers', () => {
    const r = run(['import', '初一', '1班.csv', '--lang', 'zh']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe('错误：多出 1 个参数；含空格的值请加引号，例如 "初一 1班.csv"');
  });

  it('says a folder given as the input is a folder', () => {
    const folder = join(s.dir, 'a-folder.csv');
    mkdirSync(folder);
    const r = run(['import', folder, '--no-input']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('a-folder.csv: is a folder; expected a CSV or .xlsx file');
    expect(r.stderr).not.toMatch(/internal error|EISDIR/);
  });

  it('says an --out that is a file is a file', () => {
    const file = join(s.dir, 'not-a-folder.txt');
    writeFileSync(file, 'x');
    const r = run(['import', example, '--out', file, '--no-input']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('is a file; expected a folder for the results');
    expect(readFileSync(file, 'utf8')).toBe('x');
  });

  it('says an --out under a link to a folder that is not there (a drive not connected) cannot be created', () => {
    const link = join(s.dir, 'usb');
    symlinkSync(join(s.dir, 'not-mounted'), link);
    const r = run(['import', example, '--out', join(link, 'out'), '--no-input']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`could not create the folder ${join(link, 'out')} (EEXIST`);
    expect(r.stderr).not.toMatch(/internal error/);
  });

  it('prints no control character a cell holds (a class name with an escape sequence) to the terminal', () => {
    const esc = String.fromCharCode(27);
    const lines = readFileSync(example, 'utf8').split('\n');
    const file = join(s.dir, 'escape.csv');
    writeFileSync(file, lines.map((l, i) => (i === 0 ? l : l.replace(',7-1', `,7-1${esc}[2J\u0007`))).join('\n'));
    const r = run(['import', file, '--out', join(s.dir, 'escape'), '--no-input']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('line 6   7-1\uFFFD[2J\uFFFD');
    const printed = r.stdout + r.stderr;
    expect(printed.includes(esc) || printed.includes('\u0007')).toBe(false);
  });

  it.each([
    ['NO_COLOR', { NO_COLOR: '1' }],
    ['FORCE_COLOR', { FORCE_COLOR: '1' }],
  ])('passes no colour code a cell holds (%s): concealed text would hide the students listed after it', (name, env) => {
    const esc = String.fromCharCode(27);
    const lines = readFileSync(example, 'utf8').split('\n');
    const file = join(s.dir, 'conceal.csv');
    writeFileSync(file, lines.map((l, i) => (i === 0 ? l : l.replace(',7-1', `,7-1${esc}[8;30;40m`))).join('\n'));
    const env0 = { TRIAGE_CONFIG_DIR: join(s.dir, 'config'), ...env };
    const r = runCli(['import', file, '--out', join(s.dir, `conceal-${name}`), '--no-input'], env0);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('7-1\uFFFD[8;30;40m');
    expect(`${r.stdout}${r.stderr}`).not.toContain(`${esc}[8`);
  });

  it.skipIf(!existsSync('/proc/self'))('returns on an --out under /proc instead of retrying mkdir forever', () => {
    const r = run(['import', example, '--out', '/proc/triage-out', '--no-input']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('could not create the folder /proc/triage-out');
  });
});
