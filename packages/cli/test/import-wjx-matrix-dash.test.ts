import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, scratch } from './run-cli.ts';

// QA round 10 §9: 问卷星 matrix headers `6、<stem>—<row>`, where the standard Chinese PHQ-9 item 8 holds `——` itself.
describe('triage import: a 问卷星 PHQ-9 matrix whose item 8 holds ——', () => {
  const s = scratch();
  const env = { TRIAGE_CONFIG_DIR: join(s.dir, 'config') };
  afterAll(() => s.done());
  const rows = [
    '做事时提不起劲或没有兴趣',
    '感到心情低落、沮丧或绝望',
    '入睡困难、睡不安稳或睡眠过多',
    '感觉疲倦或没有活力',
    '食欲不振或吃太多',
    '觉得自己很糟，或觉得自己很失败，或让自己或家人失望',
    '对事物专注有困难，例如阅读报纸或看电视时',
    '动作或说话速度缓慢到别人已经觉察？或正好相反——烦躁或坐立不安、动来动去的情况更胜于平常',
    '有不如死掉或用某种方式伤害自己的念头',
  ];
  const file = (name: string, stem: string) =>
    s.write(
      name,
      [
        ['1、学号', '5、班级', ...rows.map((r) => `${stem}—${r}`)],
        ['S1', '1班', ...rows.map((_, i) => (i === 8 ? '几乎每天' : '完全不会'))],
      ]
        .map((r) => r.join(','))
        .join('\n'),
    );
  const plain = file('matrix2.csv', '6、在过去两周里，你生活中以下症状出现的频率有多少？');
  const named = file('matrix3.csv', '6、PHQ-9：在过去两周里，你生活中以下症状出现的频率有多少？');
  const run = (path: string, flags: readonly string[] = []) =>
    runCli(['import', path, ...flags, '--no-input', '--dry-run'], env);

  it.each([
    ['-i phq-9', plain, ['-i', 'phq-9']],
    ['a stem naming PHQ-9', named, []],
  ])('%s: the 9 rows are PHQ-9 items 1 … 9, and item 9 = 几乎每天 is R3 or above', (_, path, flags) => {
    const r = run(path, flags);
    expect(r.stderr).toContain('PHQ-9; person columns');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Follow up first: 1 student at R3 or above');
  });

  it('-i gad-7: refused; no instrument of another item count is suggested, no column is suggested to skip', () => {
    const r = run(plain, ['-i', 'gad-7']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('has 9 rows, but no instrument of --instrument gad-7 has 9 numbered items');
    expect(r.stderr).not.toContain('ignore (column');
    expect(r.stderr).not.toContain('PHQ-A');
  });

  it('two columns for a suicide item: no column is suggested to skip', () => {
    const phqa = [...Array.from({ length: 9 }, (_, i) => `PHQA${i + 1}`), 'PHQAc', 'PHQAd', 'PHQA9'];
    const path = s.write('dup9.csv', `学号,${phqa.join(',')}\nS1,${phqa.map(() => '0').join(',')}\n`);
    const r = run(path);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('columns 10 (PHQA9) and 13 (PHQA9) all hold PHQ-A item 9, and a suicide question');
    expect(r.stderr).not.toContain('": ignore');
  });
});
