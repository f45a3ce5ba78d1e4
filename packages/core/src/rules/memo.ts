import { compileRuleSet, type Decision, type EvaluateOptions, evaluateRules } from './evaluate.ts';
import type { Facts, ScaleFacts } from './facts.ts';
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
  /** Parts of the frozen objects met at this node. */
  readonly parts: PartCache;
}

/** A key part of a frozen object, by the object's identity (see {@link SharedParts}). */
type PartCache = WeakMap<object, string>;

/**
 * Key parts of deeply frozen fact objects that many fact sets share (an importer's cached scale and person facts):
 * the part is read once per object and stands in the key as a short `#n`. A frozen object cannot change, so its part
 * cannot go stale; numbers are never reused, so a key holding an old number still means what it meant. Only whole
 * scale facts and the objects directly under the facts (person, contact) are named: a frozen and an unfrozen copy of
 * the same facts make different keys, which costs a cache miss, never a wrong decision.
 */
class SharedParts {
  private readonly byText = new Map<string, string>();
  private next = 0;

  constructor(private readonly capacity: number) {}

  /** `#n` for `text`, the same for the same text while this table remembers it. */
  name(text: string): string {
    let name = this.byText.get(text);
    if (name === undefined) {
      if (this.byText.size >= this.capacity) this.byText.clear();
      name = `#${this.next++}`;
      this.byText.set(text, name);
    }
    return name;
  }
}

/** Frozen all the way down: nothing under it can change, so what it reads as can be remembered. */
function deeplyFrozen(value: object): boolean {
  if (!Object.isFrozen(value)) return false;
  for (const key in value) {
    const child: unknown = (value as Record<string, unknown>)[key];
    if (child !== null && typeof child === 'object' && !deeplyFrozen(child)) return false;
  }
  return true;
}

/**
 * `read(value)`, or for a deeply frozen `value` its short name, read once per object. A part named `#n` never equals a
 * part read out: those start with `|`, `/`, `!`, `?`, `~` or are empty.
 */
function partOf(value: object, cache: PartCache, shared: SharedParts, read: (value: object) => string): string {
  const known = cache.get(value);
  if (known !== undefined) return known;
  const text = read(value);
  if (!deeplyFrozen(value)) return text;
  const name = shared.name(text);
  cache.set(value, name);
  return name;
}

