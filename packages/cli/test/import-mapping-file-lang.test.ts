import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, scratch } from './run-cli.ts';

// A --map file's problems in the user's language (--lang, or a zh locale), each still at file:line:column.
describe('triage import: problems of a --map file in Chinese', () => {
  const s = scratch();
  afterAll(() => s.done());
  const file = s.write(
    'class.csv',
    `学号,${Array.from({ length: 7 }, (_, i) => `GAD7_${i + 1}`).join(',')}\n1001,0,1,2,3,0,1,2\n`,
  );
  const run = (map: string, flags: readonly string[], env: Record<string, string> = {}) =>
    runCli(['import', file, '--map', map, '--no-input', '--out', join(s.dir, 'out'), ...flags], {
      TRIAGE_CONFIG_DIR: join(s.dir, 'config'),
      ...env,
    });
  const wrong = s.write(
    'wrong.map.yaml',
    'instruments: [phq-z]\ncolumns:\n  学号: studentid2\n  Q1: phq-a.e\n  column 0: ignore\n  column 3: ignore\n  column C: ignore\n',
  );

  it.each([
    ['--lang zh', ['--lang', 'zh'], {}],
    ['a zh locale', [], { LANG: 'zh_CN.UTF-8' }],
  ])('what the file says wrongly (%s)', (_, flags, env) => {
    const r = run(wrong, flags, env);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('wrong.map.yaml:1:15: 不认识的量表“phq-z”');
    expect(r.stderr).toContain('wrong.map.yaml:3:7: “studentid2”：应为 ignore、studentId');
    expect(r.stderr).toContain('wrong.map.yaml:4:7: “phq-a.e”：PHQ-A 没有第“e”题');
    expect(r.stderr).toContain('wrong.map.yaml:5:13: “column 0”：第 1 列是最左边一列');
    expect(r.stderr).toContain('wrong.map.yaml:7:13: “column C”与“column 3”是同一列');
    expect(r.stderr).not.toMatch(/unknown instrument|has no item|expected ignore/);
  });

  it.each([
    ['YAML syntax', 'columns:\n  学号: studentId\n  学号: name\n', 'dup.map.yaml:3:3: YAML 语法错误：同一个键写了两次'],
    ['an unknown field', 'instruments: [gad-7]\ncolums: {}\n', 'field.map.yaml:2:9: 不认识的键“colums”'],
    ['a list for the columns', 'columns: [a, b]\n', 'type.map.yaml:1:10: 此处应为键值表'],
  ])('%s', (_, yaml, expected) => {
    const name = expected.slice(0, expected.indexOf(':'));
    const r = run(s.write(name, yaml), ['--lang', 'zh']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(expected);
  });

  it('in English as before', () => {
    const r = run(wrong, ['--lang', 'en']);
    expect(r.stderr).toContain('wrong.map.yaml:1:15: unknown instrument "phq-z" (see: triage scales list)');
    expect(r.stderr).toContain('wrong.map.yaml:4:7: "phq-a.e": PHQ-A has no item "e"; expected one of 1, 2');
  });

  it('a --rules file: YAML and schema problems in Chinese too', () => {
    const rules = s.write('rules.yaml', 'id: x\nversion: 1\nrulez: []\n');
    const r = runCli(['rules', 'check', rules, '--lang', 'zh'], { TRIAGE_CONFIG_DIR: join(s.dir, 'config') });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('rules.yaml 第3行第8列：不认识的键“rulez”');
    expect(r.stderr).toContain('（rules）：缺少此项');
  });
});
