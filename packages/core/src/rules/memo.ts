import { compileRuleSet, type Decision, type EvaluateOptions, evaluateRules } from './evaluate.ts';
import type { Facts } from './facts.ts';
import type { RuleSet } from './schema.ts';

/** {@link evaluateRules} with a cache: the same facts, as far as any rule can see them, give the same decision. */
export interface DecisionMemo {
  evaluate(facts: Facts, options?: EvaluateOptions): Decision;
  /** Evaluations answered from the cache, and those that ran the rules. */
  readonly stats: { readonly hits: number; readonly misses: number };
}

function encode(value: unknown): string {
  if (value === undefined) return 'u';
  if (value === null) return 'n';
  switch (typeof value) {
    case 'number':
      return `#${value}`;
    case 'string':
      return `s${value.length}:${value}`;
    case 'boolean':
      return value ? 't' : 'f';
    default:
      return `j${JSON.stringify(value)}`;
  }
}

/**
 * The facts the rules read, as a tree of property names: reading each parent object once, a whole absent subtree
 * (an instrument not in the file, no contact) costs one lookup and one character of the key instead of one walk per
 * path. `read`: some rule reads this fact itself, not only facts below it.
 */
interface PathNode {
  readonly name: string;
  read: boolean;
  readonly children: PathNode[];
}

function pathTree(paths: readonly string[]): PathNode[] {
  const root: PathNode[] = [];
  for (const path of paths) {
    let level = root;
    const names = path.split('.');
    names.forEach((name, i) => {
      let node = level.find((n) => n.name === name);
      if (!node) {
        node = { name, read: false, children: [] };
        level.push(node);
      }
      if (i === names.length - 1) node.read = true;
      level = node.children;
    });
  }
  return root;
}

/**
 * The values of every read fact under `parent`, in tree order, as the rules' readers (`compileReader`) read them:
 * `|value` for a fact a rule reads, then `/` and its subtree when it is an object, or `!` when nothing below it can be
 * present.
 */
function readTree(parent: object, nodes: readonly PathNode[]): string {
  let key = '';
  for (const node of nodes) {
    const value: unknown = (parent as Record<string, unknown>)[node.name];
    if (node.read) key += `|${encode(value)}`;
    if (node.children.length === 0) continue;
    key += value !== null && typeof value === 'object' ? `/${readTree(value, node.children)}` : '!';
  }
  return key;
}

/** The fact tree split for {@link keyOf}: each instrument's subtree by id, and everything outside `scales`. */
interface KeyPlan {
  readonly others: readonly PathNode[];
  /** A rule reads `scales` itself (never in practice): its value goes into the key whole. */
  readonly readsScales: boolean;
  readonly scales: ReadonlyMap<string, PathNode>;
}

function keyPlan(paths: readonly string[]): KeyPlan {
  const tree = pathTree(paths);
  const scales = tree.find((n) => n.name === 'scales');
  return {
    others: tree.filter((n) => n !== scales),
    readsScales: scales?.read ?? false,
    scales: new Map((scales?.children ?? []).map((n) => [n.name, n])),
  };
}

/**
 * What a decision depends on, as one string: every fact any rule reads, which instruments and subjects are present
 * (a missing fact only counts as undetermined where its instrument was given), and every unknown critical flag (the
 * unknown-critical policy reads them all). Two fact sets with the same key get the same decision from `evaluateRules`.
 * Instruments are walked as the facts list them, so the dozens a rule set knows but a row lacks cost nothing: an
 * instrument not listed reads as absent, as it does for plain objects.
 */
function keyOf(plan: KeyPlan, facts: Facts, options: EvaluateOptions): string {
  let key = `${options.atLeast ?? '-'}${readTree(facts, plan.others)}`;
  key += `|p${facts.person === undefined ? 0 : 1}c${facts.contact === undefined ? 0 : 1}`;
  const scales = facts.scales;
  if (plan.readsScales) key += `|${encode(scales)}`;
  if (scales) {
    // In the caller's order, unsorted: facts built the same way give the same key; others only miss the cache.
    for (const id in scales) {
      const scale = scales[id];
      key += `|${encode(id)}`;
      if (scale === undefined) continue;
      const node = plan.scales.get(id);
      if (node?.read) key += `|${encode(scale)}`;
      if (node && scale !== null && typeof scale === 'object') key += `/${readTree(scale, node.children)}`;
      if (scale.category === 'unknown') key += '?';
      for (const flag in scale.flags) if (scale.flags[flag] === 'unknown') key += `~${encode(flag)}`;
    }
  }
  return key;
}

/**
 * A cache in front of a rule set for bulk work (a screening of 100,000 students has a few thousand distinct fact
 * patterns). Decisions are shared between callers and must not be mutated; they are equal, field by field, to what
 * `evaluateRules` returns for the same facts. The cache empties itself when it reaches `capacity` entries.
 * @example
 * const memo = createDecisionMemo(defaultRuleSet);
 * const decision = memo.evaluate({ scales: { 'phq-a': scaleFacts(score) }, person: { age: 15 } });
 */
export function createDecisionMemo(ruleSet: RuleSet, options: { readonly capacity?: number } = {}): DecisionMemo {
  const compiled = compileRuleSet(ruleSet);
  const capacity = options.capacity ?? 50_000;
  const paths = [...new Set(compiled.rules.flatMap((rule) => rule.readers.map((r) => r.fact)))];
  const plan = keyPlan(paths);
  const cache = new Map<string, Decision>();
  const stats = { hits: 0, misses: 0 };
  return {
    stats,
    evaluate(facts, evaluateOptions = {}) {
      const key = keyOf(plan, facts, evaluateOptions);
      const cached = cache.get(key);
      if (cached) {
        stats.hits++;
        return cached;
      }
      stats.misses++;
      const decision = evaluateRules(compiled, facts, evaluateOptions);
      if (cache.size >= capacity) cache.clear();
      cache.set(key, decision);
      return decision;
    },
  };
}
