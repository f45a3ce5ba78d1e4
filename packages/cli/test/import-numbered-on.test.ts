import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, scratch } from './run-cli.ts';

// 问卷星 numbers PHQ-A's supplements on after item 9 (10、 … 13、): read by position, a, b, c, d, and said so.
describe('triage import: PHQ-A supplements numbered on by the questionnaire', () => {
  const s = scratch();
  const env = { TRIAGE_CONFIG_DIR: join(s.dir, 'config') };
  afterAll(() => s.done());
  const items = [
    '情绪低落',
    '兴趣减退',
    '睡眠问题',
    '食欲',
    '疲乏',
    '自我评价低',
    '注意力',
    '动作迟缓',
    '死亡或自伤念头',
  ];
  const supplements = ['过去一年多数日子感到抑郁', '上述问题造成的困难', '过去一个月认真想过结束生命', '曾经尝试自杀'];
  const header = ['序号', '学号', '性别', ...[...items, ...supplements].map((t, i) => `${i + 1}、${t}`)];
  const file = s.write('wjx.csv', `${header.join(',')}\n1,202501110001,男,${Array(13).fill('0').join(',')}\n`);
  const warning = 'PHQ-A items a, b, c, d read by position from columns 13, 14, 15, 16';

  it('warns that a, b, c, d are read by position with -i phq-a', () => {
    const r = runCli(['import', file, '-i', 'phq-a', '--no-input', '--dry-run'], env);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(warning);
  });

  it('says nothing of the columns a --map file names, in whatever order it names them', () => {
    const map = s.write(
      'wjx.map.yaml',
      `instruments: [phq-a]\ncolumns:\n${supplements.map((t, i) => `  "${10 + i}、${t}": phq-a.${'badc'[i]}`).join('\n')}\n`,
    );
    const r = runCli(['import', file, '--map', map, '--no-input', '--dry-run'], env);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('read by position');
  });
});
