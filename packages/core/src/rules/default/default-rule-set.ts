import type { RuleSet } from '../schema.ts';
import { bandFloorRules } from './band-floor-rules.ts';
import { childScaleRules } from './child-scale-rules.ts';
import { chineseScaleRules } from './chinese-scale-rules.ts';
import { contactRules } from './contact-rules.ts';
import { screeningScaleRules } from './screening-scale-rules.ts';
import { severityRules } from './severity-rules.ts';
import { subscaleFloorRules } from './subscale-floor-rules.ts';
import { suicideRules } from './suicide-rules.ts';

/**
 * The shipped default rule set: suicide and self-harm rules first, then contact categories, then symptom-severity
 * bands (severity-rules.ts; for the instruments added in 1.1.0 screening-scale-rules.ts, child-scale-rules.ts and
 * chinese-scale-rules.ts; since 1.2.0 band-floor-rules.ts and a rule on each published cut-off, both decided even with
 * blank items; since 1.2.1 subscale-floor-rules.ts, the same for subscales; since 1.2.2 an ASQ positive with item 5
 * refused or blank has its own reason, since 1.2.4 through its own category, positive-acuity-unknown). Every rule cites its source; levels only ever rise (the most severe rule wins) and clinical
 * judgement can override any of them through a named person with a recorded reason. Rules, conditions and sources in
 * words:
 * ./README.md; its own tests: ./default-rule-set.tests.yaml.
 * @see reference/triage.md §0.1 (level model), §1.6 (C-SSRS), §1.7 (ASQ), §1.8 (Chinese practice); reference/scales.md
 * @example
 * const decision = evaluateRules(defaultRuleSet, { scales: { asq: scaleFacts(asqScore) } });
 */
export const defaultRuleSet: RuleSet = {
  id: 'default',
  version: '1.2.4',
  name: { zh: '默认分级规则', en: 'Default triage rules' },
  unknownCritical: {
    level: 'R3',
    source:
      'A critical item (suicide, self-harm) is never imputed: missing means unknown and unknown escalates (reference/scales.md §0.12; DESIGN.md); the NIMH ASQ pathway treats a refusal as a positive screen needing a brief suicide safety assessment (reference/triage.md §1.7), so an unanswered one is handled at the same level, R3',
  },
  rules: [
    ...suicideRules,
    ...contactRules,
    ...severityRules,
    ...screeningScaleRules,
    ...childScaleRules,
    ...chineseScaleRules,
    ...bandFloorRules,
    ...subscaleFloorRules,
  ],
};
