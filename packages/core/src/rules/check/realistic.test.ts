import { describe, expect, it } from 'vitest';
import { parseRuleSet } from '../parse.ts';
import { checkRules } from './check-rules.ts';

/** A small school-screening rule set written the way a service would: every range covered, every rule sourced. */
const text = `
id: school-screening
version: "1"
name: { zh: 学校筛查, en: school screening }
unknownCritical: { level: R3, source: "unknown critical answers escalate (reference/scales.md §0.12)" }
rules:
  - id: asq-acute
    description: { zh: ASQ 急性阳性, en: ASQ acute positive }
    source: NIMH ASQ toolkit, ED pathway
    when: { fact: scales.asq.category, eq: acute-positive }
    then:
      level: R4
      actions: [emergency_transfer_120, keep_on_line, supervisor_alert]
      followUp: [PT24H, PT72H, P7D]
      caseTerm: long_term
  - id: asq-non-acute
    description: { zh: ASQ 非急性阳性, en: ASQ non-acute positive }
    source: NIMH ASQ toolkit, brief suicide safety assessment
    when: { fact: scales.asq.category, in: [non-acute-positive, positive-acuity-unknown] }
    then: &r3
      level: R3
      actions: [brief_suicide_safety_assessment, safety_plan]
      followUp: [PT24H, PT72H, P7D]
      caseTerm: long_term
  - id: asq-negative
    description: { zh: ASQ 阴性, en: ASQ negative }
    source: NIMH ASQ toolkit
    when: { fact: scales.asq.category, eq: negative }
    then: { noAction: true }
  - id: phq-item-9
    description: { zh: PHQ-9 第9题阳性, en: PHQ-9 item 9 positive }
    source: MII PROMs IG PHQ-9
    when: { fact: scales.phq-9.flags.self-harm-thoughts, eq: positive }
    then: *r3
  - id: plan-or-intent
    description: { zh: 有计划或意图, en: plan or intent }
    source: local protocol 3.2
    when:
      any:
        - { fact: contact.plan, eq: true }
        - { fact: contact.intent, eq: true }
    then:
      level: R3
      category: high_risk
      actions: [safety_plan, means_restriction_counselling, supervisor_alert]
      followUp: [PT24H, PT72H, P7D]
      caseTerm: long_term
  - id: cssrs-high
    description: { zh: C-SSRS 高风险, en: C-SSRS high risk }
    source: Columbia Lighthouse Project triage
    when: { fact: scales.cssrs-screener.category, eq: high }
    then: *r3
  - id: cssrs-moderate
    description: { zh: C-SSRS 中风险, en: C-SSRS moderate risk }
    source: Columbia Lighthouse Project triage
    when: { fact: scales.cssrs-screener.category, eq: moderate }
    then: { level: R2, actions: [safety_plan, counselling], followUp: [P7D, P14D] }
  - id: cssrs-low
    description: { zh: C-SSRS 低风险, en: C-SSRS low risk }
    source: Columbia Lighthouse Project triage
    when: { fact: scales.cssrs-screener.category, eq: low }
    then: { level: R1, actions: [counselling], followUp: [P28D], caseTerm: short_term }
  - id: cssrs-none
    description: { zh: C-SSRS 无风险, en: C-SSRS no risk }
    source: Columbia Lighthouse Project triage
    when: { fact: scales.cssrs-screener.category, eq: none }
    then: { noAction: true }
  - id: phq-minimal
    description: { zh: PHQ-9 无或极轻, en: PHQ-9 minimal }
    source: Kroenke 2001
    when: { fact: scales.phq-9.band, eq: minimal }
    then: { noAction: true }
  - id: phq-mild
    description: { zh: PHQ-9 轻度, en: PHQ-9 mild }
    source: Kroenke 2001
    when: { fact: scales.phq-9.band, eq: mild }
    then: { level: R1, actions: [counselling], followUp: [P28D], caseTerm: short_term }
  - id: phq-moderate
    description: { zh: PHQ-9 10–19, en: PHQ-9 10–19 }
    source: Kroenke 2001; Richardson 2010
    when: { fact: scales.phq-9.total, between: [10, 19] }
    then: { level: R2, actions: [counselling, rescreen], followUp: [P7D, P14D] }
  - id: phq-severe
    description: { zh: PHQ-9 ≥ 20, en: PHQ-9 ≥ 20 }
    source: Kroenke 2001
    when: { fact: scales.phq-9.total, gte: 20 }
    then: { level: R2, actions: [full_mental_health_evaluation, counselling], followUp: [P7D, P14D] }
  - id: sds-normal
    description: { zh: SDS 正常, en: SDS normal }
    source: Chinese norm (index < 53)
    when: { fact: scales.sds.index, lt: 53 }
    then: { noAction: true }
  - id: sds-mild-moderate
    description: { zh: SDS 轻中度, en: SDS mild or moderate }
    source: Chinese norm; Zung 1965
    when: { fact: scales.sds.band, in: [mild, moderate] }
    then: { level: R1, actions: [counselling], followUp: [P28D], caseTerm: short_term }
  - id: sds-severe
    description: { zh: SDS 重度, en: SDS severe }
    source: Chinese norm; Zung 1965
    when: { fact: scales.sds.band, eq: severe }
    then: { level: R2, actions: [full_mental_health_evaluation, counselling], followUp: [P7D, P14D] }
`;

describe('a realistic rule set', () => {
  it('has no issues', () => {
    const parsed = parseRuleSet(text, 'school.yaml');
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
    expect(checkRules(parsed.value, { text, file: 'school.yaml' })).toEqual({ issues: [], errors: 0, warnings: 0 });
  });

  it.each([
    ['dropping a band', (t: string) => t.replace('eq: mild }', 'eq: minimal }'), 'RULES_GAP'],
    [
      'a different follow-up on one R3 rule',
      (t: string) => t.replace('eq: high }\n    then: *r3', 'eq: high }\n    then: { level: R3, followUp: [PT24H] }'),
      'RULES_CONFLICT',
    ],
    [
      'a rule inside a more severe one',
      (t: string) =>
        `${t}  - { id: item-9-counselling, description: { zh: 咨询, en: counselling }, source: local, when: { fact: scales.phq-9.flags.self-harm-thoughts, eq: positive }, then: { level: R1, actions: [safety_plan] } }\n`,
      'RULES_SHADOWED',
    ],
  ])('finds %s', (_, mutate, code) => {
    const changed = mutate(text);
    expect(changed).not.toBe(text);
    const parsed = parseRuleSet(changed);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
    expect(checkRules(parsed.value).issues.map((i) => i.code)).toContain(code);
  });
});
