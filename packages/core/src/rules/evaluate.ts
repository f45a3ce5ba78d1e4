import { createHash } from 'node:crypto';
import { canonicalJson } from '../canonical-json.ts';
import {
  type Bears,
  compileCondition,
  compileReader,
  factPaths,
  type Predicate,
  type Reader,
  TRUE,
  UNKNOWN,
} from './conditions.ts';
import type { Facts } from './facts.ts';
import { defaultLevelScheme, type Level, type LevelScheme, levelRank, RISK_LEVELS } from './levels.ts';
import type { ACTIONS, Outcome, Rule, RuleSet } from './schema.ts';

export type Action = (typeof ACTIONS)[number];

/** One rule that fired, with the facts it read: the explanation of a decision. */
export interface FiredRule {
  readonly id: string;
  readonly level: Level | null;
  readonly description: Rule['description'];
  readonly source: string | null;
  readonly reads: readonly { readonly fact: string; readonly value: unknown }[];
}

export interface RuleSetRef {
  readonly id: string;
  readonly version: string;
  /** sha256 of the rule set's canonical JSON: the exact rules that decided. */
  readonly hash: string;
}

/** The outcome of a rule set over one person's facts, with everything needed to explain it. */
export interface Decision {
  /** The most severe level any rule (or the unknown-critical policy) reached; null when nothing fired. */
  readonly level: Level | null;
  readonly category: NonNullable<Outcome['category']> | null;
  readonly actions: readonly Action[];
  readonly referrals: readonly string[];
  readonly workOrders: readonly { readonly target: string; readonly due: string }[];
  readonly followUp: readonly string[] | null;
  readonly caseTerm: NonNullable<Outcome['caseTerm']> | null;
  readonly fired: readonly FiredRule[];
  /** Rules that could not be decided because a fact they read was missing. */
  readonly undetermined: readonly string[];
  readonly ruleSet: RuleSetRef;
}

export interface EvaluateOptions {
  /** A level the decision may not fall below (e.g. the case's current level): rules never lower a level. */
  readonly atLeast?: Level;
}

interface FactReader {
  readonly fact: string;
  readonly read: Reader;
  /** What the fact is about: `scales`, `contact` or `person`, and for scales the instrument id and field. */
  readonly subject: string;
  readonly instrument: string | undefined;
  readonly isFlag: boolean;
}

function factReader(fact: string): FactReader {
  const [subject = '', instrument, field] = fact.split('.');
  return { fact, read: compileReader(fact), subject, instrument, isFlag: field === 'flags' };
}

interface CompiledRule {
  readonly rule: Rule;
  readonly test: Predicate;
  /** The test with facts that bear on nothing given read as false: UNKNOWN only when given facts leave it open. */
  readonly open: Predicate;
  readonly readers: readonly FactReader[];
  readonly rank: number;
}

/** A rule set prepared for evaluation: conditions compiled, hash computed. */
export interface CompiledRuleSet {
  readonly ruleSet: RuleSet;
  readonly ref: RuleSetRef;
  readonly levels: LevelScheme;
  readonly rules: readonly CompiledRule[];
}

const cache = new WeakMap<RuleSet, CompiledRuleSet>();

export function compileRuleSet(ruleSet: RuleSet): CompiledRuleSet {
  const cached = cache.get(ruleSet);
  if (cached) return cached;
  const compiled: CompiledRuleSet = {
    ruleSet,
    ref: {
      id: ruleSet.id,
      version: ruleSet.version,
      hash: `sha256:${createHash('sha256').update(canonicalJson(ruleSet)).digest('hex')}`,
    },
    levels: { ...defaultLevelScheme, ...ruleSet.levels },
    rules: ruleSet.rules.map((rule) => ({
      rule,
      test: compileCondition(rule.when),
      open: compileCondition(rule.when, bearsOnFact),
      readers: factPaths(rule.when).map(factReader),
      rank: rule.then.level ? levelRank(rule.then.level) : -1,
    })),
  };
  cache.set(ruleSet, compiled);
  return compiled;
}

/** Paths of critical answers that are unknown: flags with status unknown, categorical screeners that could not decide. */
function unknownCriticals(facts: Facts): { fact: string; value: unknown }[] {
  const found: { fact: string; value: unknown }[] = [];
  for (const [id, scale] of Object.entries(facts.scales ?? {})) {
    for (const [flag, status] of Object.entries(scale.flags ?? {})) {
      if (status === 'unknown') found.push({ fact: `scales.${id}.flags.${flag}`, value: status });
    }
    if (scale.category === 'unknown') found.push({ fact: `scales.${id}.category`, value: 'unknown' });
  }
  return found;
}

