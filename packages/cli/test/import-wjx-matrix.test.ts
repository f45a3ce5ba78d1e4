import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, scratch } from './run-cli.ts';

// 问卷星 "按选项文本" downloads write a matrix question (矩阵量表题) as one column per row: `6、<stem>—<row text>`.
describe('triage import: 问卷星 matrix question headers', () => {
  const s = scratch();
  const env = { TRIAGE_CONFIG_DIR: join(s.dir, 'config') };
  afterAll(() => s.done());

  const numbers = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
  const platform = ['序号', '提交答卷时间', '所用时间', '来源', '来源详情', '来自IP'];
  const person = ['1、你的学号：', '2、你的姓名：', '3、你的性别：', '4、年级', '5、班级'];
  const student = (k: number) => [
    ...[String(k), '2025/10/10 09:10:00', '200秒', '手机提交', '直接访问', '10.0.0.0'],
    ...[`20250700${k}`, `测试生${k}`, k % 2 === 0 ? '女' : '男', '初一', '初一(1)班'],
  ];
  const sdsTexts = ['没有或很少时间', '小部分时间', '相当多时间', '绝大部分或全部时间'];
  const stem = '6、最近一周，你有多少时候出现以下情况？';
  const sdsRows = numbers(20).map((i) => `${stem}—第${i}种情况`);
  const csv = (name: string, header: readonly string[], answers: (k: number) => readonly string[]) =>
    s.write(
      name,
      [header, ...numbers(3).map((k) => [...student(k), ...answers(k)])].map((r) => r.join(',')).join('\n'),
    );
  const run = (file: string, flags: readonly string[] = []) => {
    const out = join(s.dir, `${file}-${flags.join('')}.out`);
    return { ...runCli(['import', file, ...flags, '--no-input', '--out', out], env), out };
  };
  const results = (out: string) => readFileSync(join(out, 'results.csv'), 'utf8');

  it('-i sds reads a 20-row matrix as SDS items 1 … 20: the scores of a position map', () => {
    const file = csv('sds.csv', [...platform, ...person, ...sdsRows], (k) =>
      numbers(20).map((i) => sdsTexts[(i * k) % 4] ?? ''),
    );
    const map = s.write(
      'sds.map.yaml',
      `instruments: [sds]\ncolumns:\n${numbers(20)
        .map((i) => `  "column ${11 + i}": sds.${i}`)
        .join('\n')}\n`,
    );
    const matrix = run(file, ['-i', 'sds']);
    expect(matrix.stderr).not.toContain('all hold');
    expect(matrix.status).toBe(0);
    const mapped = run(file, ['--map', map]);
    expect(mapped.status).toBe(0);
    expect(results(matrix.out)).toContain('sds');
    expect(results(matrix.out)).toBe(results(mapped.out));
  });

  it('a 20-row matrix with no -i and a stem naming nothing: one error naming the matrix and the -i that reads it', () => {
    const file = csv('sds-no-i.csv', [...platform, ...person, ...sdsRows], () =>
      numbers(20).map(() => sdsTexts[0] ?? ''),
    );
    const r = run(file);
    expect(r.status).not.toBe(0);
    const errors = r.stderr.split('\n').filter((l) => l.startsWith('Error:'));
    expect(errors[0]).toContain('matrix question 6 at columns L–AE (12–31');
    expect(errors[0]).toContain(`"${sdsRows[0]}"`);
    expect(errors[0]).toMatch(/has 20 rows.*--instrument naming one of .*sds.*sas/);
    expect(r.stderr).not.toContain('all hold');
  });

  it('rows written 6、(1)… and SDS + SAS named: read with -i sds; with -i sds,sas a --map file is asked for', () => {
    const rows = (q: number) => numbers(20).map((i) => `${q}、(${i})第${i}种情况`);
    const sds = csv('sds-brackets.csv', [...platform, ...person, ...rows(6)], (k) =>
      numbers(20).map((i) => sdsTexts[(i * k) % 4] ?? ''),
    );
    const one = run(sds, ['-i', 'sds']);
    expect(one.status).toBe(0);
    expect(results(one.out)).toMatch(/sds_index/);
    const both = csv('sds-sas-brackets.csv', [...platform, ...person, ...rows(6), ...rows(7)], () =>
      numbers(40).map(() => sdsTexts[0] ?? ''),
    );
    const r = run(both, ['-i', 'sds,sas']);
    expect(r.status).not.toBe(0);
    const errors = r.stderr.split('\n').filter((l) => l.startsWith('Error:'));
    expect(errors[0]).toContain('SDS, SAS of --instrument all have 20 items');
    expect(errors[0]).toContain('"column 12": sds.1 … "column 31": sds.20');
    expect(r.stderr).not.toContain('--instrument naming one of');
  });

  const phqTexts = ['完全不会', '好几天', '一半以上的天数', '几乎每天'];
  const supplements = ['PHQ-A a', 'PHQ-A b', 'PHQ-A c', 'PHQ-A d'];
  const answers = (k: number) => [
    ...numbers(9).map((i) => phqTexts[(i + k) % 4] ?? ''),
    ...numbers(7).map((i) => phqTexts[(i * k) % 4] ?? ''),
    ...['否', '0', '否', '否'],
  ];
  const twoMatrices = (phqStem: string, gadStem: string) => [
    ...platform,
    ...person,
    ...numbers(9).map((i) => `6、${phqStem}—第${i}题`),
    ...numbers(7).map((i) => `7、${gadStem}—第${i}题`),
    ...supplements,
  ];

  it('PHQ-A then GAD-7 as two matrices: read by their stems without -i, by -i phq-a,gad-7 when the stems name nothing', () => {
    const named = run(csv('named.csv', twoMatrices('PHQ-A：过去两周', 'GAD-7：过去两周'), answers));
    expect(named.stderr).not.toContain('Error');
    expect(named.status).toBe(0);
    const unnamed = csv('unnamed.csv', twoMatrices('过去两周，你有多少时候', '过去两周，你是否'), answers);
    const listed = run(unnamed, ['-i', 'phq-a,gad-7']);
    expect(listed.status).toBe(0);
    expect(results(listed.out)).toBe(results(named.out));
    expect(results(named.out)).toMatch(/phq-a/i);
    expect(results(named.out)).toMatch(/gad-7/i);
  });
});
