import type { Rule } from '../schema.ts';
import { FOLLOW_UP, HIGH_CRISIS, LOW, MODERATE_REFER, REFERRAL } from './outcomes.ts';

const DONGGUAN =
  'Dongguan hotline four categories (一般性心理 / 精神或心理疾病 / 现实性求助 / 高危来电) map by default to R1 / R2 / R0 / R3–R4, and a category never caps the level (reference/triage.md §0.1, §1.8)';

/**
 * Contact categories to their default levels. Each is a floor, never a cap: the most severe rule wins, so a
 * practical-help caller who discloses a plan is still R3 through `contact-plan-or-intent`.
 */
export const contactRules: Rule[] = [
  {
    id: 'contact-high-risk',
    description: { zh: '来电分类：高危来电', en: 'contact category: high risk' },
    source: `${DONGGUAN}; R3 actions from §0.1 (R4 needs an attempt in progress or an acute screen)`,
    when: { fact: 'contact.category', eq: 'high_risk' },
    then: { ...HIGH_CRISIS, category: 'high_risk' },
  },
  {
    id: 'contact-illness',
    description: { zh: '来电分类：精神或心理疾病', en: 'contact category: mental or psychological illness' },
    source: `${DONGGUAN}; suspected mental illness → R2, referral work order within 72 h (§0.1 R2)`,
    when: { fact: 'contact.category', eq: 'illness' },
    then: { ...MODERATE_REFER, category: 'illness' },
  },
  {
    id: 'contact-general',
    description: { zh: '来电分类：一般性心理问题', en: 'contact category: general psychological issue' },
    source: `${DONGGUAN}; general psychological issue → R1, counselling on the call (§0.1 R1)`,
    when: { fact: 'contact.category', eq: 'general' },
    then: { ...LOW, referrals: [REFERRAL.schoolCounsellor, REFERRAL.onlineCounselling], category: 'general' },
  },
  {
    id: 'contact-practical',
    description: { zh: '来电分类：现实性求助', en: 'contact category: practical help' },
    source: `${DONGGUAN}; practical need → R0, work order to the competent agency, closure confirmation (§0.1 R0, §1.8 Hainan work orders)`,
    when: { fact: 'contact.category', eq: 'practical' },
    then: {
      level: 'R0',
      category: 'practical',
      referrals: [REFERRAL.partnerAgency],
      workOrders: [{ target: 'agency', due: 'P7D' }],
      followUp: FOLLOW_UP.R0,
      caseTerm: 'short_term',
    },
  },
];
