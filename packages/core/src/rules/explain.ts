import type { Decision } from './evaluate.ts';
import { defaultLevelScheme, type LevelScheme } from './levels.ts';

type Lang = 'zh' | 'en';

const actionNames: Record<string, Record<Lang, string>> = {
  emergency_transfer_110: { zh: '一键转接110', en: 'emergency transfer to 110 (police)' },
  emergency_transfer_120: { zh: '一键转接120', en: 'emergency transfer to 120 (ambulance)' },
  keep_on_line: { zh: '保持通话不挂断', en: 'keep the caller on the line' },
  supervisor_alert: { zh: '通知督导', en: 'alert the supervisor' },
  guardian_notification: { zh: '通知监护人', en: 'notify the guardian' },
  school_notification: { zh: '通知学校', en: 'notify the school' },
  safety_plan: { zh: '制定安全计划', en: 'make a safety plan' },
  means_restriction_counselling: { zh: '限制致命手段指导', en: 'means-restriction counselling' },
  brief_suicide_safety_assessment: { zh: '简要自杀安全评估', en: 'brief suicide safety assessment' },
  full_mental_health_evaluation: { zh: '全面精神心理评估', en: 'full mental-health evaluation' },
  resource_list: { zh: '提供求助资源清单', en: 'give the resource list' },
  counselling: { zh: '心理辅导', en: 'counselling' },
  rescreen: { zh: '复测', en: 'rescreen' },
};

/** The default rule set's referral targets (default/outcomes.ts REFERRAL); a rule set's own ids are shown as written. */
const referralNames: Record<string, Record<Lang, string>> = {
  'police-110': { zh: '公安（110）', en: 'police (110)' },
  'ambulance-120': { zh: '急救（120）', en: 'ambulance (120)' },
  'psychiatric-emergency': { zh: '精神科急诊', en: 'psychiatric emergency' },
  'crisis-team': { zh: '心理危机干预团队', en: 'crisis team' },
  'school-psychology-centre': { zh: '学校心理中心', en: 'school psychology centre' },
  'outpatient-mental-health': { zh: '精神卫生门诊', en: 'mental-health outpatient clinic' },
  'school-counsellor': { zh: '学校心理老师', en: 'school counsellor' },
  'online-counselling': { zh: '网络心理咨询', en: 'online counselling' },
  'partner-agency': { zh: '合作机构', en: 'partner agency' },
};

const DURATION = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/;

/** A follow-up point (an ISO 8601 duration from the decision, `PT24H`, `P7D`) in words; any other form as written. */
function durationWords(iso: string, lang: Lang): string {
  const m = DURATION.exec(iso);
  if (!m || iso === 'P' || iso.endsWith('T')) return iso;
  const units = lang === 'zh' ? ['周', '天', '小时', '分钟'] : ['wk', 'd', 'h', 'min'];
  const parts = [m[1], m[2], m[3], m[4]].flatMap((n, i) => (n === undefined ? [] : [`${Number(n)} ${units[i]}`]));
  return parts.join(lang === 'zh' ? '' : ' ');
}

const words = {
  zh: {
    none: '没有规则触发：未发现需要处置的风险。',
    level: (name: string, level: string, colour: string) => `风险等级 ${level}（${name}，${colour}）。`,
    because: '依据：',
    read: '读取',
    source: '来源',
    actions: '建议措施：',
    referrals: '转介：',
    followUp: (points: string) => `随访：决定后 ${points}。`,
    undetermined: '因信息缺失未能判断的规则：',
    ruleSet: (id: string, version: string, hash: string) => `规则集 ${id} ${version}（${hash.slice(0, 19)}）。`,
    sep: '；',
    end: '。',
    list: '、',
  },
  en: {
    none: 'No rule fired: no risk needing action was found.',
    level: (name: string, level: string, colour: string) => `Risk level ${level} (${name}, ${colour}).`,
    because: 'Because: ',
    read: 'read',
    source: 'source',
    actions: 'Actions: ',
    referrals: 'Referrals: ',
    followUp: (points: string) => `Follow-up: ${points} after the decision.`,
    undetermined: 'Rules not decided for missing facts: ',
    ruleSet: (id: string, version: string, hash: string) => `Rule set ${id} ${version} (${hash.slice(0, 19)}).`,
    sep: '; ',
    end: '.',
    list: ', ',
  },
} as const;

/** The default scheme's colour words in Chinese; any other colour (a school's own) is shown as configured. */
const COLOURS_ZH: Readonly<Record<string, string>> = { red: '红', orange: '橙', yellow: '黄', blue: '蓝', green: '绿' };
const colourName = (colour: string, lang: Lang) => (lang === 'zh' ? (COLOURS_ZH[colour] ?? colour) : colour);

const show = (v: unknown) => (v === null || v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

/**
 * One paragraph a school psychologist can read: the level, each rule that fired with the facts it read and its
 * source, the actions and follow-up, rules left undecided by missing facts, and the rule set that decided.
 */
export function explainDecision(decision: Decision, lang: Lang, levels: LevelScheme = defaultLevelScheme): string {
  const w = words[lang];
  const parts: string[] = [];
  if (!decision.level) parts.push(w.none);
  else {
    const display = levels[decision.level];
    parts.push(w.level(display.name[lang], decision.level, colourName(display.colour, lang)));
  }
  if (decision.fired.length > 0) {
    const because = decision.fired.map((r) => {
      const reads = r.reads.map((x) => `${x.fact} = ${show(x.value)}`).join(w.list);
      const source = r.source ? `${w.sep}${w.source}: ${r.source}` : '';
      return `${r.description[lang]}${r.level ? ` → ${r.level}` : ''} (${w.read} ${reads}${source})`;
    });
    parts.push(`${w.because}${because.join(w.sep)}${w.end}`);
  }
  if (decision.actions.length > 0) {
    parts.push(`${w.actions}${decision.actions.map((a) => actionNames[a]?.[lang] ?? a).join(w.list)}${w.end}`);
  }
  if (decision.referrals.length > 0) {
    parts.push(`${w.referrals}${decision.referrals.map((r) => referralNames[r]?.[lang] ?? r).join(w.list)}${w.end}`);
  }
  if (decision.followUp) parts.push(w.followUp(decision.followUp.map((d) => durationWords(d, lang)).join(w.list)));
  if (decision.undetermined.length > 0) parts.push(`${w.undetermined}${decision.undetermined.join(w.list)}${w.end}`);
  parts.push(w.ruleSet(decision.ruleSet.id, decision.ruleSet.version, decision.ruleSet.hash));
  return parts.join(lang === 'zh' ? '' : ' ');
}
