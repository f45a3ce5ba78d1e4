import { type CountTree, type FlatNode, flatten, type ShownTree } from './count-tree.ts';
import { protectionCycle, raisingCycle } from './protection-cycle.ts';

/**
 * Small-cell suppression for the linked tables of an import: the whole-file counts per level (the root, always shown),
 * by grade (its children) and by class (theirs). Counts from 1 to `minCell - 1` are hidden (primary suppression),
 * together with the other cells of a cycle that protects each of them (complementary suppression): a second filling of
 * all hidden cells, every count whole and non-negative, fits every published figure (row totals, each grade as the sum
 * of its classes, the whole file as the sum of its grades) and differs in each hidden cell. So no hidden count can be
 * worked out by subtraction, within a table or across them, nor by any other combination of the published figures.
 * A group that is its parent's only child (a single grade, a grade with one class) has its parent's counts: under the
 * root it is shown whole, as the root is; deeper down it is hidden wherever its parent is.
 *
 * Hidden counts must not leave a group's students all at one level for anyone to see (`0 <5 0 0 | <5`: the whole small
 * class is at the hidden level). So in a group whose total is hidden, or whose students are all at one level and which
 * has a hidden cell, each zero is hidden too, with cells that let it be 1 in a second filling; a zero no such filling
 * can change stays shown (hiding it would only pretend: every group that could give it a student has none there either).
 * @see reference/triage.md §4 (data protection); Hundepool et al., Statistical Disclosure Control (2012), ch. 4
 */
export function suppressNested(root: CountTree, minCell: number): ShownTree {
  const { nodes, trees } = flatten(root);
  // Breadth first, a parent comes before its children: shown whole when the parent is and it is an only child.
  const whole: boolean[] = [];
  nodes.forEach((node, i) => {
    whole[i] = node.parent < 0 || (whole[node.parent] === true && nodes[node.parent]?.children.length === 1);
  });
  const hidden = nodes.map((node, i) => node.values.map((v) => !whole[i] && v > 0 && v < minCell));
  const protectedCells = nodes.map((node) => node.values.map(() => false));
  nodes.forEach((node, n) => {
    node.values.forEach((_, c) => {
      if (!hidden[n]?.[c] || protectedCells[n]?.[c]) return;
      const cycle = protectionCycle(nodes, hidden, [n, c]);
      if (!cycle) throw new Error(`no protection for cell ${n}:${c}: a group that is not shown whole has a sibling`);
      for (const [node, column] of cycle) {
        (hidden[node] as boolean[])[column] = true;
        (protectedCells[node] as boolean[])[column] = true;
      }
    });
  });
  protectLevels(nodes, hidden, whole);
  const shown = trees.map((tree, i) => {
    const values = nodes[i]?.values ?? [];
    const cell = (c: number) => (hidden[i]?.[c] ? null : (values[c] as number));
    return { key: tree.key, total: cell(tree.counts.length), counts: tree.counts.map((_, c) => cell(c)) };
  });
  const build = (i: number): ShownTree => ({
    ...(shown[i] as Omit<ShownTree, 'children'>),
    children: (nodes[i]?.children ?? []).map(build),
  });
  return build(0);
}

/**
 * Hides the zeros of each group whose hidden cells would otherwise pin its students to the levels it shows (see
 * {@link suppressNested}), each with a cycle that can raise it. Cells hidden for one group can expose another (a
 * total hidden by such a cycle): repeated until no group is left.
 */
function protectLevels(nodes: readonly FlatNode[], hidden: boolean[][], whole: readonly boolean[]): void {
  const total = (nodes[0]?.values.length ?? 1) - 1;
  const done = new Set<number>();
  const exposed = (node: FlatNode, n: number) => {
    const cells = hidden[n] as boolean[];
    if (whole[n] || (node.values[total] ?? 0) === 0 || !cells.some(Boolean)) return false;
    return cells[total] === true || node.values.slice(0, total).filter((v) => v > 0).length === 1;
  };
  for (let more = true; more; ) {
    more = false;
    nodes.forEach((node, n) => {
      if (done.has(n) || !exposed(node, n)) return;
      done.add(n);
      more = true;
      for (let c = 0; c < total; c++) {
        if (node.values[c] !== 0 || hidden[n]?.[c]) continue;
        for (const [m, k] of raisingCycle(nodes, hidden, [n, c]) ?? []) (hidden[m] as boolean[])[k] = true;
      }
    });
  }
}