/**
 * Whether a missing fact is worth reporting: its instrument was given (an absent flag there is negative, not missing),
 * or the contact or person it describes is present. Rules on an instrument nobody took are beside the point.
 */
function bearsOn(r: FactReader, facts: Facts): boolean {
  if (r.subject === 'scales') {
    if (r.isFlag || !r.instrument || facts.scales?.[r.instrument] === undefined) return false;
  } else if ((r.subject === 'contact' ? facts.contact : facts.person) === undefined) return false;
  return true;
}

const readers = new Map<string, FactReader>();
/** {@link bearsOn} by path, for compileCondition: one reader per path, made once. */
const bearsOnFact: Bears = (fact, facts) => {
  let r = readers.get(fact);
  if (!r) {
    r = factReader(fact);
    readers.set(fact, r);
  }
  return bearsOn(r, facts);
};

function pushUnique<T>(list: T[], items: readonly T[] | undefined, key: (t: T) => string = String): void {
  if (!items) return;
  for (const item of items) if (!list.some((x) => key(x) === key(item))) list.push(item);
}

/**
 * Runs a rule set over one person's facts. The most severe level wins (DMN PRIORITY over the ordered levels);
 * actions, referrals and work orders are collected and de-duplicated; single-valued outcomes (category, follow-up
 * schedule, case term) come from the most severe rule that sets them, the first in rule order on a tie.
 * @see reference/triage.md §0.1 (level model), §2.2 (DMN hit policies)
 * @example
 * const decision = evaluateRules(defaultRuleSet, { scales: { asq: scaleFacts(asqScore) } });
 * decision.level; // 'R4' for an acute-positive ASQ
 */
export function evaluateRules(
  ruleSet: RuleSet | CompiledRuleSet,
  facts: Facts,
  options: EvaluateOptions = {},
): Decision {
  const compiled = 'ref' in ruleSet ? ruleSet : compileRuleSet(ruleSet);
  const fired: FiredRule[] = [];
  const undetermined: string[] = [];
  let rank = options.atLeast ? levelRank(options.atLeast) : -1;
  const actions: Action[] = [];
  const referrals: string[] = [];
  const workOrders: { target: string; due: string }[] = [];
  let category: { value: NonNullable<Outcome['category']>; rank: number } | null = null;
  let followUp: { value: readonly string[]; rank: number } | null = null;
  let caseTerm: { value: NonNullable<Outcome['caseTerm']>; rank: number } | null = null;

  for (const c of compiled.rules) {
    const truth = c.test(facts);
    // Open on the facts given, not only on an instrument nobody took (SCARED rules read the child and parent forms).
    if (truth === UNKNOWN && c.open(facts) === UNKNOWN) undetermined.push(c.rule.id);
    if (truth !== TRUE) continue;
    const then = c.rule.then;
    fired.push({
      id: c.rule.id,
      level: then.level ?? null,
      description: c.rule.description,
      source: c.rule.source ?? null,
      reads: c.readers.map((r) => ({ fact: r.fact, value: r.read(facts) ?? null })),
    });
    if (c.rank > rank) rank = c.rank;
    pushUnique(actions, then.actions);
    pushUnique(referrals, then.referrals);
    pushUnique(workOrders, then.workOrders, (w) => `${w.target}@${w.due}`);
    if (then.category && (!category || c.rank > category.rank)) category = { value: then.category, rank: c.rank };
    if (then.followUp && (!followUp || c.rank > followUp.rank)) followUp = { value: then.followUp, rank: c.rank };
    if (then.caseTerm && (!caseTerm || c.rank > caseTerm.rank)) caseTerm = { value: then.caseTerm, rank: c.rank };
  }

  const unknown = unknownCriticals(facts);
  if (unknown.length > 0) {
    const policy = compiled.ruleSet.unknownCritical;
    fired.push({
      id: 'unknown-critical',
      level: policy.level,
      description: {
        zh: `危机条目未作答或无法判断：至少按 ${policy.level} 处理`,
        en: `critical answer missing or undecided: treated as at least ${policy.level}`,
      },
      source: policy.source,
      reads: unknown,
    });
    rank = Math.max(rank, levelRank(policy.level));
  }

  return {
    level: RISK_LEVELS[rank] ?? null,
    category: category?.value ?? null,
    actions,
    referrals,
    workOrders,
    followUp: followUp?.value ?? null,
    caseTerm: caseTerm?.value ?? null,
    fired,
    undetermined,
    ruleSet: compiled.ref,
  };
}
