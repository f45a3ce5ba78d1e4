import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsv } from '../src/csv/read-csv.ts';
import { type CliRun, runCli, scratch } from './run-cli.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = join(root, 'packages/cli/bin/run.js');
const examples = join(root, 'examples/screenings');
const OUTPUTS = ['results.csv', 'results.json', 'errors.csv', 'report.html'];
type Writer = 'thread' | 'local';
const WRITERS: readonly Writer[] = ['thread', 'local'];

/** Every example screening, as a user would import it, and how the import ends. */
const EXAMPLES = [
  { file: 'class-40.en.csv', args: [], status: 0 },
  { file: 'class-40.zh.gb18030.csv', args: ['--lang', 'zh'], status: 0 },
  { file: 'grade-7.xlsx', args: [], status: 0 },
  { file: 'messy.csv', args: [], status: 3 },
  { file: 'wjx-phqa.csv', args: ['--instrument', 'phq-a'], status: 0 },
] as const;

/** Synthetic screening rows: `node bench/screening-data.mjs`, Chinese headers, answers as option labels. */
function makeScreening(path: string, rows: number): void {
  const out = spawnSync(
    process.execPath,
    [
      join(root, 'bench/screening-data.mjs'),
      '--rows',
      String(rows),
      '--lang',
      'zh',
      '--answers',
      'text',
      '--out',
      path,
    ],
    { timeout: 60_000 },
  );
  expect(out.status).toBe(0);
  // Every 1000th student answers GAD-7 item 7 with a word that is no option: rejected rows in errors.csv too.
  const lines = readFileSync(path, 'utf8').split('\r\n');
  for (let i = 1000; i < lines.length - 1; i += 1000) lines[i] = lines[i]?.replace(/,[^,]*$/, ',sometimes') ?? '';
  writeFileSync(path, lines.join('\r\n'));
}

/** What must never reach the terminal: the students' names, ids and answers in `file`. */
function privateValues(path: string): string[] {
  const [, ...records] = [...readCsv(readFileSync(path, 'utf8'), { delimiter: ',' })];
  const values = new Set<string>();
  for (const { fields } of records) {
    if (fields.length < 7) continue;
    values.add(fields[0] ?? ''); // student id
    values.add(fields[1] ?? ''); // name
    for (const answer of fields.slice(6)) if (/\D/.test(answer)) values.add(answer); // option labels
  }
  values.delete('');
  return [...values];
}

const leaked = (text: string, values: readonly string[]) => values.filter((v) => text.includes(v));

