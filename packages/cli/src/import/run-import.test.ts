import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultRuleSet } from '@triage/core';
import { getInstrument, instruments } from '@triage/scales';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { readCsv } from '../csv/read-csv.ts';
import { MappingError, runImport } from './run-import.ts';

const dir = mkdtempSync(join(tmpdir(), 'triage-run-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = [
  '学号',
  '姓名',
  '性别',
  '年龄',
  '年级',
  '班级',
  ...Array.from({ length: 7 }, (_, i) => `GAD7_${i + 1}`),
];

/** Cells a real export holds, and the junk a broken one does. */
const cell = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('0', '1', '2', '3', '', ' 2 ', '２', '好几天', '几乎每天') },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '男',
      '女',
      'x',
      '15',
      '15岁',
      'abc',
      '初一',
      '高二',
      '7-3',
      '1.23E+11',
      '合计',
      '平均分：',
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 1, arbitrary: fc.constantFrom('"', '""', 'a,b', 'line\nbreak', '=1+2', '\r') },
);
const row = fc.array(cell, { minLength: 0, maxLength: HEADER.length + 2 });
const csvField = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

const options = (file: string, out: string) => ({
  file,
  out,
  lang: 'en' as const,
  instruments: [],
  ruleSet: defaultRuleSet,
  score: {},
  key: Buffer.alloc(32, 7),
  pseudonymize: false,
  dryRun: false,
  resume: false,
  fingerprint: 'test',
  interrupt: { requested: false },
  note: () => {},
});

describe('runImport on random files', () => {
  it('puts every non-blank data row in exactly one place and never fails on a row', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 25 }), fc.constantFrom('\r\n', '\n'), async (rows, eol) => {
        n++;
        const file = join(dir, `random-${n}.csv`);
        const out = join(dir, `out-${n}`);
        const text = [HEADER, ...rows].map((r) => r.map(csvField).join(',')).join(eol) + eol;
        writeFileSync(file, text);
        const outcome = await runImport(options(file, out), instruments);
        const { rows: total, scored, rejected, summaryRows } = outcome.counts;
        expect(scored + rejected + summaryRows).toBe(total);
        const results = [...readCsv(readFileSync(join(out, 'results.csv'), 'utf8').slice(1), { delimiter: ',' })];
        const errors = [...readCsv(readFileSync(join(out, 'errors.csv'), 'utf8').slice(1), { delimiter: ',' })];
        expect(results.length - 1).toBe(scored);
        expect(errors.length - 1).toBe(rejected + summaryRows);
        const json = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
        expect(json.results).toHaveLength(scored);
        rmSync(out, { recursive: true, force: true });
      }),
      { numRuns: 60, seed: 4 },
    );
  }, 120_000);

  it('on any header (shuffled, columns missing or extra) either maps or says why, never anything else', async () => {
    let n = 0;
    const header = fc.shuffledSubarray([...HEADER, 'Q1', '备注', 'PHQA9', ''], { minLength: 1 });
    await fc.assert(
      fc.asyncProperty(header, fc.array(row, { maxLength: 8 }), async (head, rows) => {
        n++;
        const file = join(dir, `header-${n}.csv`);
        writeFileSync(file, `${[head, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`);
        try {
          const outcome = await runImport({ ...options(file, join(dir, `hout-${n}`)), dryRun: true }, instruments);
          const { scored, rejected, summaryRows, rows } = outcome.counts;
          expect(scored + rejected + summaryRows).toBe(rows);
        } catch (error) {
          expect(error).toBeInstanceOf(MappingError);
        }
      }),
      { numRuns: 80, seed: 5 },
    );
  }, 120_000);
});

describe('runImport decisions table', () => {
  it('lists each distinct decision once, also past the results it keeps shared (thousands of distinct SCL-90s)', async () => {
    const scl90 = getInstrument('scl-90');
    if (!scl90) throw new Error('scl-90');
    // 6,000 students with random 1–5 answers: far more distinct results than are kept shared, so equal decisions
    // also come from facts read the long way, as separate objects.
    let seed = 20261123;
    const next = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed;
    };
    const header = ['学号', '性别', '年龄', ...scl90.items.map((i) => `Q${i.id}`)];
    const lines = [header.join(',')];
    for (let r = 0; r < 6000; r++) {
      const answers = scl90.items.map(() => String(1 + ((next() >>> 8) % 5 === 0 ? (next() >>> 8) % 5 : 0)));
      lines.push([String(2025000000 + r), r % 2 ? '男' : '女', String(12 + (r % 6)), ...answers].join(','));
    }
    const file = join(dir, 'scl90.csv');
    const out = join(dir, 'out-scl90');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const outcome = await runImport({ ...options(file, out), instruments: [scl90] }, instruments);
    expect(outcome.counts.scored).toBe(6000);
    const json = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
    const table = Object.values(json.decisions).map((d) => JSON.stringify(d));
    expect(table.length).toBeGreaterThan(1);
    expect(new Set(table).size).toBe(table.length);
    // Every row points into the table.
    for (const result of json.results) expect(json.decisions[result.decision]).toBeDefined();
  }, 60_000);
});

describe('runImport stopped while its files move to their final names', () => {
  it('leaves an import that --resume completes, with the files a run without the stop writes', async () => {
    const file = join(dir, 'commit.csv');
    const rows = Array.from({ length: 30 }, (_, i) => [
      `2025${String(i).padStart(4, '0')}`,
      '',
      i % 2 ? '男' : '女',
      '13',
      '初一',
      '1班',
      ...[0, 1, 2, 3, 1, 0, 2].map((a) => String((a + i) % 4)),
    ]);
    writeFileSync(file, `${[HEADER, ...rows].map((r) => r.join(',')).join('\n')}\n`);
    const clean = join(dir, 'commit-clean');
    await runImport(options(file, clean), instruments);

    // A folder where errors.csv cannot be written: results.csv and results.json move, then the rename fails, as a
    // kill there would leave it.
    const out = join(dir, 'commit-stopped');
    const stopped = runImport(
      { ...options(file, out), onProgress: () => mkdirSync(join(out, 'errors.csv'), { recursive: true }) },
      instruments,
    );
    await expect(stopped).rejects.toThrow();
    expect(existsSync(join(out, 'results.csv'))).toBe(true);
    expect(existsSync(join(out, 'errors.csv.partial'))).toBe(true);
    rmSync(join(out, 'errors.csv'), { recursive: true });

    const resumed = await runImport({ ...options(file, out), resume: true }, instruments);
    expect(resumed.status).toBe('complete');
    for (const name of ['results.csv', 'results.json', 'errors.csv']) {
      expect(readFileSync(join(out, name), 'utf8')).toBe(readFileSync(join(clean, name), 'utf8'));
      expect(existsSync(join(out, `${name}.partial`))).toBe(false);
    }
  });
});
