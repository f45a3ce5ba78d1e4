import { getInstrument } from '@triage/scales';
import { describe, expect, it } from 'vitest';
import { scoreText } from './report-model.ts';
import type { FollowUp } from './tally.ts';

type Score = FollowUp['scores'][number];
const score = (s: Partial<Score> & Pick<Score, 'instrument'>): Score => ({
  score: null,
  measure: 'total',
  band: null,
  category: null,
  ...s,
});

describe('scoreText (a score in the follow-up list)', () => {
  it.each<[string, Score, 'zh' | 'en', string]>([
    ['ASQ acute positive', score({ instrument: 'asq', category: 'acute-positive' }), 'en', 'ASQ acute positive'],
    ['ASQ acute positive, zh', score({ instrument: 'asq', category: 'acute-positive' }), 'zh', 'ASQ 急性阳性'],
    ['ASQ non-acute', score({ instrument: 'asq', category: 'non-acute-positive' }), 'en', 'ASQ non-acute positive'],
    [
      'ASQ item 5 blank after a positive',
      score({ instrument: 'asq', category: 'positive-acuity-unknown' }),
      'zh',
      'ASQ 阳性，急性程度未知（第5题未答或拒答）',
    ],
    [
      'ASQ with items missing',
      score({ instrument: 'asq', category: 'unknown' }),
      'en',
      'ASQ unknown (items missing: treat as risk)',
    ],
    ['C-SSRS high', score({ instrument: 'cssrs-screener', category: 'high' }), 'en', 'C-SSRS Screener high risk'],
    ['C-SSRS high, zh', score({ instrument: 'cssrs-screener', category: 'high' }), 'zh', 'C-SSRS Screener 高风险'],
    // QA round 16: item 6 yes with 6b blank is moderate by the answers given, high if 6b is yes.
    [
      'C-SSRS moderate with an item unanswered',
      score({ instrument: 'cssrs-screener', category: 'moderate', open: true }),
      'en',
      'C-SSRS Screener moderate risk (at least: an item unanswered)',
    ],
    [
      'C-SSRS low with an item unanswered, zh',
      score({ instrument: 'cssrs-screener', category: 'low', open: true }),
      'zh',
      'C-SSRS Screener 低风险（至少；有题未答）',
    ],
    [
      'ASQ acuity unknown says so once',
      score({ instrument: 'asq', category: 'positive-acuity-unknown', open: true }),
      'en',
      'ASQ positive, acuity unknown (item 5 not answered)',
    ],
    ['PHQ-A total and band', score({ instrument: 'phq-a', score: 22, band: 'severe' }), 'en', 'PHQ-A 22 (severe)'],
    [
      'SDS standard score',
      score({ instrument: 'sds', score: 63, measure: 'index', band: 'moderate' }),
      'zh',
      'SDS 标准分 63 (中度抑郁)',
    ],
    ['no total, no band, no category', score({ instrument: 'phq-a' }), 'en', 'PHQ-A —'],
  ])('%s', (_, s, lang, text) => {
    expect(scoreText(s, getInstrument(s.instrument), lang)).toBe(text);
  });
});
