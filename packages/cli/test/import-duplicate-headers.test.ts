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
});