describe('triage import writes the same bytes with the writer thread as without it', () => {
  const s = scratch();
  const config = join(s.dir, 'config');
  // Counts the writer threads a CLI run starts (Node's process 'worker' event), into the file the env names.
  const preload = s.write(
    'count-workers.mjs',
    `import { appendFileSync } from 'node:fs';
process.on('worker', () => appendFileSync(process.env.TRIAGE_TEST_WORKER_LOG, 'worker\\n'));
`,
  );
  const big = join(s.dir, 'district.csv');
  /** An uninterrupted import of `big` in this thread. */
  const reference = join(s.dir, 'district.reference');
  let runs = 0;

  /** Environment of a CLI run: one pseudonym key for all, the writer asked for (or the default), threads counted. */
  function envFor(writer: Writer | undefined): { env: Record<string, string>; threads: () => number } {
    const log = join(s.dir, `run-${++runs}.workers`);
    const env: Record<string, string> = {
      TRIAGE_CONFIG_DIR: config,
      TRIAGE_TEST_WORKER_LOG: log,
      NODE_OPTIONS: [process.env.NODE_OPTIONS, `--import=${pathToFileURL(preload).href}`].filter(Boolean).join(' '),
      ...(writer ? { TRIAGE_IMPORT_WRITER: writer } : {}),
    };
    const threads = () => (existsSync(log) ? readFileSync(log, 'utf8').split('\n').length - 1 : 0);
    return { env, threads };
  }

  function importWith(writer: Writer | undefined, args: readonly string[]): CliRun & { threads: number } {
    const { env, threads } = envFor(writer);
    const run = runCli(['import', ...args], env);
    return { ...run, threads: threads() };
  }

  /** The CLI under `ulimit -f blocks` (1024-byte blocks), SIGXFSZ ignored: writes past the limit fail with EFBIG. */
  function importLimited(
    writer: Writer,
    blocks: number,
    args: readonly string[],
  ): CliRun & { signal: NodeJS.Signals | null; threads: number } {
    const { env, threads } = envFor(writer);
    const { NODE_ENV: _n, LC_ALL: _l, LC_MESSAGES: _m, ...inherited } = process.env;
    const result = spawnSync(
      'bash',
      ['-c', `trap '' XFSZ; ulimit -f ${blocks}; exec "$@"`, 'bash', process.execPath, bin, 'import', ...args],
      { encoding: 'utf8', env: { ...inherited, NO_COLOR: '1', LANG: 'en_US.UTF-8', ...env }, timeout: 60_000 },
    );
    // A run that hangs is killed at the timeout: then `signal` says so (asserted by the tests).
    if (result.error && result.signal === null) throw result.error;
    return {
      status: result.status,
      signal: result.signal,
      stdout: result.stdout,
      stderr: result.stderr,
      threads: threads(),
    };
  }

  const same = (out: string, reference: string) => {
    for (const name of OUTPUTS) {
      expect(readFileSync(join(out, name)).equals(readFileSync(join(reference, name))), name).toBe(true);
    }
  };

  beforeAll(() => {
    // The pseudonym key, made once: every run below uses it (and none says it made one).
    expect(
      runCli(['import', join(examples, 'class-40.en.csv'), '--out', join(s.dir, 'key')], {
        TRIAGE_CONFIG_DIR: config,
      }).status,
    ).toBe(0);
    makeScreening(big, 30_000);
    expect(statSync(big).size).toBeGreaterThan(4 << 20);
    expect(importWith('local', [big, '--out', reference]).status).toBe(3);
  }, 120_000);
  afterAll(() => s.done());

  it('the examples tested here are every file in examples/screenings', () => {
    const files = readdirSync(examples).filter((name) => !name.endsWith('.md'));
    expect(files.sort()).toEqual(EXAMPLES.map((e) => e.file).sort());
  });

  const cases = EXAMPLES.flatMap((e) => [
    { ...e, flags: [] as string[], name: e.file },
    { ...e, flags: ['--pseudonymize'], name: `${e.file} --pseudonymize` },
  ]);

  it.each(cases)(
    '$name: thread and local give the same files, messages and summary',
    ({ file, args, flags, status }) => {
      const out = (writer: Writer) => join(s.dir, `${file}${flags.join('')}.${writer}`);
      const thread = importWith('thread', [join(examples, file), '--out', out('thread'), ...args, ...flags]);
      const local = importWith('local', [join(examples, file), '--out', out('local'), ...args, ...flags]);
      // The thread was asked for and did run; local started none.
      expect(thread.threads).toBe(1);
      expect(local.threads).toBe(0);
      expect(local.status).toBe(status);
      expect(thread.status).toBe(local.status);
      expect(thread.stderr).toBe(local.stderr);
      expect(thread.stdout.replaceAll(out('thread'), 'OUT')).toBe(local.stdout.replaceAll(out('local'), 'OUT'));
      same(out('thread'), out('local'));
      if (flags.includes('--pseudonymize')) {
        expect(readFileSync(join(out('local'), 'results.csv'), 'utf8')).toMatch(/P-[0-9a-f]{16}/);
      }
    },
  );

  it.each([
    { name: '30,000 synthetic rows', flags: [] as string[] },
    { name: '30,000 synthetic rows --pseudonymize', flags: ['--pseudonymize'] },
  ])(
    '$name: thread and local give the same files',
    ({ flags }) => {
      const out = (writer: Writer) => join(s.dir, `district${flags.join('')}.${writer}`);
      const thread = importWith('thread', [big, '--out', out('thread'), ...flags]);
      const local = importWith('local', [big, '--out', out('local'), ...flags]);
      expect(thread.threads).toBe(1);
      expect(local.threads).toBe(0);
      expect(local.status).toBe(3);
      expect(thread.status).toBe(3);
      expect(local.stdout).toMatch(/30,?000 rows read: 29,?970 scored, 30 rejected/);
      expect(thread.stderr).toBe(local.stderr);
      expect(thread.stdout.replaceAll(out('thread'), 'OUT')).toBe(local.stdout.replaceAll(out('local'), 'OUT'));
      same(out('thread'), out('local'));
    },
    60_000,
  );

  it('without TRIAGE_IMPORT_WRITER, a file of 4 MB or more gets the thread when there is a second core; a small one never', () => {
    const large = importWith(undefined, [big, '--out', join(s.dir, 'district.default')]);
    expect(large.status).toBe(3);
    expect(large.threads).toBe(availableParallelism() > 1 ? 1 : 0);
    same(join(s.dir, 'district.default'), reference);
    const small = importWith(undefined, [join(examples, 'messy.csv'), '--out', join(s.dir, 'messy.default')]);
    expect(small.status).toBe(3);
    expect(small.threads).toBe(0);
  }, 60_000);

  describe('a write that fails mid-file (EFBIG past ulimit -f)', () => {
    /** results.json of the 30,000 rows is ~17 MB: writes fail a quarter of the way in (no 50,000-record checkpoint). */
    const BLOCKS = 4096;

    it.each(WRITERS)(
      '%s writer: exits 1 naming EFBIG, no data on the terminal; running it again gives the reference files',
      (writer) => {
        const out = join(s.dir, `efbig.${writer}`);
        expect(statSync(join(reference, 'results.json')).size).toBeGreaterThan(3 * BLOCKS * 1024);
        const failed = importLimited(writer, BLOCKS, [big, '--out', out]);
        // Ended by itself (spawnSync's timeout would have killed it with a signal), as a failed import.
        expect(failed.signal, 'the import hung and was killed').toBeNull();
        expect(failed.status).toBe(1);
        expect(failed.threads).toBe(writer === 'thread' ? 1 : 0);
        // Said as a write failure with what to do, not as an internal error: run again, or resume when a checkpoint
        // was taken (every 2 s: a loaded machine may take one before the limit is reached).
        const journal = join(out, '.triage-import.json');
        const checkpointed = existsSync(journal) && JSON.parse(readFileSync(journal, 'utf8')).records > 0;
        expect(failed.stderr).toContain(
          `could not write the results in ${out}: a file grew past the size this system allows (EFBIG). ` +
            'Nothing already saved is lost; write where larger files are allowed (a FAT32 drive stops at 4 GB; a limit set by ulimit -f, at that), then ' +
            (checkpointed ? `resume with: triage import ${big} --out ${out} --resume` : 'run the same command again'),
        );
        expect(failed.stderr).not.toContain('internal error');
        expect(leaked(failed.stdout + failed.stderr, privateValues(big))).toEqual([]);
        // Nothing looks like a finished import; the files stopped at the limit.
        for (const name of OUTPUTS) expect(existsSync(join(out, name)), name).toBe(false);
        const partial = statSync(join(out, 'results.json.partial')).size;
        expect(partial).toBeGreaterThan(0);
        expect(partial).toBeLessThanOrEqual(BLOCKS * 1024);

        // What the user can do: the same command again, now with room.
        const again = importWith(writer, [big, '--out', out]);
        expect(again.status).toBe(3);
        expect(leaked(again.stdout + again.stderr, privateValues(big))).toEqual([]);
        same(out, reference);
      },
      120_000,
    );

    describe('after a checkpoint', () => {
      const file = join(s.dir, 'city.csv');
      const cityReference = join(s.dir, 'city.reference');
      /** results.json of 80,000 rows is ~46 MB, ~28 MB at the checkpoint after 50,000 records. */
      const LATE_BLOCKS = 36 * 1024;

      beforeAll(() => {
        makeScreening(file, 80_000);
        expect(importWith('local', [file, '--out', cityReference]).status).toBe(3);
      }, 120_000);

      it.each(WRITERS)(
        '%s writer: --resume goes on from the last checkpoint to the reference files',
        (writer) => {
          const out = join(s.dir, `city.${writer}`);
          const failed = importLimited(writer, LATE_BLOCKS, [file, '--out', out]);
          expect(failed.signal, 'the import hung and was killed').toBeNull();
          expect(failed.status).toBe(1);
          expect(failed.threads).toBe(writer === 'thread' ? 1 : 0);
          expect(failed.stderr).toContain(
            `(EFBIG). Nothing already saved is lost; write where larger files are allowed (a FAT32 drive stops at 4 GB; a limit set by ulimit -f, at that), then resume with: `,
          );
          expect(failed.stderr).toContain(`triage import ${file} --out ${out} --resume`);
          const values = privateValues(file);
          expect(leaked(failed.stdout + failed.stderr, values)).toEqual([]);
          for (const name of OUTPUTS) expect(existsSync(join(out, name)), name).toBe(false);
          const journal = JSON.parse(readFileSync(join(out, '.triage-import.json'), 'utf8'));
          expect(journal.status).toBe('running');
          expect(journal.records).toBeGreaterThan(0);
          expect(journal.records).toBeLessThan(80_000);
          // The checkpoint is within what reached the disk.
          expect(statSync(join(out, 'results.json.partial')).size).toBeGreaterThanOrEqual(journal.sizes.json);

          const resumed = importWith(writer, [file, '--out', out, '--resume']);
          expect(resumed.status).toBe(3);
          const after = /resuming after ([\d,]+) records/.exec(resumed.stderr)?.[1]?.replaceAll(',', '');
          expect(Number(after)).toBe(journal.records);
          expect(leaked(resumed.stdout + resumed.stderr, values)).toEqual([]);
          same(out, cityReference);
        },
        120_000,
      );
    });
  });
});
