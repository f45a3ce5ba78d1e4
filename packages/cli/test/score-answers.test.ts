import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

describe('triage score --answers', () => {
  it('scores one respondent', () => {
    const r = runCli(['score', 'phq-9', '--answers', '1,2,0,1,0,0,1,0,1']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/total\s+6/);
    expect(r.stdout).toMatch(/band\s+mild/);
    expect(r.stdout).toMatch(/item 9 POSITIVE/);
  });

  it.each([
    [['asq', '是,否,否,否,否', '--lang', 'zh'], /类别\s+非急性阳性/],
    [['asq', 'no,no,no,no', '--lang', 'en'], /category\s+negative/],
    [['cssrs-screener', 'yes,yes,no,yes,no,no', '--lang', 'en'], /category\s+high risk/],
    [['phq-9', '2,2,2,2,2,0,0,0,0', '--lang', 'zh'], /抑郁综合征（PHQ 诊断算法）\s+重性抑郁综合征/],
  ])('names categories and derived results in words: %j', ([id, answers, ...rest], pattern) => {
    const r = runCli(['score', id as string, '--answers', answers as string, ...rest]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(pattern);
  });

  it('gives the score as JSON, with labels and blanks accepted', () => {
    const r = runCli(['score', 'phq-9', '--answers', '1,好几天,0,,0,0,Several days,0,0', '--json']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.source).toBe('answers');
    expect(out.score.total).toBe(3.375);
    expect(out.score.prorated).toBe(true);
    expect(out.score.missing).toEqual(['4']);
    expect(out.warnings).toEqual(['item(s) 4 missing: total prorated from the answered items']);
  });

  it('maps --coding, --band-set and --proration-rounding to the score options', () => {
    const r = runCli([
      'score',
      'phq-9',
      '--answers',
      '2,2,1,,1,1,2,1,1',
      '--coding',
      'one-based',
      '--band-set',
      'kroenke-2001',
      '--proration-rounding',
      'half-up',
      '--json',
    ]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).score.total).toBe(3); // 3 × 9 / 8 = 3.375 → 3
  });

  it.each([
    {
      name: 'out-of-range answer',
      answers: '1,2,9876,1,0,0,1,0,1',
      pattern: /^Error: --answers: item 3: answer out of range, expected 0–3$/m,
      secret: '9876',
    },
    {
      name: 'unknown label',
      answers: '1,2,0,1,0,0,1,0,sometimes-maybe',
      pattern: /item 9: unrecognised answer/,
      secret: 'sometimes-maybe',
    },
    { name: 'wrong item count', answers: '1,2,0', pattern: /wrong number of answers: expected 9–10/, secret: '1,2,0' },
  ])('exits 1 on $name, naming the item but not the answer', ({ answers, pattern, secret }) => {
    const r = runCli(['score', 'phq-9', '--answers', answers]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(pattern);
    expect(r.stderr).not.toContain(secret);
  });

  it('reports answer errors in Chinese', () => {
    const r = runCli(['score', 'phq-9', '--answers', '1,2,7,1,0,0,1,0,1'], { LANG: 'zh_CN.UTF-8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('错误：--answers：第3题的答案超出范围：应为 0–3');
  });

  it.each([
    { name: 'unknown instrument', args: ['score', 'no-such-scale', '--answers', '1'], text: 'unknown instrument' },
    { name: 'unknown flag', args: ['score', 'phq-9', '--answers', '1', '--bogus'], text: 'unknown flag --bogus' },
    {
      name: 'bad option value',
      args: ['score', 'phq-9', '--answers', '1', '--coding', 'xyz'],
      text: '--coding must be one of',
    },
    {
      name: 'unknown band set',
      args: ['score', 'phq-9', '--answers', '1', '--band-set', 'zz'],
      text: 'no band set "zz"',
    },
    { name: 'neither --answers nor --file', args: ['score', 'phq-9'], text: 'exactly one of --answers or --file' },
    {
      name: 'unquoted answers with spaces',
      args: ['score', 'phq-9', '--answers', '1,', '2,', '3'],
      text: 'unexpected arguments',
    },
  ])('exits 2 on $name', ({ args, text }) => {
    const r = runCli(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(text);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('never echoes stray argument values', () => {
    const r = runCli(['score', 'phq-9', '--answers', '1,', '2,', '31415']);
    expect(r.stderr).not.toContain('31415');
  });
});
