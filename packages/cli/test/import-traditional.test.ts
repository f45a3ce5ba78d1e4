import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { readOutputCsv } from './output-csv.ts';
import { runCli, scratch } from './run-cli.ts';

// A screening file from a zh-TW/zh-HK school: traditional characters in the headers and answers (QA round 6, in small).
describe('triage import: traditional Chinese', () => {
  const s = scratch();
  const env = { TRIAGE_CONFIG_DIR: join(s.dir, 'config') };
  afterAll(() => s.done());

  const header = [
    '學號',
    '姓名',
    '性別',
    '年齡',
    '年級',
    '班級',
    ...Array.from({ length: 7 }, (_, i) => `GAD7_${i + 1}`),
  ];
  const answers = ['完全不會', '好幾天', '一半以上的天數', '幾乎每天'];
  const rows = Array.from({ length: 6 }, (_, n) => [
    `2025000${n}`,
    `陳測${n}`,
    n % 2 ? '男' : '女',
    '13歲',
    n < 3 ? '七年級' : '八年級',
    `${1 + (n % 2)}班`,
    ...Array.from({ length: 7 }, (_, i) => answers[(n + i) % 4] as string),
  ]);
  const text = `${[header, ...rows].map((r) => r.join(',')).join('\r\n')}\r\n`;

  it('reads 學號, 性別, 年齡, 年級, 班級 as the person columns and 幾乎每天 … as the options', () => {
    const r = runCli(['import', s.write('trad.csv', text), '--out', join(s.dir, 'utf8')], env);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      'person columns student id (學號), name (姓名), sex (性別), age (年齡), grade (年級), class (班級); 0 other columns ignored',
    );
    expect(r.stderr).not.toMatch(/no student id column|no class column/);
    const results = readOutputCsv(join(s.dir, 'utf8', 'results.csv')).rows;
    expect(results.map((row) => [row.student_id, row.age, row['gad-7_total']])).toEqual(
      rows.map((row) => [row[0], '13', expect.stringMatching(/^\d+$/)]),
    );
    expect(r.stdout).toMatch(/By grade[\s\S]*七年級[\s\S]*八年級/);
  });

  // Excel on zh-TW/zh-HK Windows saves "CSV" in Big5: valid GB18030 too, where it reads as garbage headers.
  it.each([
    ['detected', [], 'Big5 (detected)'],
    ['given with --encoding big5', ['--encoding', 'big5'], 'Big5 (--encoding)'],
  ])('reads a Big5 file, %s', (name, flags, said) => {
    const file = s.write('big5.csv', iconv.encode(text, 'big5'));
    const out = join(s.dir, `big5-${name.length}`);
    const r = runCli(['import', file, ...flags, '--out', out], env);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(`big5.csv: read as ${said}, delimiter ","`);
    expect(r.stderr).toContain('person columns student id (學號), name (姓名), sex (性別), age (年齡)');
    expect(readOutputCsv(join(out, 'results.csv')).rows.map((row) => row.student_id)).toEqual(
      rows.map((row) => row[0]),
    );
  });
});
