import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, scratch } from './run-cli.ts';

// QA's duplicate-header repros, in small, through the built CLI.
describe('triage import: the same header twice', () => {
  const s = scratch();
  const env = { TRIAGE_CONFIG_DIR: join(s.dir, 'config') };
  afterAll(() => s.done());

  const numbers = (n: number) => Array.from({ length: n }, (_, i) => String(i + 1));
  const person = ['student_id', 'name', 'sex', 'age', 'grade', 'class'];
  const phqA = [...numbers(9).map((i) => `PHQA${i}`), 'PHQA_a', 'PHQA_b', 'PHQA_c', 'PHQA_d'];
  const gad7 = numbers(7).map((i) => `GAD7_${i}`);
  const students = [
    ['202501110001', 'Guo Xiaojiu', 'F', '13', '7', '7-1', ...Array(20).fill('0')],
    ['202501110002', 'Zhao Qi', 'M', '12', '7', '7-1', ...'31312332002001000010'.split('')],
  ];
  /** A CSV of this header and the students, each with `extra` after their answers. */
  const csv = (name: string, header: readonly string[], extra: readonly string[] = []) =>
    s.write(name, [header, ...students.map((r) => [...r, ...extra])].map((r) => r.join(',')).join('\n'));
  const run = (file: string, flags: readonly string[] = []) =>
    runCli(['import', file, ...flags, '--no-input', '--out', join(s.dir, `${file}.out`)], env);

  it.each([
    ['PHQA9', 'PHQ-A item 9', '15 (PHQA9) and 27 (PHQA9)'],
    ['GAD7_1', 'GAD-7 item 1', '20 (GAD7_1) and 27 (GAD7_1)'],
  ])('two %s columns are a duplicate item, not a row of answers', (twice, item, columns) => {
    const r = run(csv(`dup-${twice}.csv`, [...person, ...phqA, ...gad7, twice], ['2']));
    expect(r.status).not.toBe(0);
    expect(r.stderr).not.toContain('looks like answers');
    expect(r.stderr).toContain(`columns ${columns} all hold ${item}`);
  });

  it('two sex columns are a repeated person field, and no student row is read as a second header row', () => {
    const r = run(csv('dup-sex.csv', [...person, ...phqA, ...gad7, 'sex'], ['F']));
    expect(r.status).not.toBe(0);
    expect(r.stderr).not.toContain('read as one');
    expect(r.stderr).not.toContain('group name');
    expect(r.stderr).toContain('columns 3 (sex) and 27 (sex) all look like the sex column');
  });

  it('a platform file numbered straight through, with -i phq-a: one header row, no group names', () => {
    const header = [
      ...['序号', '提交答卷时间', '所用时间', '来源', '来源详情', '来自IP', '1、你的学号：', '2、你的姓名：'],
      ...['3、性别：', '4、年龄：', '5、年级：', '6、班级：', '7、你是否住校？', '8、你是否独生子女？'],
      ...['9、情绪低落、烦躁或绝望', '10、兴趣减退', '11、睡眠问题', '12、食欲不振', '13、疲乏无力', '14、自我评价低'],
      ...[
        '15、注意力难以集中',
        '16、动作迟缓或烦躁不安',
        '17、死亡或自伤念头',
        'PHQ-A a',
        'PHQ-A b',
        'PHQ-A c',
        'PHQ-A d',
      ],
    ];
    const student = [
      ...['1', '2025/9/11 10:01:00', '101秒', '手机提交', 'N/A', '10.0.0.1', '202501110001', 'Guo Xiaojiu'],
      ...['女', '13', '初一', '初一(1)班', '1', '1', ...Array(13).fill('0')],
    ];
    const file = s.write('wjx.csv', [header, student, student].map((r) => r.join(',')).join('\n'));
    const r = run(file, ['-i', 'phq-a']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).not.toContain('read as one');
    expect(r.stderr).not.toContain('group name');
    expect(r.stderr).not.toContain('202501110001');
  });

  it('says how to skip one of two columns by position, and a mapping file that does imports', () => {
    const file = csv('dup-sex-map.csv', [...person, ...phqA, ...gad7, 'sex'], ['F']);
    const r = run(file);
    expect(r.stderr).toContain('"column 27": ignore (column AA in Excel)');
    const map = s.write('dup-sex.map.yaml', 'columns:\n  "column 27": ignore\n');
    const mapped = run(file, ['--map', map]);
    expect(mapped.status).toBe(0);
    expect(mapped.stderr).toContain('sex (sex), age (age), grade (grade), class (class); 1 other column ignored');
  });

  it('reads PHQ-A and GAD-7 both headed Q1 … by a mapping file naming the second run by position', () => {
    const q = (n: number) => numbers(n).map((i) => `Q${i}`);
    const file = csv('two-runs.csv', [...person, ...q(9), 'PHQA_a', 'PHQA_b', 'PHQA_c', 'PHQA_d', ...q(7)]);
    const lines = [
      'instruments: [phq-a, gad-7]',
      'columns:',
      ...numbers(9).map((i) => `  Q${i}: phq-a.${i}`),
      ...numbers(7).map((i) => `  column ${19 + Number(i)}: gad-7.${i}`),
    ];
    const r = run(file, ['--map', s.write('two-runs.map.yaml', `${lines.join('\n')}\n`)]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('two-runs.csv: PHQ-A + GAD-7; person columns');
  });

  it('a position past the last column is said, with the width', () => {
    const file = csv('narrow.csv', [...person, ...phqA, ...gad7]);
    const r = run(file, ['--map', s.write('past.map.yaml', 'columns:\n  column 40: ignore\n')]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('the --map file names column 40, but the header has 26 columns');
  });

  it('reads PHQ-A as Q1 … Q9 and GAD-7 as Q1 … Q7 by itself when both are named, in either order', () => {
    const q = (n: number) => numbers(n).map((i) => `Q${i}`);
    const file = csv('two-runs-auto.csv', [...person, ...q(9), 'PHQA_a', 'PHQA_b', 'PHQA_c', 'PHQA_d', ...q(7)]);
    for (const flags of [
      ['-i', 'phq-a', '-i', 'gad-7'],
      ['-i', 'gad-7,phq-a'],
    ]) {
      const r = run(file, flags);
      expect(r.status).toBe(0);
      expect(r.stderr).toMatch(/two-runs-auto.csv: (PHQ-A \+ GAD-7|GAD-7 \+ PHQ-A); person columns/);
    }
  });

  it('a 问卷星 file numbering its demographics 1 … 7, then PHQ-A 1 … 9: the run of 9 is PHQ-A, 住校 is ignored', () => {
    const header = [
      ...['1、你的学号：', '2、你的姓名：', '3、性别：', '4、年龄：', '5、年级：', '6、班级：', '7、你是否住校？'],
      ...['1、情绪低落、烦躁或绝望', '2、兴趣减退', '3、睡眠问题', '4、食欲不振', '5、疲乏无力', '6、自我评价低'],
      ...[
        '7、注意力难以集中',
        '8、动作迟缓或烦躁不安',
        '9、死亡或自伤念头',
        'PHQ-A a',
        'PHQ-A b',
        'PHQ-A c',
        'PHQ-A d',
      ],
    ];
    // 住校 "2" would add 2 to item 7 if it were read: the total of 3,1,3,1,2,3,3,2,0 is 18 only without it.
    const student = [
      '202501110002',
      'Zhao Qi',
      '男',
      '12',
      '初一',
      '初一(1)班',
      '2',
      ...'313123320'.split(''),
      '0',
      '0',
      '0',
      '0',
    ];
    for (const [name, flags] of [
      ['wjx-q7.csv', []],
      ['wjx-q7-i.csv', ['-i', 'phq-a']],
    ] as const) {
      const file = s.write(name, [header, student].map((r) => r.join(',')).join('\n'));
      const r = run(file, flags);
      expect(r.stderr).not.toContain('all hold');
      expect(r.status).toBe(0);
      expect(r.stderr).toContain(`${name}: PHQ-A; person columns`);
      expect(r.stderr).toContain('1 other column ignored');
      expect(readFileSync(join(s.dir, `${file}.out`, 'results.csv'), 'utf8')).toMatch(/,18,moderately-severe,/);
    }
  });

  it('two runs of Q-numbers and no --instrument: one message naming both runs and the --instrument that reads them', () => {
    const q = (n: number) => numbers(n).map((i) => `Q${i}`);
    const rows = [
      ['学号', '姓名', ...q(9), ...q(7)],
      ['202501110001', 'Guo Xiaojiu', ...Array(16).fill('1')],
    ];
    const file = s.write('two-unnamed.csv', rows.map((r) => r.join(',')).join('\n'));
    const r = run(file);
    expect(r.status).not.toBe(0);
    expect(r.stderr).not.toContain('all hold');
    expect(r.stderr).toContain('2 runs of items, each numbered from 1 (Q1–Q9 at columns C–K and Q1–Q7 at columns L–R)');
    expect(r.stderr).toContain('such as --instrument phq-9,gad-7');
    const zh = run(file, ['--lang', 'zh']);
    expect(zh.stderr).toContain('第 C–K 列（Q1–Q9） 和 第 L–R 列（Q1–Q7）');
    const named = run(file, ['-i', 'phq-9,gad-7']);
    expect(named.status).toBe(0);
    expect(named.stderr).toContain('two-unnamed.csv: PHQ-9 + GAD-7; person columns');
    expect(named.stdout).toContain('1 row read: 1 scored, 0 rejected');
  });

  it('two runs of one length (PHQ-A, PHQ-9) are never guessed: the error says what to write', () => {
    const q = numbers(9).map((i) => `Q${i}`);
    const rows = [[...person, ...q, ...q], ...students.map((r) => r.slice(0, 24))];
    const file = s.write('two-nines.csv', rows.map((r) => r.join(',')).join('\n'));
    const r = run(file, ['-i', 'phq-a,phq-9']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('columns 7–15 and 16–24 each number items from 1');
    expect(r.stderr).toContain('"column 7": <instrument>.1 … "column 15": <instrument>.9, then "column 16"');
  });
});
