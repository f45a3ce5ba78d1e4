import type { Localized } from '@triage/scales';
import { describeCondition } from '../describe.ts';
import type { Level } from '../levels.ts';
import type { UnknownFact } from './catalog.ts';
import type { Literal } from './normalize.ts';

/** Every user-facing string of the rule checker, in zh-CN and en. */

const list = (items: readonly unknown[]): Localized => ({
  zh: items.map(show).join('、'),
  en: items.map(show).join(', '),
});

export const show = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));
const quoted = (v: unknown): string => JSON.stringify(v);

const levelName = (level: Level | undefined): Localized =>
  level ? { zh: level, en: level } : { zh: '无等级', en: 'no level' };

export function noSource(rule: string): Localized {
  return {
    zh: `规则 ${rule} 缺少来源 (source)：请注明出处（量表手册、文献、规程条款或本地政策）`,
    en: `rule ${rule} has no source: say where it comes from (instrument manual, paper, protocol clause or local policy)`,
  };
}

const produced: Record<string, (instrument: string) => Localized> = {
  total: (i) => ({ zh: `${i} 为分类判定量表，没有总分`, en: `${i} is categorical: it has no total` }),
  index: (i) => ({ zh: `${i} 没有标准分 (index)`, en: `${i} has no index (standard score)` }),
  band: (i) => ({ zh: `${i} 没有分级 (band)`, en: `${i} has no bands` }),
  category: (i) => ({
    zh: `${i} 按总分计分，没有分类结果 (category)`,
    en: `${i} is scored by sum: it has no category`,
  }),
};

const members: Record<string, Localized> = {
  items: { zh: '条目', en: 'item' },
  flags: { zh: '标记', en: 'flag' },
  cutoffs: { zh: '界值', en: 'cut-off' },
  subscales: { zh: '分量表', en: 'subscale' },
  derived: { zh: '衍生结果', en: 'derived result' },
};

function reason(why: UnknownFact): Localized {
  switch (why.kind) {
    case 'instrument': {
      const hint = why.suggestion;
      return {
        zh: `未注册量表 ${quoted(why.id)}${hint ? `（是否指 ${hint}？）` : ''}`,
        en: `no instrument ${quoted(why.id)} is registered${hint ? ` (did you mean ${hint}?)` : ''}`,
      };
    }
    case 'not-produced': {
      const text = produced[why.field];
      return text
        ? text(why.instrument)
        : { zh: `${why.instrument} 没有 ${why.field}`, en: `${why.instrument} has no ${why.field}` };
    }
    case 'member': {
      const noun = members[why.field] ?? { zh: why.field, en: why.field };
      const known = list(why.known);
      return {
        zh: `${why.instrument} 没有${noun.zh} ${quoted(why.id)}（已有：${known.zh || '无'}）`,
        en: `${why.instrument} has no ${noun.en} ${quoted(why.id)} (known: ${known.en || 'none'})`,
      };
    }
    case 'field': {
      const known = list(why.known);
      return {
        zh: `${why.root} 没有字段 ${quoted(why.field)}（可用：${known.zh}）`,
        en: `${why.root} has no field ${quoted(why.field)} (known: ${known.en})`,
      };
    }
    case 'shape':
      return { zh: `${why.path} 不是规则引擎可读取的事实路径`, en: `${why.path} is not a fact path the engine reads` };
  }
}

export function unknownFact(rule: string, why: UnknownFact): Localized {
  const r = reason(why);
  return { zh: `规则 ${rule}：${r.zh}`, en: `rule ${rule}: ${r.en}` };
}

export function unknownValue(rule: string, fact: string, value: unknown, known: readonly unknown[]): Localized {
  const k = list(known);
  return {
    zh: `规则 ${rule}：${fact} 没有取值 ${quoted(value)}（可能的取值：${k.zh}）`,
    en: `rule ${rule}: ${fact} has no value ${quoted(value)} (possible: ${k.en})`,
  };
}

