import { type BandSet, type InstrumentDefinition, instruments } from '@triage/scales';
import { factPaths } from '../conditions.ts';
import type { Facts } from '../facts.ts';
import type { RuleSet } from '../schema.ts';
import type { AnalysedRule } from './analysed-rule.ts';
import { resolveFact, scoreGroup } from './catalog.ts';
import { CATEGORIES, UNKNOWN_CATEGORY } from './known-values.ts';
import { gap, show } from './messages.ts';
import type { Literal } from './normalize.ts';
import { admits, byGroup } from './regions.ts';
import { defaultBandSet, nominalWorlds, type ScoreWorld } from './score-worlds.ts';
import type { DraftIssue } from './types.ts';

const AXES = ['total', 'index', 'band', 'category'] as const;
type Axis = (typeof AXES)[number];

/** Which score facts of which instruments the rule set tests, and the rules (by position) that test each. */
function testedAxes(ruleSet: RuleSet): Map<string, Map<Axis, number[]>> {
  const tested = new Map<string, Map<Axis, number[]>>();
  ruleSet.rules.forEach((rule, index) => {
    for (const path of factPaths(rule.when)) {
      const found = resolveFact(path);
      const axis = path.split('.')[2] as Axis;
      if (!found.ok || !found.value.instrument || !AXES.includes(axis)) continue;
      const id = found.value.instrument.id;
      const axes = tested.get(id) ?? new Map<Axis, number[]>();
      tested.set(id, axes);
      axes.set(axis, [...new Set([...(axes.get(axis) ?? []), index])]);
    }
  });
  return tested;
}

/** Consecutive uncovered points as "a–b" runs, in domain order. */
function runs(points: readonly (string | number)[], uncovered: (p: string | number) => boolean): string[] {
  const out: string[] = [];
  let start: string | number | undefined;
  let last: string | number | undefined;
  for (const p of [...points, undefined]) {
    if (p !== undefined && uncovered(p)) {
      start ??= p;
      last = p;
    } else if (start !== undefined) {
      out.push(start === last ? show(start) : `${show(start)}–${show(last)}`);
      start = undefined;
    }
  }
  return out;
}

/** The literals each alternative puts on one fact group; alternatives that do not test the group do not cover it. */
function alternativesOn(rules: readonly AnalysedRule[], group: string): Literal[][] {
  return rules.flatMap((r) => r.region.map((c) => byGroup(c).get(group)).filter((l) => l !== undefined));
}

function uncoveredScores(
  def: InstrumentDefinition,
  axis: Axis,
  set: BandSet | undefined,
  rules: readonly AnalysedRule[],
) {
  const alternatives = alternativesOn(rules, scoreGroup(def.id));
  const worlds = nominalWorlds(def, set);
  const missed = worlds.filter((w) => {
    const facts: Facts = { scales: { [def.id]: w } };
    return !alternatives.some((literals) => admits(literals, facts));
  });
  if (missed.length === 0) return [];
  const pick = (w: ScoreWorld) => (axis === 'index' ? w.index : axis === 'band' ? w.band : w.total);
  const holes = new Set(missed.map(pick));
  const points =
    axis === 'band' ? (set?.bands.map((b) => b.id) ?? []) : [...new Set(worlds.map(pick))].filter((p) => p !== null);
  return runs(points, (p) => holes.has(p));
}

function scoreGaps(def: InstrumentDefinition, axes: Map<Axis, number[]>, rules: readonly AnalysedRule[]) {
  const axis = (['total', 'index', 'band'] as const).find((a) => axes.has(a));
  if (!axis) return [];
  // The band fact comes from whichever band set scoring used: a rule set that tests bands must hold under each.
  const sets = axes.has('band') && def.bandSets.length > 1 ? def.bandSets : [defaultBandSet(def)];
  const found = sets.map((set) => ({ set, values: uncoveredScores(def, axis, set, rules) }));
  const uniform = found.every((f) => same(f.values, found[0]?.values));
  return found
    .filter((f) => f.values.length > 0)
    .slice(0, uniform ? 1 : undefined)
    .map((f) => ({ axis, values: f.values, bandSet: uniform ? undefined : f.set?.id }));
}

const same = (a: readonly string[], b: readonly string[] | undefined) => JSON.stringify(a) === JSON.stringify(b);

function categoryGaps(def: InstrumentDefinition, rules: readonly AnalysedRule[]) {
  if (def.scoring === 'sum') return [];
  const path = `scales.${def.id}.category`;
  const alternatives = alternativesOn(rules, path);
  const values = CATEGORIES[def.scoring].filter(
    // `unknown` is the unknown-critical policy's to handle, not the rules'.
    (c) => c !== UNKNOWN_CATEGORY && !alternatives.some((l) => admits(l, { scales: { [def.id]: { category: c } } })),
  );
  return values.length > 0 ? [{ axis: 'category' as const, values, bandSet: undefined }] : [];
}

/**
 * RULES_GAP: every band, every integer total or index and every category of each instrument the rule set tests
 * must reach some rule. An alternative covers a score when its tests on that instrument's score facts (total, index,
 * band, cut-offs jointly; category for categorical screeners) hold there; tests on other facts count as satisfiable.
 */
export function findGaps(ruleSet: RuleSet, rules: readonly AnalysedRule[], skip: ReadonlySet<string>): DraftIssue[] {
  const issues: DraftIssue[] = [];
  for (const [id, axes] of testedAxes(ruleSet)) {
    const def = instruments.find((d) => d.id === id);
    if (!def || skip.has(id)) continue;
    const found =
      def.scoring === 'sum' ? scoreGaps(def, axes, rules) : axes.has('category') ? categoryGaps(def, rules) : [];
    for (const g of found) {
      const testing = axes.get(g.axis) ?? [];
      issues.push({
        severity: 'error',
        code: 'RULES_GAP',
        rules: testing.map((i) => ruleSet.rules[i]?.id ?? String(i)),
        message: gap(`scales.${id}.${g.axis}`, g.values, g.bandSet),
        ...(testing[0] === undefined ? {} : { at: ['rules', testing[0]] }),
      });
    }
  }
  return issues;
}
