import type { Facts } from '../facts.ts';
import type { FactTest } from '../schema.ts';
import { type FactInfo, resolveFact, scoreGroup } from './catalog.ts';
import type { Conjunct, Literal } from './normalize.ts';
import { possibleWorlds } from './score-worlds.ts';

/**
 * Region algebra by enumeration. Each group of facts has a finite list of sample worlds that over-approximates what
 * the facts can hold (absent included); every literal on the group is constant between samples, so "some sample
 * admits the literals" decides satisfiability and "every sample admitting A admits B" decides A ⊆ B. Groups are
 * treated as independent: that only adds worlds, so "never true" and "always implies" stay sound.
 */

/** Keyword lists are sampled as every subset of the ids tested; beyond this many ids a group is not analysed. */
const MAX_LIST_IDS = 10;

function info(literal: Literal): FactInfo {
  const found = resolveFact(literal.fact);
  // Rules with unknown facts never reach the region analyses.
  if (!found.ok) throw new Error(`unresolved fact ${literal.fact} in region analysis`);
  return found.value;
}

function nest(path: string, value: unknown): Facts {
  const keys = path.split('.');
  let node: unknown = value;
  for (let i = keys.length - 1; i >= 0; i--) node = { [keys[i] as string]: node };
  return node as Facts;
}

function constants(test: FactTest): unknown[] {
  const { fact: _, ...operator } = test;
  return Object.values(operator).flatMap((v) => (Array.isArray(v) ? v : [v]));
}

/** One number in each cell cut by the tested numbers, and the numbers themselves, within [min, max]. */
function numberSamples(min: number, max: number, tested: readonly unknown[]): number[] {
  const cuts = [
    ...new Set([...tested.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)), min, max]),
  ]
    .filter((v) => Number.isFinite(v) && v >= min && v <= max)
    .sort((a, b) => a - b);
  if (cuts.length === 0) return [0];
  const samples = [...cuts];
  for (let i = 1; i < cuts.length; i++) samples.push(((cuts[i - 1] as number) + (cuts[i] as number)) / 2);
  if (!Number.isFinite(min)) samples.push((cuts[0] as number) - 1);
  if (!Number.isFinite(max)) samples.push((cuts[cuts.length - 1] as number) + 1);
  return samples;
}

function listSamples(tested: readonly unknown[]): unknown[][] | null {
  const ids = [...new Set(tested)];
  if (ids.length > MAX_LIST_IDS) return null;
  let subsets: unknown[][] = [[]];
  for (const id of ids) subsets = subsets.flatMap((s) => [s, [...s, id]]);
  return subsets;
}

const scoreWorldFacts = new Map<string, readonly Facts[]>();

/** Sample worlds of the group of `literals` (all of one group), or null when the group is not analysable. */
function worldsOf(literals: readonly Literal[]): readonly Facts[] | null {
  const first = literals[0];
  if (!first) return [{}];
  const fact = info(first);
  const { instrument } = fact;
  if (instrument && fact.group === scoreGroup(instrument.id)) {
    let worlds = scoreWorldFacts.get(fact.group);
    if (!worlds) {
      worlds = possibleWorlds(instrument).map((w) => ({ scales: { [instrument.id]: w } }));
      scoreWorldFacts.set(fact.group, worlds);
    }
    return worlds;
  }
  const tested = literals.flatMap((l) => constants(l.test));
  const { domain } = fact;
  const values =
    domain.kind === 'range'
      ? numberSamples(domain.min, domain.max, tested)
      : domain.kind === 'list'
        ? listSamples(tested)
        : domain.values;
  return values ? [{}, ...values.map((v) => nest(fact.path, v))] : null;
}

/** A conjunct's literals by fact group. */
export function byGroup(conjunct: Conjunct): Map<string, Literal[]> {
  const groups = new Map<string, Literal[]>();
  for (const literal of conjunct) {
    const group = info(literal).group;
    const list = groups.get(group);
    if (list) list.push(literal);
    else groups.set(group, [literal]);
  }
  return groups;
}

export const admits = (literals: readonly Literal[], world: Facts): boolean =>
  literals.every((l) => l.predicate(world) === l.wants);

/** The literals of the first group no possible world satisfies, or undefined when the conjunct may be true. */
export function contradiction(conjunct: Conjunct): readonly Literal[] | undefined {
  for (const literals of byGroup(conjunct).values()) {
    const worlds = worldsOf(literals);
    if (worlds && !worlds.some((w) => admits(literals, w))) return literals;
  }
  return undefined;
}

/** False only when the conjunct can certainly never be true. */
export const satisfiable = (conjunct: Conjunct): boolean => contradiction(conjunct) === undefined;

/** Whether `a` and `b` may be true together. */
export const overlaps = (a: Conjunct, b: Conjunct): boolean => satisfiable([...a, ...b]);

/** True only when every world where `a` is true certainly makes `b` true. */
export function implies(a: Conjunct, b: Conjunct): boolean {
  if (!satisfiable(a)) return true;
  const groupsOfA = byGroup(a);
  for (const [group, ofB] of byGroup(b)) {
    const ofA = groupsOfA.get(group) ?? [];
    const worlds = worldsOf([...ofA, ...ofB]);
    if (!worlds) return false;
    for (const w of worlds) if (admits(ofA, w) && !admits(ofB, w)) return false;
  }
  return true;
}
