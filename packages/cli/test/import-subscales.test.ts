import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCsv } from '../src/csv/read-csv.ts';
import { runCli, scratch } from './run-cli.ts';

/** DASS-21 items by subscale, per the published key (Lovibond & Lovibond 1995). */
const DEPRESSION = [3, 5, 10, 13, 16, 17, 21];
const ANXIETY = [2, 4, 7, 9, 15, 19, 20];

describe('triage import: instruments with subscales', () => {
  const s = scratch();
  afterAll(() => s.done());

  it('writes each subscale score and band to results.csv and results.json', () => {
    const header = ['学号', '性别', '年龄', ...Array.from({ length: 21 }, (_, i) => `DASS-21 ${i + 1}`)];
    // Student 1: every depression item 2 (sum 14, ×2 = 28: extremely severe), anxiety items 1 (7 × 2 = 14:
    // moderate), stress items 0. Student 2: all 0.
    const answers = (depression: number, anxiety: number) =>
      Array.from({ length: 21 }, (_, i) =>
        DEPRESSION.includes(i + 1) ? depression : ANXIETY.includes(i + 1) ? anxiety : 0,
      );
    const file = s.write(
      'dass.csv',
      [header, ['1001', '女', '17', ...answers(2, 1)], ['1002', '男', '17', ...answers(0, 0)]]
        .map((row) => row.join(','))
        .join('\r\n'),
    );
    const out = join(s.dir, 'out');
    const r = runCli(['import', file, '--out', out, '--json', '--no-input'], {
      TRIAGE_CONFIG_DIR: join(s.dir, 'config'),
    });
    expect(r.status).toBe(0);
    const [head, ...rows] = [...readCsv(readFileSync(join(out, 'results.csv'), 'utf8').slice(1), { delimiter: ',' })];
    const columns = head?.fields ?? [];
    const cell = (row: number, column: string) => rows[row]?.fields[columns.indexOf(column)];
    expect(columns).toEqual(
      expect.arrayContaining([
        'dass-21_depression',
        'dass-21_depression_band',
        'dass-21_anxiety',
        'dass-21_anxiety_band',
        'dass-21_stress',
        'dass-21_stress_band',
      ]),
    );
    // Subscales sit between the instrument's band and its flags.
    expect(columns.indexOf('dass-21_band')).toBeLessThan(columns.indexOf('dass-21_depression'));
    expect(columns.indexOf('dass-21_stress_band')).toBeLessThan(columns.indexOf('dass-21_flags'));
    expect([cell(0, 'dass-21_depression'), cell(0, 'dass-21_depression_band')]).toEqual(['28', 'extremely-severe']);
    expect([cell(0, 'dass-21_anxiety'), cell(0, 'dass-21_anxiety_band')]).toEqual(['14', 'moderate']);
    expect([cell(1, 'dass-21_stress'), cell(1, 'dass-21_stress_band')]).toEqual(['0', 'normal']);
    const json = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
    expect(json.results[0].scores['dass-21'].subscales).toEqual({ depression: 28, anxiety: 14, stress: 0 });
  });

  it('writes SCL-90 total mean, positive items, the screen and the factors; MHT its validity', () => {
    const scl = Array.from({ length: 90 }, (_, i) => `SCL-90 ${i + 1}`);
    // 44 items at 2 (positive), 46 at 1: total 134, GSI 134/90, 44 positive items (> 43: screen positive).
    const answers = Array.from({ length: 90 }, (_, i) => (i < 44 ? 2 : 1));
    const file = s.write(
      'scl.csv',
      [
        ['学号', ...scl],
        ['1001', ...answers],
      ]
        .map((r) => r.join(','))
        .join('\r\n'),
    );
    const out = join(s.dir, 'scl');
    const r = runCli(['import', file, '--out', out, '--json', '--no-input'], {
      TRIAGE_CONFIG_DIR: join(s.dir, 'config'),
    });
    expect(r.stderr).not.toContain('Error');
    const [head, row] = [...readCsv(readFileSync(join(out, 'results.csv'), 'utf8').slice(1), { delimiter: ',' })];
    const columns = head?.fields ?? [];
    const cell = (column: string) => row?.fields[columns.indexOf(column)];
    expect(cell('scl-90_total')).toBe('134');
    expect(Number(cell('scl-90_mean'))).toBeCloseTo(134 / 90, 10);
    expect(cell('scl-90_positive_items')).toBe('44');
    expect(cell('scl-90_positive_mean')).toBe('2');
    expect(cell('scl-90_cn-screen')).toBe('true');
    expect(columns.filter((c) => c.startsWith('scl-90_') && c.endsWith('_band'))).toHaveLength(11);
    const json = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')).results[0].scores['scl-90'];
    expect(json).toMatchObject({ total: 134, positiveItems: { count: 44, mean: 2 }, screens: { 'cn-screen': true } });

    const mht = Array.from({ length: 100 }, (_, i) => `MHT ${i + 1}`);
    // Lie items are the even items 82–100: seven of them "yes" invalidates the protocol.
    const lie = Array.from({ length: 100 }, (_, i) => (i + 1 >= 82 && (i + 1) % 2 === 0 && i + 1 <= 94 ? 1 : 0));
    const mhtFile = s.write(
      'mht.csv',
      [
        ['学号', ...mht],
        ['1001', ...lie],
      ]
        .map((x) => x.join(','))
        .join('\r\n'),
    );
    const mhtOut = join(s.dir, 'mht');
    runCli(['import', mhtFile, '--out', mhtOut, '--no-input'], { TRIAGE_CONFIG_DIR: join(s.dir, 'config') });
    const [mhtHead, mhtRow] = [
      ...readCsv(readFileSync(join(mhtOut, 'results.csv'), 'utf8').slice(1), { delimiter: ',' }),
    ];
    expect(mhtRow?.fields[(mhtHead?.fields ?? []).indexOf('mht_valid')]).toBe('false');
  });
});
