import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, scratch } from './run-cli.ts';

// English item headers with their commas (15 commas against 12 tabs in the header line), tab-separated.
const HEADER = [
  'student_id',
  'name',
  'PHQ-A 1. down, depressed, irritable, hopeless',
  'PHQ-A 2. interest, pleasure, fun, joy',
  'PHQ-A 3. sleep, too much, too little, waking',
  'PHQ-A 4. appetite, weight, overeating, dieting',
  'PHQ-A 5. tired, low energy, slow, weak',
  ...['6', '7', '8', '9', 'c', 'd'].map((k) => `PHQ-A ${k}`),
].join('\t');
const ROWS = [
  '780000000011\tCeshi A\t1\t1\t1\t1\t1\t1\t1\t1\t1\t0\t0',
  '780000000012\tCeshi B\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0',
];

describe('triage import: CSV delimiters', () => {
  const s = scratch();
  const env = { TRIAGE_CONFIG_DIR: join(s.dir, 'config') };
  const run = (args: readonly string[]) => runCli(args, env);
  afterAll(() => s.done());

  it.each([
    { name: 'UTF-8', file: 'tab-commas.tsv', bytes: Buffer.from(`${HEADER}\n${ROWS.join('\n')}\n`), encoding: 'UTF-8' },
    {
      name: 'UTF-16LE with BOM ("Unicode text")',
      file: 'tab-commas.txt',
      bytes: Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from(`${HEADER}\r\n${ROWS.join('\r\n')}\r\n`, 'utf16le'),
      ]),
      encoding: 'UTF-16LE BOM',
    },
  ])('reads a tab-separated file whose header text has more commas than tabs: $name', ({ file, bytes, encoding }) => {
    const r = run(['import', s.write(file, bytes), '--out', join(s.dir, `${file}-out`), '--no-input']);
    expect(r.stderr).toContain(`${file}: read as ${encoding} (detected), delimiter tab`);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('2 rows read: 2 scored, 0 rejected');
  });

  it('names the delimiter used and --delimiter when no item column is recognised', () => {
    const file = s.write('semicolons-asked.tsv', `${HEADER}\n${ROWS.join('\n')}\n`);
    const r = run(['import', file, '--out', join(s.dir, 'asked'), '--no-input', '--delimiter', ';']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('no item columns recognised');
    expect(r.stderr).toContain('The columns were split by ";"');
    expect(r.stderr).toContain('--delimiter');
  });

  it('says which named instrument was not found, and no delimiter hint, for a header split into many columns', () => {
    const header = ['学号', '姓名', ...Array.from({ length: 90 }, (_, i) => `S${i + 1}`)].join(',');
    const row = ['20250001', '测试', ...Array.from({ length: 90 }, () => '1')].join(',');
    const file = s.write('scl-unknown-headers.csv', `${header}\n${row}\n`);
    const r = run(['import', file, '--out', join(s.dir, 'scl'), '--no-input', '-i', 'scl-90']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('no column is headed as an item of SCL-90, which --instrument names');
    expect(r.stderr).toContain('SCL90_1');
    expect(r.stderr).not.toContain('were split by');
  });
});
