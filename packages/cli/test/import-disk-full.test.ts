import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, scratch } from './run-cli.ts';

const example = fileURLToPath(new URL('../../../examples/screenings/class-40.en.csv', import.meta.url));
const PAGE = 4096;
const STREAMED = ['results.csv', 'results.json', 'errors.csv', '.triage-import.json'];

// A real full disk: a small tmpfs (needs root, as CI and this project's machines run; elsewhere these are skipped).
const s = scratch();
const disk = join(s.dir, 'disk');
mkdirSync(disk);
const mount = (size: number, remount = false) =>
  spawnSync('mount', ['-t', 'tmpfs', '-o', `${remount ? 'remount,' : ''}size=${size}`, 'tmpfs', disk]).status === 0;
const canMount = process.platform === 'linux' && process.getuid?.() === 0 && mount(PAGE);
if (canMount) spawnSync('umount', [disk]);

describe.skipIf(!canMount)('an import onto a full disk (tmpfs)', () => {
  const env = { TRIAGE_CONFIG_DIR: join(s.dir, 'config') };
  const reference = join(s.dir, 'reference');
  const out = join(disk, 'out');
  const same = (names: readonly string[]) => {
    for (const name of names)
      expect(readFileSync(join(out, name)).equals(readFileSync(join(reference, name))), name).toBe(true);
  };
  // tmpfs counts whole pages: what the result files (and the journal, written beside itself then renamed) take.
  let resultPages = 0;

  beforeAll(() => {
    expect(runCli(['import', example, '--out', reference, '--no-input'], env).status).toBe(0);
    for (const name of STREAMED) resultPages += Math.ceil(statSync(join(reference, name)).size / PAGE);
    // The report takes more than the two pages left over below, or the test says nothing.
    expect(statSync(join(reference, 'report.html')).size).toBeGreaterThan(2 * PAGE);
  });
  afterAll(() => {
    spawnSync('umount', [disk]);
    s.done();
  });

  it('full while writing rows: a clear error, then --resume with room completes identically', () => {
    expect(mount(8 * PAGE)).toBe(true);
    try {
      const full = runCli(['import', example, '--out', out, '--no-input'], env);
      expect(full.status).toBe(1);
      expect(full.stderr).toContain(`could not write the results in ${out}: the disk is full (ENOSPC)`);
      expect(full.stderr).not.toMatch(/internal error/);
      expect(mount(64 * PAGE + resultPages * PAGE, true)).toBe(true);
      const resumed = runCli(['import', example, '--out', out, '--no-input', '--resume'], env);
      expect(resumed.status).toBe(0);
      same(['results.csv', 'results.json', 'errors.csv', 'report.html']);
    } finally {
      spawnSync('umount', [disk]);
    }
  });

  it('full while writing report.html: said as such, no half report, then --resume completes identically', () => {
    expect(mount((resultPages + 3) * PAGE)).toBe(true);
    try {
      const full = runCli(['import', example, '--out', out, '--no-input'], env);
      expect(full.status).toBe(1);
      expect(full.stderr).toContain(`could not write report.html in ${out}: the disk is full (ENOSPC)`);
      expect(full.stderr).toContain('resume with: ');
      // An import is complete with its report or not at all: its journal still says running, so --resume ends it.
      expect(readdirSync(out).sort()).toEqual([...STREAMED].sort());
      expect(JSON.parse(readFileSync(join(out, '.triage-import.json'), 'utf8')).status).toBe('running');
      expect(mount(64 * PAGE + resultPages * PAGE, true)).toBe(true);
      const resumed = runCli(['import', example, '--out', out, '--no-input', '--resume'], env);
      expect(resumed.status).toBe(0);
      same(['results.csv', 'results.json', 'errors.csv', 'report.html']);
    } finally {
      spawnSync('umount', [disk]);
    }
  });
});
