import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, scratch } from './run-cli.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = join(root, 'packages/cli/bin/run.js');
const OUTPUTS = ['results.csv', 'results.json', 'errors.csv', 'report.html'];

/** Starts the real CLI in the background, as a user's terminal would. */
function start(
  args: readonly string[],
  env: Record<string, string>,
): {
  child: ChildProcess;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
  stderr: () => string;
} {
  const { NODE_ENV: _n, ...inherited } = process.env;
  const child = spawn(process.execPath, [bin, ...args], {
    env: { ...inherited, NO_COLOR: '1', LANG: 'en_US.UTF-8', ...env },
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  child.stdout?.resume();
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal, stderr }));
  });
  return { child, done, stderr: () => stderr };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits (up to a minute) until `ready` holds. */
async function until(ready: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!ready()) {
    if (Date.now() > deadline) throw new Error(`never: ${what}`);
    await sleep(2);
  }
}

const journalOf = (out: string) =>
  JSON.parse(readFileSync(join(out, '.triage-import.json'), 'utf8')) as { status: string; records: number };

/** Waits until the import has written a checkpoint (its journal says how far it got), then returns. */
async function checkpointed(out: string, timeoutMs = 60_000, atLeast = 1): Promise<number> {
  const journal = join(out, '.triage-import.json');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (existsSync(journal)) {
      const j = JSON.parse(readFileSync(journal, 'utf8')) as { status: string; records: number };
      if (j.status === 'running' && j.records >= atLeast) return j.records;
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('no checkpoint');
}

// Both writers: the writer thread (what a large file gets on a machine with two cores) and this thread.
describe.each(['thread', 'local'])(
  'an interrupted import resumes without losing or duplicating rows (%s writer)',
  (writer) => {
    const s = scratch();
    const env = { TRIAGE_CONFIG_DIR: join(s.dir, 'config'), TRIAGE_IMPORT_WRITER: writer };
    const file = join(s.dir, 'district.csv');
    const reference = join(s.dir, 'reference');

    beforeAll(() => {
      // 120,000 synthetic students with some bad rows mixed in: long enough to interrupt mid-file.
      const made = spawnSync(process.execPath, [
        join(root, 'bench/screening-data.mjs'),
        '--rows',
        '120000',
        '--lang',
        'zh',
        '--answers',
        'text',
        '--encoding',
        'gb18030',
        '--out',
        file,
      ]);
      expect(made.status).toBe(0);
      expect(runCli(['import', file, '--out', reference], env).status).toBe(0);
    }, 120_000);
    afterAll(() => s.done());

    const same = (out: string) => {
      for (const name of OUTPUTS)
        expect(readFileSync(join(out, name)).equals(readFileSync(join(reference, name))), name).toBe(true);
    };

    it('after kill -9 mid-file, --resume completes with files identical to an uninterrupted import', async () => {
      const out = join(s.dir, 'killed');
      const run = start(['import', file, '--out', out], env);
      const records = await checkpointed(out);
      run.child.kill('SIGKILL');
      const killed = await run.done;
      expect(killed.signal).toBe('SIGKILL');
      expect(existsSync(join(out, 'results.csv'))).toBe(false);
      expect(records).toBeLessThan(120_000);
      const resumed = runCli(['import', file, '--out', out, '--resume'], env);
      expect(resumed.status).toBe(0);
      expect(resumed.stderr).toMatch(/resuming after [\d,]+ records/);
      same(out);
    }, 120_000);

    // Started the README's way (`npx --yes pnpm@10 triage …`) or through npm's script, the resume command printed is
    // one a fresh clone can run: it has no `triage` on its PATH (QA round 21, 5).
    const launcher =
      writer === 'thread'
        ? {
            prefix: 'npx --yes pnpm@10 triage',
            env: {
              npm_lifecycle_event: 'triage',
              npm_config_user_agent: 'pnpm/10.34.9 npm/? node/v20.20.2 linux x64',
              npm_execpath: '/root/.npm/_npx/a1a38f5f0f780954/node_modules/pnpm/bin/pnpm.cjs',
            },
          }
        : {
            prefix: 'npm run triage --',
            env: { npm_lifecycle_event: 'triage', npm_config_user_agent: 'npm/11.19.1 node/v20.20.2 linux x64' },
          };

    it('Ctrl-C checkpoints and exits 130 with the resume command as it was started; --resume completes identically', async () => {
      const out = join(s.dir, 'interrupted');
      const run = start(['import', file, '--out', out], { ...env, ...launcher.env });
      await checkpointed(out);
      run.child.kill('SIGINT');
      const stopped = await run.done;
      expect(stopped.code).toBe(130);
      expect(stopped.stderr).toContain(`${launcher.prefix} import ${file} --out ${out} --resume`);
      const journal = JSON.parse(readFileSync(join(out, '.triage-import.json'), 'utf8'));
      expect(journal.status).toBe('interrupted');
      // A dry run says where --resume would go on, never that it resumes (QA round 24, 6); it changes nothing.
      const dry = runCli(['import', file, '--out', out, '--resume', '--dry-run'], env);
      expect(dry.stderr).toMatch(/--resume would go on after [\d,]+ records already written; this dry run reads/);
      expect(dry.stderr).not.toContain('resuming after');
      expect(JSON.parse(readFileSync(join(out, '.triage-import.json'), 'utf8'))).toEqual(journal);
      expect(runCli(['import', file, '--out', out, '--resume'], env).status).toBe(0);
      same(out);
    }, 120_000);

    // QA round 18, 1: the checkpoint of a resume interrupted before it caught up said how far it had read, not what
    // the files held: the next resume wrote tens of thousands of rows twice.
    it('Ctrl-C while a resume reads past the rows already written keeps the checkpoint; --resume then completes identically', async () => {
      const out = join(s.dir, 'twice');
      const first = start(['import', file, '--out', out], env);
      // Far into the file, so that the resume has many records to read past before it writes again.
      await checkpointed(out, 60_000, 40_000);
      first.child.kill('SIGINT');
      expect((await first.done).code).toBe(130);
      const saved = journalOf(out).records;
      const again = start(['import', file, '--out', out, '--resume'], env);
      await until(() => again.stderr().includes('resuming after'), 'the resume says where it resumes');
      again.child.kill('SIGINT');
      expect((await again.done).code).toBe(130);
      expect(journalOf(out).records).toBeGreaterThanOrEqual(saved);
      expect(runCli(['import', file, '--out', out, '--resume'], env).status).toBe(0);
      same(out);
    }, 120_000);

    // QA round 18, 2: a run started over with other options and killed before its first checkpoint left the first
    // run's journal over its own partial files; --resume cut them at the old sizes and appended (ids and pseudonyms
    // mixed, rows lost, results.json broken).
    it('a run started over is killed before its first checkpoint: the journal of the run before never vouches for its files', async () => {
      const out = join(s.dir, 'restarted');
      const first = start(['import', file, '--out', out], env);
      await checkpointed(out);
      first.child.kill('SIGINT');
      expect((await first.done).code).toBe(130);
      const fresh = start(['import', file, '--out', out, '--pseudonymize'], env);
      await until(() => !existsSync(join(out, '.triage-import.json')), 'the run started over drops the old journal');
      fresh.child.kill('SIGKILL');
      await fresh.done;
      const resumed = runCli(['import', file, '--out', out, '--resume'], env);
      // Its partial files are vouched for by nothing: the resume starts again (or, killed before it made them, finds
      // nothing to resume); never the first run's journal over them.
      if (resumed.status === 2) {
        expect(resumed.stderr).toMatch(/nothing to resume/);
        expect(runCli(['import', file, '--out', out], env).status).toBe(0);
      } else expect(resumed.status, resumed.stderr).toBe(0);
      same(out);
    }, 120_000);

    // QA round 18, 4: a resume from another account made a new key and wrote its pseudonyms after the old ones.
    it('refuses to resume a --pseudonymize import with another pseudonym key', async () => {
      const out = join(s.dir, 'keyed');
      const first = start(['import', file, '--out', out, '--pseudonymize'], env);
      await checkpointed(out);
      first.child.kill('SIGINT');
      expect((await first.done).code).toBe(130);
      const other = { ...env, TRIAGE_CONFIG_DIR: join(s.dir, 'other-config') };
      const resumed = runCli(['import', file, '--out', out, '--pseudonymize', '--resume'], other);
      expect(resumed.status).toBe(2);
      expect(resumed.stderr).toContain('the pseudonym key changed since');
      expect(runCli(['import', file, '--out', out, '--pseudonymize', '--resume'], env).status).toBe(0);
    }, 120_000);

    // QA round 24, 5: a kill earlier still left only the lock, or one work file: --resume refused ("nothing to
    // resume", exit 2) where all three work files made it start again. Any trace of an import starts it again.
    it.each([
      [
        'only its lock',
        {
          '.triage-import.lock': JSON.stringify({
            pid: 2 ** 22 + 7,
            host: hostname(),
            started: '2026-01-01T00:00:00.000Z',
          }),
        },
      ],
      ['only results.csv.partial', { 'results.csv.partial': 'cut sh' }],
    ])(
      '--resume after a kill that left %s starts again',
      (_, left) => {
        const out = join(s.dir, `early-${Object.keys(left)[0]}`);
        mkdirSync(out);
        for (const [name, text] of Object.entries(left)) writeFileSync(join(out, name), text);
        const resumed = runCli(['import', file, '--out', out, '--resume'], env);
        expect(resumed.status, resumed.stderr).toBe(0);
        expect(resumed.stderr).toContain('stopped before its first checkpoint: starting again from the first record');
        same(out);
      },
      120_000,
    );

    it('--resume after a kill before the first checkpoint (partial files, no journal) starts again', () => {
      const out = join(s.dir, 'early');
      mkdirSync(out);
      // What such a kill leaves: rows in the partial files that no checkpoint vouches for, cut anywhere.
      for (const name of ['results.csv', 'results.json', 'errors.csv'])
        writeFileSync(join(out, `${name}.partial`), 'cut sh');
      const resumed = runCli(['import', file, '--out', out, '--resume'], env);
      expect(resumed.status).toBe(0);
      expect(resumed.stderr).toContain('stopped before its first checkpoint: starting again from the first record');
      same(out);
      expect(readdirSync(out).sort()).toEqual(['.triage-import.json', ...OUTPUTS].sort());
    }, 120_000);

    // A kill while the import completes: the finished files are moved into place and report.html is written, while
    // the journal still says running (its last checkpoint holds every row) until all of it is done.
    it.each([
      ['every file moved, report.html too', ['results.csv', 'results.json', 'errors.csv', 'report.html']],
      ['results.csv moved, the rest not yet', ['results.csv']],
      ['every file moved, report.html half written', ['results.csv', 'results.json', 'errors.csv', 'report.html.tmp']],
    ])(
      '--resume after a kill while completing (%s) ends with every file, report.html included',
      (_, moved) => {
        const out = join(s.dir, `completing-${moved.join('-')}`);
        mkdirSync(out);
        const journal = JSON.parse(readFileSync(join(reference, '.triage-import.json'), 'utf8'));
        const json = readFileSync(join(reference, 'results.json'));
        const sizes = {
          results: readFileSync(join(reference, 'results.csv')).length,
          // The checkpoint before completing is taken before the decisions table and summary close results.json.
          json: json.lastIndexOf('\n],\n"decisions"'),
          errors: readFileSync(join(reference, 'errors.csv')).length,
        };
        expect(sizes.json).toBeGreaterThan(0);
        writeFileSync(join(out, '.triage-import.json'), JSON.stringify({ ...journal, status: 'running', sizes }));
        for (const name of OUTPUTS) {
          const as = moved.includes(name) ? name : name === 'report.html' ? undefined : `${name}.partial`;
          if (as) writeFileSync(join(out, as), readFileSync(join(reference, name)));
        }
        if (moved.includes('report.html.tmp')) writeFileSync(join(out, 'report.html.tmp'), '<!doctype html><ht');
        const resumed = runCli(['import', file, '--out', out, '--resume'], env);
        expect(resumed.status).toBe(0);
        same(out);
        expect(readdirSync(out).sort()).toEqual(['.triage-import.json', ...OUTPUTS].sort());
      },
      120_000,
    );

    // QA round 24, 3: the folder removed while importing gave "internal error: …results.csv.partial: missing".
    it('the output folder removed while importing: said as such, exit 1, never an internal error', async () => {
      const out = join(s.dir, 'removed');
      const run = start(['import', file, '--out', out], env);
      await checkpointed(out);
      rmSync(out, { recursive: true, force: true });
      const ended = await run.done;
      expect(ended.code).toBe(1);
      expect(ended.stderr).toContain(`could not write the results in ${out}: its files were removed`);
      expect(ended.stderr).not.toMatch(/internal error|Please report/);
    }, 120_000);

    it('refuses to resume when there is nothing to resume, or the file changed', () => {
      const done = runCli(['import', file, '--out', reference, '--resume'], env);
      expect(done.status).toBe(2);
      expect(done.stderr).toContain(`nothing to resume: the import in ${reference} is complete`);
    });
  },
);

// A district file stacked class under class, the header again above each, every other class from another template
// (GAD-7 before PHQ-A): a resumed import skips the headers it read before the kill again (they are counted, never
// written) and reads each class by its own header from the same line on, so its counts and files are those of an
// uninterrupted one.
describe('an interrupted import of a stacked file (the header again under each class) resumes with the same counts', () => {
  const s = scratch();
  const env = { TRIAGE_CONFIG_DIR: join(s.dir, 'config') };
  const file = join(s.dir, 'stacked.csv');
  const reference = join(s.dir, 'reference');
  let counts: Record<string, number>;

  beforeAll(() => {
    const base = join(s.dir, 'base.csv');
    const made = spawnSync(process.execPath, [
      join(root, 'bench/screening-data.mjs'),
      ...['--rows', '120000', '--lang', 'zh', '--answers', 'text', '--line-ending', 'lf', '--out', base],
    ]);
    expect(made.status).toBe(0);
    // The header again after every 40 students (one class each), as a grade exported class by class; odd classes
    // with the 7 GAD-7 columns (the last) before PHQ-A's (after the 6 person columns).
    const [header = '', ...students] = readFileSync(base, 'utf8').trimEnd().split('\n');
    const gadFirst = (line: string) => {
      const cells = line.split(',');
      return [...cells.slice(0, 6), ...cells.slice(-7), ...cells.slice(6, -7)].join(',');
    };
    const lines = students.flatMap((line, i) => {
      const odd = Math.floor(i / 40) % 2 === 1;
      const row = odd ? gadFirst(line) : line;
      return i > 0 && i % 40 === 0 ? [odd ? gadFirst(header) : header, row] : [row];
    });
    writeFileSync(file, `${[header, ...lines].join('\n')}\n`);
    const r = runCli(['import', file, '--out', reference, '--json'], env);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('a header in another layout on line 42');
    counts = JSON.parse(r.stdout).counts;
    expect(counts).toMatchObject({ rows: 120_000, rejected: 0, headerRows: 2999 });
    // Every student read as in the file without classes stacked: the same results but for the line numbers.
    const flat = join(s.dir, 'flat');
    expect(runCli(['import', base, '--out', flat], env).status).toBe(0);
    const withoutLine = (dir: string) =>
      readFileSync(join(dir, 'results.csv'), 'utf8')
        .split('\n')
        .map((row) => row.slice(row.indexOf(',')));
    expect(withoutLine(reference)).toEqual(withoutLine(flat));
  }, 120_000);
  afterAll(() => s.done());

  // QA round 18, 5: a file cut short (or saved over) while it was read gave half the rows, recorded under the hash of
  // the whole file.
  it('fails when the file changes while it is read, and keeps no result', async () => {
    const copy = join(s.dir, 'changing.csv');
    copyFileSync(file, copy);
    const out = join(s.dir, 'changing');
    const run = start(['import', copy, '--out', out], env);
    await checkpointed(out);
    truncateSync(copy, Math.floor(statSync(copy).size / 2));
    const done = await run.done;
    expect(done.code).toBe(1);
    expect(done.stderr).toContain('changing.csv changed while it was read');
    expect(existsSync(join(out, 'results.csv'))).toBe(false);
    expect(existsSync(join(out, '.triage-import.json'))).toBe(false);
  }, 120_000);

  it('after kill -9 mid-file, --resume completes with the same counts and identical files', async () => {
    const out = join(s.dir, 'killed');
    const run = start(['import', file, '--out', out], env);
    const records = await checkpointed(out);
    run.child.kill('SIGKILL');
    expect((await run.done).signal).toBe('SIGKILL');
    expect(records).toBeLessThan(122_999);
    const resumed = runCli(['import', file, '--out', out, '--resume', '--json'], env);
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(resumed.stderr).toMatch(/resuming after [\d,]+ records/);
    expect(JSON.parse(resumed.stdout).counts).toEqual(counts);
    for (const name of OUTPUTS)
      expect(readFileSync(join(out, name)).equals(readFileSync(join(reference, name))), name).toBe(true);
    expect(readFileSync(join(out, 'errors.csv'), 'utf8').trimEnd().split('\n')).toHaveLength(1);
  }, 120_000);
});
