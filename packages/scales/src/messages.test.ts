import { describe, expect, it } from 'vitest';
import { scoreInstrument } from './engine/score.ts';
import { phq9 } from './instruments/phq-9/definition.ts';
import { formatDerivedName, formatIssue, formatOutcome, formatWarning } from './messages.ts';

const issuesOf = (answers: Parameters<typeof scoreInstrument>[1], options = {}) => {
  const r = scoreInstrument(phq9, answers, options);
  if (r.ok) throw new Error('expected a failure');
  return r.error.issues;
};

describe('messages', () => {
  it.each([
    [[0, 0, 0, 0, 0, 0, 0, 0, 7], {}, '第9题的答案超出范围：应为 0–3', 'item 9: answer out of range, expected 0–3'],
    [
      [1, 1, 1, 1, 1, 1, 1, 1, 9],
      { coding: 'one-based' },
      '第9题的答案超出范围：应为 1–4（one-based 编码）',
      'item 9: answer out of range, expected 1–4 (one-based coding)',
    ],
    [
      ['常常', 0, 0, 0, 0, 0, 0, 0, 0],
      {},
      '第1题的答案无法识别：应为 0–3 或选项文字',
      'item 1: unrecognised answer, expected 0–3 or an option label',
    ],
    [[0, 0], {}, '答案数量不对：应为 9–10 个答案', 'wrong number of answers: expected 9–10'],
  ])('%j says what was expected in zh and en, never what was received', (answers, options, zh, en) => {
    const [issue] = issuesOf(answers, options);
    if (!issue) throw new Error('no issue');
    expect(formatIssue(issue, 'zh')).toBe(zh);
    expect(formatIssue(issue, 'en')).toBe(en);
    if (issue.received) expect(formatIssue(issue, 'zh') + formatIssue(issue, 'en')).not.toContain('常常');
  });

  it.each([
    [
      { coding: 'weird' },
      '选项 coding 的值无效：应为 native, zero-based, one-based 之一',
      'option coding: expected one of native, zero-based, one-based',
    ],
    [
      'zero-based',
      '选项应为对象，可含 coding, bandSet, indexRounding, prorationRounding, prorate, includeItems',
      'options: expected an object with coding, bandSet, indexRounding, prorationRounding, prorate, includeItems',
    ],
  ])('options %j: names the option and its values, not what was received', (options, zh, en) => {
    const [issue] = issuesOf([0, 0, 0, 0, 0, 0, 0, 0, 0], options as never);
    if (!issue) throw new Error('no issue');
    expect([formatIssue(issue, 'zh'), formatIssue(issue, 'en')]).toEqual([zh, en]);
  });

  it('has no English words in Chinese messages', () => {
    const [issue] = issuesOf(['常常', 0, 0, 0, 0, 0, 0, 0, 0]);
    if (!issue) throw new Error('no issue');
    expect(formatIssue(issue, 'zh')).not.toMatch(/[a-z]{2,}/i);
  });

  it('names warnings, categories and derived results in both languages', () => {
    expect(formatWarning({ code: 'SCALES_PRORATED', items: ['3', '4'] }, 'zh')).toBe(
      '第3、4题缺答，总分按已答题目的均分折算',
    );
    expect(formatOutcome('acute-positive', 'zh')).toBe('急性阳性');
    expect(formatOutcome('high', 'en')).toBe('high risk');
    expect(formatDerivedName('syndrome', 'en')).toBe('depressive syndrome (PHQ algorithm)');
  });

  it('names the subscale of a band decided without its score', () => {
    const band = (id: string, zh: string, en: string) => ({
      set: 's',
      id,
      label: { zh, en },
      positive: false,
      source: 's',
    });
    const decided = { lowest: band('normal', '正常', 'normal'), highest: band('normal', '正常', 'normal') };
    const open = { lowest: band('mild', '轻度', 'mild'), highest: band('severe', '重度', 'severe') };
    const warning = { code: 'SCALES_SUBSCALE_BAND_BOUNDS', subscale: 'psychoticism', items: ['90'] } as const;
    expect(formatWarning({ ...warning, bands: decided }, 'zh')).toBe(
      '因子 psychoticism：第90题无论怎样作答，分级都是「正常」：据此判定分级（因子分仍为空）',
    );
    expect(formatWarning({ ...warning, bands: open }, 'en')).toBe(
      'subscale psychoticism, item(s) 90: the answers could put the band anywhere from "mild" to "severe": band undecided',
    );
  });

  it('names the invalid-protocol warning and the CESD-R categories in both languages', () => {
    expect(formatWarning({ code: 'SCALES_INVALID_PROTOCOL' }, 'zh')).toBe(
      '效度量表得分达到作废标准：结果不可信，应择期重测',
    );
    expect(formatWarning({ code: 'SCALES_INVALID_PROTOCOL' }, 'en')).toContain('retest');
    for (const id of [
      'major-depressive-episode',
      'probable-major-depressive-episode',
      'possible-major-depressive-episode',
      'subthreshold',
      'non-clinical',
    ]) {
      expect(formatOutcome(id, 'zh')).not.toBe(id);
      expect(formatOutcome(id, 'zh')).not.toMatch(/[a-z]{2,}/i);
      expect(formatOutcome(id, 'en')).not.toBe(id);
    }
    expect(formatDerivedName('category', 'zh')).toBe('抑郁分类（CESD-R 算法）');
  });
});
