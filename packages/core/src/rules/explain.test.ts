import { describe, expect, it } from 'vitest';
import { defaultRuleSet } from './default/default-rule-set.ts';
import type { Decision } from './evaluate.ts';
import { explainDecision } from './explain.ts';

/** A decision as the evaluator gives one, with only what an explanation reads. */
function decision(referrals: readonly string[], followUp: readonly string[] | null): Decision {
  return {
    level: 'R3',
    fired: [],
    actions: [],
    referrals,
    followUp,
    undetermined: [],
    ruleSet: { id: 'default', version: '1.0.0', hash: 'sha256:0123456789abcdef' },
  } as unknown as Decision;
}

// The zh report read "转介：school-counsellor" and "随访：PT24H、P7D": ids and ISO durations in a Chinese sentence.
describe('explainDecision: referrals and follow-up in words', () => {
  it('names every referral target of the default rule set in both languages', () => {
    const targets = new Set(defaultRuleSet.rules.flatMap((r) => r.then.referrals ?? []));
    expect(targets.size).toBeGreaterThan(5);
    for (const target of targets) {
      for (const lang of ['zh', 'en'] as const) {
        expect(explainDecision(decision([target], null), lang), `${target} ${lang}`).not.toContain(target);
      }
    }
  });

  it('says follow-up points as durations after the decision', () => {
    const d = decision(['school-counsellor'], ['PT24H', 'PT72H', 'P7D', 'P2W', 'P1DT12H', 'PT30M']);
    expect(explainDecision(d, 'zh')).toContain(
      '转介：学校心理老师。随访：决定后 24 小时、72 小时、7 天、2 周、1 天12 小时、30 分钟。',
    );
    expect(explainDecision(d, 'en')).toContain(
      'Referrals: school counsellor. Follow-up: 24 h, 72 h, 7 d, 2 wk, 1 d 12 h, 30 min after the decision.',
    );
  });

  it("shows a rule set's own referral ids and other duration forms as written", () => {
    const d = decision(['county-hospital'], ['P1M', 'P']);
    expect(explainDecision(d, 'en')).toContain('Referrals: county-hospital. Follow-up: P1M, P after the decision.');
  });
});