const holds: Record<'number' | 'id' | 'list', Localized> = {
  number: { zh: '数字', en: 'a number' },
  id: { zh: '标识', en: 'an id' },
  list: { zh: '标识列表', en: 'a list of ids' },
};

export function typeMismatch(rule: string, fact: string, operator: string, kind: keyof typeof holds): Localized {
  return {
    zh: `规则 ${rule}：${fact} 的值是${holds[kind].zh}，${operator} 对它永不成立或无意义`,
    en: `rule ${rule}: ${fact} holds ${holds[kind].en}: \`${operator}\` never matches it as intended`,
  };
}

export function tooComplex(rule: string, max: number): Localized {
  return {
    zh: `规则 ${rule} 过于复杂（展开后超过 ${max} 个分支）：不可达、遮蔽、冲突和缺口检查均跳过该规则及其读取的量表`,
    en: `rule ${rule} is too complex to analyse (over ${max} alternatives): the unreachable, shadowing, conflict and gap checks skip it and the instruments it reads`,
  };
}

function describeLiterals(literals: readonly Literal[]): Localized {
  const text = (lang: 'zh' | 'en') =>
    literals
      .map((l) => describeCondition(l.holds ? l.test : { not: l.test }, lang))
      .join(lang === 'zh' ? ' 且 ' : ' and ');
  return { zh: text('zh'), en: text('en') };
}

export function unsatisfiable(
  rule: string,
  alternatives: number,
  contradiction: readonly Literal[] | undefined,
  possible: string | undefined,
): Localized {
  if (alternatives > 1 || !contradiction) {
    return {
      zh: `规则 ${rule} 永远不会触发：其 ${alternatives} 个分支都不可能成立`,
      en: `rule ${rule} can never fire: none of its ${alternatives} alternatives can be true`,
    };
  }
  const d = describeLiterals(contradiction);
  return {
    zh: `规则 ${rule} 永远不会触发：${d.zh} 不可能成立${possible ? `（可能的取值：${possible}）` : ''}`,
    en: `rule ${rule} can never fire: no possible value satisfies ${d.en}${possible ? ` (possible: ${possible})` : ''}`,
  };
}

export function shadowed(rule: string, level: Level | undefined, by: string, byLevel: Level | undefined): Localized {
  const a = levelName(level);
  const b = levelName(byLevel);
  return {
    zh: `规则 ${rule}（${a.zh}）不会改变决策：它触发时规则 ${by}（${b.zh}）必然同时触发，等级更高且已包含它设置的全部结果`,
    en: `rule ${rule} (${a.en}) never changes the decision: whenever it fires, rule ${by} (${b.en}) fires too, at a higher level and setting everything it sets`,
  };
}

export interface Disagreement {
  readonly field: string;
  readonly first: unknown;
  readonly second: unknown;
}

export function conflict(
  first: string,
  second: string,
  level: Level | undefined,
  fields: readonly Disagreement[],
): Localized {
  const both = level ? { zh: `同为 ${level}`, en: `both ${level}` } : { zh: '均无等级', en: 'both without a level' };
  const diff = fields.map((f) => `${f.field}: ${show(f.first)} ≠ ${show(f.second)}`);
  return {
    zh: `规则 ${first} 与 ${second}（${both.zh}）可能同时触发，但设置的值不同（${diff.join('；')}）：结果取决于规则顺序（${first} 在前，以其为准）`,
    en: `rules ${first} and ${second} (${both.en}) can fire together and set different values (${diff.join('; ')}): the result depends on rule order (${first} comes first and wins)`,
  };
}

export function gap(fact: string, values: readonly string[], bandSet: string | undefined): Localized {
  const v = list(values);
  return {
    zh: `${fact} 取值 ${v.zh} 没有任何规则命中${bandSet ? `（常模 ${bandSet}）` : ''}：请补充规则；若有意不处理，请加一条 noAction: true 的规则`,
    en: `${fact} ${v.en} reaches no rule${bandSet ? ` (band set ${bandSet})` : ''}: add a rule, or one with noAction: true if no action is intended`,
  };
}
