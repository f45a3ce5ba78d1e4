import type { Rule } from '../schema.ts';
import { FOLLOW_UP, HIGH_CRISIS, HIGH_SCREEN, LOW, REFERRAL } from './outcomes.ts';

/**
 * Suicide and self-harm rules: the contact facts, the ASQ and C-SSRS screeners and the suicide items of the symptom
 * scales. Most severe first, so a tie on a single-valued outcome (follow-up, case term) goes to the rule above.
 */
export const suicideRules: Rule[] = [
  {
    id: 'contact-attempt-in-progress',
    description: {
      zh: '来电/咨询中自杀或自伤正在进行',
      en: 'suicide attempt or self-harm in progress during the contact',
    },
    source:
      '988 Lifeline imminent-risk policy: start lifesaving services for an attempt in progress without consent, keep the caller engaged, supervisors on call (Draper et al. 2015, PMC4491352); UK MHTS / Victorian code A (reference/triage.md §0.1 R4, §1.1, §1.2, §1.4)',
    when: { fact: 'contact.attemptInProgress', eq: true },
    then: {
      level: 'R4',
      category: 'high_risk',
      actions: [
        'emergency_transfer_110',
        'emergency_transfer_120',
        'keep_on_line',
        'supervisor_alert',
        'guardian_notification',
        'full_mental_health_evaluation',
      ],
      referrals: [REFERRAL.police, REFERRAL.ambulance, REFERRAL.psychiatricEmergency],
      workOrders: [
        { target: 'police', due: 'PT0S' },
        { target: 'ambulance', due: 'PT0S' },
      ],
      followUp: FOLLOW_UP.R4,
      caseTerm: 'long_term',
    },
  },
  {
    id: 'asq-acute-positive',
    description: {
      zh: 'ASQ 急性阳性：此刻有自杀想法（第5题“是”）',
      en: 'ASQ acute positive: thoughts of killing yourself right now (item 5 yes)',
    },
    source:
      'NIMH ASQ youth pathway: item 5 yes = acute positive, imminent risk, STAT mental-health evaluation, cannot be left alone; every positive gets the resource list (reference/triage.md §1.7, §0.1 R4 "ASQ Q5 yes"; reference/scales.md §5.1)',
    when: { fact: 'scales.asq.category', eq: 'acute-positive' },
    then: {
      level: 'R4',
      actions: [
        'emergency_transfer_120',
        'keep_on_line',
        'supervisor_alert',
        'guardian_notification',
        'school_notification',
        'full_mental_health_evaluation',
        'resource_list',
      ],
      referrals: [REFERRAL.psychiatricEmergency],
      workOrders: [{ target: 'ambulance', due: 'PT0S' }],
      followUp: FOLLOW_UP.R4,
      caseTerm: 'long_term',
    },
  },
  {
    id: 'contact-plan-or-intent',
    description: {
      zh: '来电者表明有自杀计划或自杀意图',
      en: 'the person states a suicide plan or intent',
    },
    source:
      'Lifeline Suicide Risk Assessment Standards: a plan with known method or expressed intent to die is suicidal intent (Joiner et al. 2007; reference/triage.md §1.4); UK MHTS code B: acute ideation with clear plan or means, within 4 h (§1.1); C-SSRS item 4/5 → high (§1.6); a practical-help caller who discloses a plan is R3/R4 (§0.1)',
    when: {
      any: [
        { fact: 'contact.plan', eq: true },
        { fact: 'contact.intent', eq: true },
      ],
    },
    then: { ...HIGH_CRISIS, category: 'high_risk' },
  },
  {
    id: 'cssrs-high',
    description: {
      zh: 'C-SSRS 高风险：过去一个月有自杀意图（第4/5题），或3个月内有自杀行为',
      en: 'C-SSRS high: intent in the past month (item 4 or 5) or suicidal behaviour within 3 months',
    },
    source:
      'Columbia Protocol triage: yes to item 4 or 5 in the past month, or any behaviour within 3 months → immediate safety precautions and mental-health evaluation (cssrs.columbia.edu triage pages; reference/triage.md §1.6, §0.1 R3; reference/scales.md §5.2)',
    when: { fact: 'scales.cssrs-screener.category', eq: 'high' },
    then: HIGH_CRISIS,
  },
  {
    id: 'asq-non-acute-positive',
    description: {
      zh: 'ASQ 非急性阳性：第1–4题有“是”或拒答，第5题“否”',
      en: 'ASQ non-acute positive: a yes or a refusal on items 1–4, item 5 no',
    },
    source:
      'NIMH ASQ youth pathway: any of items 1–4 yes, or a refusal, with item 5 no = non-acute positive → brief suicide safety assessment; every positive gets the resource list (reference/triage.md §1.7; reference/scales.md §5.1). R3 until the assessment: a named person may lower it after a BSSA of low risk (R1 in reference/triage.md §0.1)',
    // Item 5 answered "no"; refused or blank, the acuity is unknown (positive-acuity-unknown): the next rule.
    when: { fact: 'scales.asq.category', eq: 'non-acute-positive' },
    then: HIGH_SCREEN,
  },
  {
    id: 'asq-positive-acuity-unknown',
    description: {
      zh: 'ASQ 阳性，急性程度未知：第5题拒答或未作答（第1–4题有“是”或拒答，或第5题拒答本身）',
      en: 'ASQ positive, acuity unknown: item 5 refused or not answered (after a yes or a refusal on items 1–4, or the refusal itself)',
    },
    source:
      'NIMH ASQ youth pathway: any of items 1–4 yes, or a refusal, is a positive screen → brief suicide safety assessment; a refusal counts as positive; item 5 alone tells acute from non-acute, so without its answer the screen is handled as the non-acute positive it at least is (reference/triage.md §1.7; reference/scales.md §5.1). Critical items are never imputed: a blank item 5 is not read as "no" (reference/scales.md §0.12)',
    when: { fact: 'scales.asq.category', eq: 'positive-acuity-unknown' },
    then: HIGH_SCREEN,
  },
  {
    id: 'phq-item-9',
    description: {
      zh: 'PHQ-9 / PHQ-A 第9题（死亡或自伤念头）≥1',
      en: 'PHQ-9 / PHQ-A item 9 (thoughts of death or self-harm) ≥ 1',
    },
    source:
      'MII PROMs IG PHQ-9: any response ≥1 on item 9 needs immediate clinical evaluation regardless of the total (reference/scales.md §1.1, §1.2); assessment within 24 h as R3 (reference/triage.md §0.1)',
    when: {
      any: [
        { fact: 'scales.phq-9.flags.self-harm-thoughts', eq: 'positive' },
        { fact: 'scales.phq-a.flags.self-harm-thoughts', eq: 'positive' },
      ],
    },
    then: HIGH_SCREEN,
  },
  {
    id: 'phq-a-serious-ideation',
    description: {
      zh: 'PHQ-A 补充题c：过去一个月认真想过结束生命',
      en: 'PHQ-A supplement c: serious thoughts of ending life in the past month',
    },
    source:
      'PHQ-A supplement c is a suicide item (Johnson et al. 2002; reference/scales.md §1.2, §0.12); past-month serious ideation counted as suicide-risk endorsement (Psychiatr Serv doi:10.1176/appi.ps.202000207); active ideation → R3 (reference/triage.md §0.1)',
    when: { fact: 'scales.phq-a.flags.serious-suicidal-ideation', eq: 'positive' },
    then: HIGH_SCREEN,
  },
  {
    id: 'phq-a-lifetime-attempt',
    description: {
      zh: 'PHQ-A 补充题d：曾经尝试自杀',
      en: 'PHQ-A supplement d: ever attempted suicide',
    },
    source:
      'PHQ-A supplement d is a suicide item (reference/scales.md §1.2, §0.12); a lifetime attempt is a positive ASQ screen (item 4, "ever tried") that needs a brief suicide safety assessment (NIMH ASQ pathway, reference/triage.md §1.7)',
    when: { fact: 'scales.phq-a.flags.lifetime-suicide-attempt', eq: 'positive' },
    then: HIGH_SCREEN,
  },
  {
    id: 'sds-item-19',
    description: {
      zh: 'SDS 第19题（觉得自己死了别人会过得更好）≥ 小部分时间',
      en: 'SDS item 19 (others better off if I were dead) at "some of the time" or more',
    },
    source:
      'SDS item 19 is suicidal ideation (Zung 1965; reference/scales.md §2.1, §0.12; flag from answer 2 is the scales package design); its content matches ASQ item 2 ("family better off if you were dead"), a positive screen that needs a brief suicide safety assessment (NIMH ASQ pathway, reference/triage.md §1.7), and PHQ-9 item 9 (reference/scales.md §1.1)',
    when: { fact: 'scales.sds.flags.better-off-dead', eq: 'positive' },
    then: HIGH_SCREEN,
  },
  {
    id: 'scl-90-suicide-items',
    description: {
      zh: 'SCL-90 第15题（想结束自己的生命）或第59题（想到死亡的事）≥ 很轻',
      en: 'SCL-90 item 15 (thoughts of ending life) or item 59 (thoughts of death) at "a little bit" or more',
    },
    source:
      "SCL-90 items 15 (抑郁) and 59 (其他) are the suicide items (reference/scales.md §6.1, §0.12; flag at any answer above 没有 is the scales package design); thoughts of ending one's life match ASQ item 3 and PHQ-9 item 9, positive screens that need a brief suicide safety assessment within 24 h (NIMH ASQ pathway, reference/triage.md §1.7; reference/scales.md §1.1), so R3 as phq-item-9 (reference/triage.md §0.1)",
    when: {
      any: [
        { fact: 'scales.scl-90.flags.scl-90-ending-life', eq: 'positive' },
        { fact: 'scales.scl-90.flags.scl-90-death', eq: 'positive' },
      ],
    },
    then: HIGH_SCREEN,
  },
  {
    id: 'cesd-r-suicide-items',
    description: {
      zh: 'CESD-R 第14题（希望自己死了）或第15题（想伤害自己）有任何天数',
      en: 'CESD-R item 14 (wished I were dead) or item 15 (wanted to hurt myself) on any day',
    },
    source:
      'CESD-R items 14 and 15 form the suicidal symptom group (Eaton et al. 2004; reference/scales.md §3.2, §0.12; flag at ≥1 day is the scales package design); a death wish or wish to self-harm matches ASQ item 1 and PHQ-9 item 9, positive screens that need a brief suicide safety assessment within 24 h (NIMH ASQ pathway, reference/triage.md §1.7; reference/scales.md §1.1), so R3 as phq-item-9 (reference/triage.md §0.1)',
    when: {
      any: [
        { fact: 'scales.cesd-r.flags.cesd-r-death-wish', eq: 'positive' },
        { fact: 'scales.cesd-r.flags.cesd-r-self-harm', eq: 'positive' },
      ],
    },
    then: HIGH_SCREEN,
  },
  {
    id: 'critical-item-unanswered',
    description: {
      zh: '危机条目未作答（自杀相关条目空白或 ASQ 无法判断）：补问并做简要自杀安全评估',
      en: 'a suicide item is blank (or the ASQ is undecided): ask again and do a brief suicide safety assessment',
    },
    source:
      'Critical items are never imputed: missing means unknown, and unknown escalates (reference/scales.md §0.12; DESIGN.md "Rules every part keeps"); the NIMH ASQ pathway treats a refusal as a positive screen (reference/triage.md §1.7). The level is also raised by the rule set\'s unknownCritical policy; this rule adds the actions',
    when: {
      any: [
        { fact: 'scales.asq.category', eq: 'unknown' },
        { fact: 'scales.asq.flags.asq-unanswered', eq: 'unknown' },
        { fact: 'scales.asq.flags.asq-acuity-unknown', eq: 'unknown' },
        { fact: 'scales.phq-9.flags.self-harm-thoughts', eq: 'unknown' },
        { fact: 'scales.phq-a.flags.self-harm-thoughts', eq: 'unknown' },
        { fact: 'scales.phq-a.flags.serious-suicidal-ideation', eq: 'unknown' },
        { fact: 'scales.phq-a.flags.lifetime-suicide-attempt', eq: 'unknown' },
        { fact: 'scales.sds.flags.better-off-dead', eq: 'unknown' },
        { fact: 'scales.cssrs-screener.flags.cssrs-unanswered', eq: 'unknown' },
        { fact: 'scales.scl-90.flags.scl-90-ending-life', eq: 'unknown' },
        { fact: 'scales.scl-90.flags.scl-90-death', eq: 'unknown' },
        { fact: 'scales.cesd-r.flags.cesd-r-death-wish', eq: 'unknown' },
        { fact: 'scales.cesd-r.flags.cesd-r-self-harm', eq: 'unknown' },
      ],
    },
    then: {
      level: 'R3',
      actions: ['rescreen', 'brief_suicide_safety_assessment'],
      workOrders: [{ target: 'school', due: 'PT24H' }],
      followUp: FOLLOW_UP.R3,
    },
  },
  {
    id: 'asq-negative',
    description: { zh: 'ASQ 阴性：第1–4题均为“否”', en: 'ASQ negative: items 1–4 all no' },
    source:
      'NIMH ASQ: all no = negative screen, exit the pathway; clinical judgement can override a negative screen (reference/triage.md §1.7; reference/scales.md §5.1)',
    when: { fact: 'scales.asq.category', eq: 'negative' },
    then: { noAction: true },
  },
  {
    id: 'cssrs-moderate',
    description: {
      zh: 'C-SSRS 中风险：有方法的自杀想法（第3题），或3个月前有自杀行为',
      en: 'C-SSRS moderate: thoughts with a method (item 3) or suicidal behaviour more than 3 months ago',
    },
    source:
      'C-SSRS screener triage: item 3, or behaviour more than 3 months ago → moderate; positives below high → outpatient referral and crisis resources (reference/triage.md §1.6 [R: the moderate/low split is from secondary material], §0.1 R2; reference/scales.md §5.2)',
    when: { fact: 'scales.cssrs-screener.category', eq: 'moderate' },
    then: {
      level: 'R2',
      actions: ['safety_plan', 'counselling', 'resource_list'],
      referrals: [REFERRAL.outpatient],
      workOrders: [{ target: 'hospital', due: 'PT72H' }],
      followUp: FOLLOW_UP.R2,
    },
  },
  {
    id: 'cssrs-active-ideation',
    description: {
      zh: 'C-SSRS 第2题“是”：有主动的自杀想法（青少年服务按中风险处理）',
      en: 'C-SSRS item 2 yes: active suicidal thoughts (a youth service treats this as moderate)',
    },
    source:
      'Youth-service choice that reference/triage.md §0.1 allows ("youth services may choose to treat C-SSRS Q2 as R2"); UK MHTS code C places suicidal ideation without plan within 24 h (§1.1). Reads the item answer: score with includeItems',
    when: { fact: 'scales.cssrs-screener.items.2', eq: 1 },
    then: {
      level: 'R2',
      actions: ['safety_plan', 'counselling', 'resource_list'],
      referrals: [REFERRAL.schoolPsychology],
      workOrders: [{ target: 'school', due: 'PT72H' }],
      followUp: FOLLOW_UP.R2,
    },
  },
  {
    id: 'cssrs-low',
    description: {
      zh: 'C-SSRS 低风险：只有第1–2题“是”',
      en: 'C-SSRS low: yes to items 1–2 only',
    },
    source:
      'C-SSRS screener triage: items 1–2 only → low (reference/scales.md §5.2); passive death wish only → R1 (reference/triage.md §0.1, §1.6)',
    when: { fact: 'scales.cssrs-screener.category', eq: 'low' },
    then: LOW,
  },
  {
    id: 'cssrs-none',
    description: { zh: 'C-SSRS 无风险：各题均为“否”', en: 'C-SSRS no risk: every item no' },
    source: 'C-SSRS screener triage: no item endorsed → no risk (reference/scales.md §5.2)',
    when: { fact: 'scales.cssrs-screener.category', eq: 'none' },
    then: { noAction: true },
  },
];
