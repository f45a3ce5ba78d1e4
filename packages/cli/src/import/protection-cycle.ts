import type { FlatNode, Position } from './count-tree.ts';

/**
 * How the other filling differs: `down` takes 1 from every cell the cycle marks +1 and adds 1 where it marks -1, `up`
 * the other way round. A cell that loses 1 must hold at least 1, so the other filling has no negative count.
 */
type Mode = 'down' | 'up';

interface Cost {
  readonly cells: number;
  readonly sum: number;
}

interface Side {
  readonly node: number;
  /** +1 or -1 in the first and the second column of the cycle. */
  readonly signs: readonly [number, number];
}

const NONE: ReadonlySet<number> = new Set();

/**
 * The cheapest set of cells that, hidden together with the cell at `at`, lets the published figures fit a second
 * filling of non-negative whole counts in which every one of these cells differs by 1: so none of them can be worked
 * out from the rest, whatever else is published. The cells form a rectangle (the group and a sibling, the cell's
 * column and another column, the row total counting as a column), carried down through one child per group to the
 * leaves, so that every parent still equals the sum of its children. Cheapest: fewest cells not hidden yet, then the
 * smallest sum of their counts; ties go to the first column, mode and sibling in order. Null only when the group has
 * no sibling, which the caller rules out (such a group's counts are its parent's). `known`: columns published
 * elsewhere group by group (the follow-up list's levels), which a cycle must leave as they are: never its other column.
 * @see Repsilber's hypercube method for hierarchical tables, in Hundepool et al., Statistical Disclosure Control
 *   (2012), §4.4.4; τ-ARGUS manual, "Hypercube"
 */
export function protectionCycle(
  nodes: readonly FlatNode[],
  hidden: readonly (readonly boolean[])[],
  at: Position,
  known: ReadonlySet<number> = NONE,
): Position[] | null {
  const [node, column] = at;
  const total = (nodes[0]?.values.length ?? 1) - 1;
  // An only child's counts are its parent's: the rectangle starts at the highest group with these same counts.
  let top = node;
  for (let p = nodes[top]?.parent ?? -1; p >= 0 && nodes[p]?.children.length === 1; p = nodes[p]?.parent ?? -1) top = p;
  const parent = nodes[top]?.parent ?? -1;
  const siblings = parent < 0 ? [] : (nodes[parent]?.children ?? []).filter((s) => s !== top);
  let best: { cells: Position[]; cost: Cost } | null = null;
  for (let other = 0; other <= total; other++) {
    if (other === column || known.has(other)) continue;
    const second = column === total || other === total ? 1 : -1;
    const columns = [column, other] as const;
    for (const mode of ['down', 'up'] as const) {
      const here = chain(nodes, hidden, { node: top, signs: [1, second] }, columns, mode);
      if (!here) continue;
      const hereCost = costOf(nodes, hidden, here);
      // The sibling's side costs nothing at best: no sibling can make this side cheaper than the best so far.
      if (best && !cheaper(hereCost, best.cost)) continue;
      for (const sibling of siblings) {
        const there = chain(nodes, hidden, { node: sibling, signs: [-1, -second] }, columns, mode);
        if (!there) continue;
        const thereCost = costOf(nodes, hidden, there);
        const cost = { cells: hereCost.cells + thereCost.cells, sum: hereCost.sum + thereCost.sum };
        if (!best || cheaper(cost, best.cost)) best = { cells: [...here, ...there], cost };
        if (thereCost.cells === 0) break;
      }
    }
  }
  return best?.cells ?? null;
}

/**
 * The cheapest set of cells that, hidden, lets a zero count at `at` be 1 in a second filling that fits every published
 * figure: so its row's visible cells cannot say that all its students sit at the levels it has. The zero's group gives
 * 1 from another column it has (or its total grows by 1), as do one of its classes and each group above it up to one
 * with a sibling that holds that level; the sibling gives it back, carried down to a leaf. Null when no group on the way up has such a
 * sibling (no other group in the file, up to the zero's ancestors, has anyone at that level).
 * @see protectionCycle, whose rectangles these are, reaching up past the parent
 */