function pathTree(paths: readonly string[]): PathNode[] {
  const root: PathNode[] = [];
  for (const path of paths) {
    let level = root;
    const names = path.split('.');
    names.forEach((name, i) => {
      let node = level.find((n) => n.name === name);
      if (!node) {
        node = { name, read: false, children: [], parts: new WeakMap() };
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
 * present. With `shared`, the objects met (person, contact) may be named by identity: see {@link partOf}.
 */
function readTree(parent: object, nodes: readonly PathNode[], shared?: SharedParts): string {
  let key = '';
  for (const node of nodes) {
    const value: unknown = (parent as Record<string, unknown>)[node.name];
    if (node.read) key += `|${encode(value)}`;
    if (node.children.length === 0) continue;
    if (value === null || typeof value !== 'object') key += '!';
    else if (shared) key += `/${partOf(value, node.parts, shared, (v) => readTree(v, node.children))}`;
    else key += `/${readTree(value, node.children)}`;
  }
  return key;
}

/** The fact tree split for {@link decisionNode}: each instrument's subtree by id, and everything outside `scales`. */
interface KeyPlan {
  readonly others: readonly PathNode[];
  /** A rule reads `scales` itself (never in practice): its value goes into the key whole. */
  readonly readsScales: boolean;
  readonly scales: ReadonlyMap<string, PathNode>;
  /** Parts of frozen scale facts, per instrument id (one object could stand under two ids). */
  readonly scaleParts: Map<string, PartCache>;
  readonly shared: SharedParts;
}

function keyPlan(paths: readonly string[], capacity: number): KeyPlan {
  const tree = pathTree(paths);
  const scales = tree.find((n) => n.name === 'scales');
  return {
    others: tree.filter((n) => n !== scales),
    readsScales: scales?.read ?? false,
    scales: new Map((scales?.children ?? []).map((n) => [n.name, n])),
    scaleParts: new Map(),
    shared: new SharedParts(capacity),
  };
}

/** What one instrument's facts add to the key after its id. */
function scalePart(scale: ScaleFacts, node: PathNode | undefined): string {
  let key = '';
  if (node?.read) key += `|${encode(scale)}`;
  if (node && scale !== null && typeof scale === 'object') key += `/${readTree(scale, node.children)}`;
  if (scale.category === 'unknown') key += '?';
  for (const flag in scale.flags) if (scale.flags[flag] === 'unknown') key += `~${encode(flag)}`;
  return key;
}

/**
 * Decisions by the tokens of what they depend on (see {@link decisionNode}): one map per token, so a lookup builds no
 * key string. A node may hold a decision and lead on (facts with one instrument more).
 */
interface TrieNode {
  readonly next: Map<string, TrieNode>;
  decision?: Decision;
}

const trieNode = (): TrieNode => ({ next: new Map() });

function step(node: TrieNode, token: string): TrieNode {
  let child = node.next.get(token);
  if (!child) {
    child = trieNode();
    node.next.set(token, child);
  }
  return child;
}

/**
 * The node for what a decision depends on: every fact any rule reads, which instruments and subjects are present (a
 * missing fact only counts as undetermined where its instrument was given), and every unknown critical flag (the
 * unknown-critical policy reads them all). Two fact sets that reach the same node get the same decision from
 * `evaluateRules`. Tokens come in a fixed order, each instrument as its id then its part, so no two fact sets share a
 * path by accident. Instruments are walked as the facts list them, so the dozens a rule set knows but a row lacks cost
 * nothing: an instrument not listed reads as absent, as it does for plain objects.
 */
function decisionNode(root: TrieNode, plan: KeyPlan, facts: Facts, options: EvaluateOptions): TrieNode {
  let node = step(root, options.atLeast ?? '-');
  node = step(node, readTree(facts, plan.others, plan.shared));
  node = step(node, `p${facts.person === undefined ? 0 : 1}c${facts.contact === undefined ? 0 : 1}`);
  const scales = facts.scales;
  if (plan.readsScales) node = step(node, encode(scales));
  if (scales) {
    // In the caller's order, unsorted: facts built the same way give the same path; others only miss the cache.
    for (const id in scales) {
      node = step(node, id);
      const scale = scales[id];
      // `u` stands for an absent scale: a part read out never is `u` (see partOf).
      if (scale === undefined) {
        node = step(node, 'u');
        continue;
      }
      const scaleNode = plan.scales.get(id);
      if (scale === null || typeof scale !== 'object') {
        node = step(node, scalePart(scale, scaleNode));
        continue;
      }
      let parts = plan.scaleParts.get(id);
      if (!parts) {
        parts = new WeakMap();
        plan.scaleParts.set(id, parts);
      }
      node = step(
        node,
        partOf(scale, parts, plan.shared, (s) => scalePart(s, scaleNode)),
      );
    }
  }
  return node;
}

/**
 * A cache in front of a rule set for bulk work (a screening of 100,000 students has a few thousand distinct fact
 * patterns). Decisions are shared between callers and must not be mutated; they are equal, field by field, to what
 * `evaluateRules` returns for the same facts. The cache empties itself when it reaches `capacity` entries.
 * Facts objects that many calls share (one instrument result for every row with the same answers) may be deeply frozen
 * (`Object.freeze` on the object and everything under it): their part of the key is then read once per object.
 * @example
 * const memo = createDecisionMemo(defaultRuleSet);
 * const decision = memo.evaluate({ scales: { 'phq-a': scaleFacts(score) }, person: { age: 15 } });
 */
export function createDecisionMemo(ruleSet: RuleSet, options: { readonly capacity?: number } = {}): DecisionMemo {
  const compiled = compileRuleSet(ruleSet);
  const capacity = options.capacity ?? 50_000;
  const paths = [...new Set(compiled.rules.flatMap((rule) => rule.readers.map((r) => r.fact)))];
  const plan = keyPlan(paths, capacity);
  let root = trieNode();
  let size = 0;
  const stats = { hits: 0, misses: 0 };
  return {
    stats,
    evaluate(facts, evaluateOptions = {}) {
      if (size >= capacity) {
        root = trieNode();
        size = 0;
      }
      const node = decisionNode(root, plan, facts, evaluateOptions);
      if (node.decision) {
        stats.hits++;
        return node.decision;
      }
      stats.misses++;
      node.decision = evaluateRules(compiled, facts, evaluateOptions);
      size++;
      return node.decision;
    },
  };
}