export function raisingCycle(
  nodes: readonly FlatNode[],
  hidden: readonly (readonly boolean[])[],
  at: Position,
  known: ReadonlySet<number> = NONE,
): Position[] | null {
  const [row, column] = at;
  const total = (nodes[0]?.values.length ?? 1) - 1;
  let best: { cells: Position[]; cost: Cost } | null = null;
  for (let other = 0; other <= total; other++) {
    if (other === column || known.has(other)) continue;
    const second = other === total ? 1 : -1;
    const columns = [column, other] as const;
    // The zero's group with one of its classes (chained down to a leaf, so each group stays the sum of its classes),
    // then each group up the path, which holds at least what its child does, until one has a sibling to give 1 back.
    const path = chain(nodes, hidden, { node: row, signs: [1, second] }, columns, 'up');
    if (!path) continue;
    for (
      let node = row, parent = nodes[row]?.parent ?? -1;
      parent >= 0;
      node = parent, parent = nodes[node]?.parent ?? -1
    ) {
      if (node !== row) path.push([node, column], [node, other]);
      const here = costOf(nodes, hidden, path);
      if (best && !cheaper(here, best.cost)) break;
      for (const sibling of nodes[parent]?.children ?? []) {
        if (sibling === node) continue;
        const there = chain(nodes, hidden, { node: sibling, signs: [-1, -second] }, columns, 'up');
        if (!there) continue;
        const thereCost = costOf(nodes, hidden, there);
        const cost = { cells: here.cells + thereCost.cells, sum: here.sum + thereCost.sum };
        if (!best || cheaper(cost, best.cost)) best = { cells: [...path, ...there], cost };
      }
    }
  }
  return best?.cells ?? null;
}

/** Whether a node can take its part of the cycle: a cell that loses 1 holds at least 1. */
function fits(node: FlatNode, side: Side, columns: readonly [number, number], mode: Mode): boolean {
  return side.signs.every(
    (sign, i) => (mode === 'down' ? sign < 0 : sign > 0) || (node.values[columns[i] as number] ?? 0) >= 1,
  );
}

/** The cells of a side from its group down to a leaf, through the cheapest child that fits at each step. */
function chain(
  nodes: readonly FlatNode[],
  hidden: readonly (readonly boolean[])[],
  start: Side,
  columns: readonly [number, number],
  mode: Mode,
): Position[] | null {
  const cells: Position[] = [];
  let current: number | null = start.node;
  while (current !== null) {
    const node = nodes[current] as FlatNode;
    if (!fits(node, start, columns, mode)) return null;
    cells.push([current, columns[0]], [current, columns[1]]);
    let next: { node: number; cost: Cost } | null = null;
    for (const child of node.children) {
      if (!fits(nodes[child] as FlatNode, start, columns, mode)) continue;
      const cost = costOf(nodes, hidden, [
        [child, columns[0]],
        [child, columns[1]],
      ]);
      if (!next || cheaper(cost, next.cost)) next = { node: child, cost };
    }
    // A parent that fits always has a child that fits: a count of 1 or more has a part of 1 or more below it.
    if (node.children.length > 0 && !next) return null;
    current = next?.node ?? null;
  }
  return cells;
}

function costOf(nodes: readonly FlatNode[], hidden: readonly (readonly boolean[])[], cells: readonly Position[]): Cost {
  let count = 0;
  let sum = 0;
  for (const [node, column] of cells) {
    if (hidden[node]?.[column]) continue;
    count++;
    sum += nodes[node]?.values[column] ?? 0;
  }
  return { cells: count, sum };
}

const cheaper = (a: Cost, b: Cost) => a.cells < b.cells || (a.cells === b.cells && a.sum < b.sum);
