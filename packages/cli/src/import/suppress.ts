import { type CountTree, type FlatNode, flatten, type Position, type ShownTree } from './count-tree.ts';
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
 *
 * `known`: columns whose counts are published group by group elsewhere (the follow-up list names each R4 and R3
 * student's grade and class, so their counts per class can be counted off it). Their small counts are still hidden,
 * and protected as above for a reader of the tables alone; every other small count is protected by cycles that leave
 * the known columns as they are, so that a reader who counts the list cannot work it out either (a larger count hidden
 * only to protect an R3 count may then be told: it is not small, and the R3 count is on the list).
 * @see reference/triage.md §4 (data protection); Hundepool et al., Statistical Disclosure Control (2012), ch. 4
 */
export function suppressNested(root: CountTree, minCell: number, known: ReadonlySet<number> = new Set()): ShownTree {
  const { nodes, trees } = flatten(root);
  // Breadth first, a parent comes before its children: shown whole when the parent is and it is an only child.
  const whole: boolean[] = [];
  nodes.forEach((node, i) => {
    whole[i] = node.parent < 0 || (whole[node.parent] === true && nodes[node.parent]?.children.length === 1);
  });
  const small = nodes.map((node, i) => node.values.map((v) => !whole[i] && v > 0 && v < minCell));
  const hidden = small.map((row) => [...row]);
  // Protected against the tables alone, and against the tables with the `known` columns read from elsewhere.
  const guarded = nodes.map((node) => node.values.map(() => false));
  const guardedKnown = nodes.map((node) => node.values.map(() => false));
  /** Hides a cycle's cells: each differs by 1 in its second filling, so each is protected by it. */
  const hide = (cycle: readonly Position[]) => {
    // A cycle through no known column protects its cells against both.
    const clear = cycle.every(([, column]) => !known.has(column));
    for (const [node, column] of cycle) {
      (hidden[node] as boolean[])[column] = true;
      (guarded[node] as boolean[])[column] = true;
      if (clear) (guardedKnown[node] as boolean[])[column] = true;
    }
  };
  const protect = (n: number, c: number, withKnown: boolean) => {
    const at: Position = [n, c];
    // Leaving the known columns as they are, a rectangle with a sibling, else a cycle that raises the cell through its
    // parents to a group with a sibling that gives it back (the level's only other students in another grade). With
    // neither, the list and the counts always shown tell the cell (nobody in the file at an unknown level, say): only
    // the tables alone can be guarded against, as a zero raised for a group is already.
    const cycle =
      (withKnown ? (protectionCycle(nodes, hidden, at, known) ?? raisingCycle(nodes, hidden, at, known)) : null) ??
      (guarded[n]?.[c] ? null : (protectionCycle(nodes, hidden, at) ?? raisingCycle(nodes, hidden, at)));
    if (cycle) hide(cycle);
    else if (!guarded[n]?.[c])
      throw new Error(`no protection for cell ${n}:${c}: a group not shown whole has a sibling`);
    if (withKnown) (guardedKnown[n] as boolean[])[c] = true;
  };
  /** Protects every hidden cell that is not yet; whether any was. */
  const protectAll = (): boolean => {
    let any = false;
    for (let more = true; more; ) {
      more = false;
      nodes.forEach((node, n) => {
        node.values.forEach((_, c) => {
          if (!hidden[n]?.[c]) return;
          // Against the list, the small counts themselves: a larger one hidden with them may be told, they may not.
          if (!known.has(c) && small[n]?.[c] && !guardedKnown[n]?.[c]) protect(n, c, true);
          else if (!guarded[n]?.[c]) protect(n, c, false);
          else return;
          more = true;
          any = true;
        });
      });
    }
    return any;
  };
  // Until nothing changes: a zero raised for a known column's sake hides cells to protect against the list too, and
  // those may expose another group.
  const raised = new Set<number>();
  for (let more = true; more; ) {
    protectAll();
    more = protectLevels(nodes, { hidden, whole, known, done: raised }, hide);
  }
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
 * {@link suppressNested}), each with a cycle that can raise it (given to `hide`). Cells hidden for one group can expose
 * another (a total hidden by such a cycle): repeated until no group is left. `done`: groups already seen to. Whether any
 * cycle was hidden.
 */
function protectLevels(
  nodes: readonly FlatNode[],
  state: {
    readonly hidden: boolean[][];
    readonly whole: readonly boolean[];
    readonly known: ReadonlySet<number>;
    readonly done: Set<number>;
  },
  hide: (cycle: readonly Position[]) => void,
): boolean {
  const { hidden, whole, known, done } = state;
  const total = (nodes[0]?.values.length ?? 1) - 1;
  const exposed = (node: FlatNode, n: number) => {
    const cells = hidden[n] as boolean[];
    if (whole[n] || (node.values[total] ?? 0) === 0 || !cells.some(Boolean)) return false;
    return cells[total] === true || node.values.slice(0, total).filter((v) => v > 0).length === 1;
  };
  let any = false;
  for (let more = true; more; ) {
    more = false;
    nodes.forEach((node, n) => {
      if (done.has(n) || !exposed(node, n)) return;
      done.add(n);
      more = true;
      for (let c = 0; c < total; c++) {
        if (node.values[c] !== 0 || hidden[n]?.[c]) continue;
        // A zero of a known column is known: raised through other columns; others only through unknown ones.
        const cycle = raisingCycle(nodes, hidden, [n, c], known.has(c) ? undefined : known);
        if (!cycle) continue;
        hide(cycle);
        any = true;
      }
    });
  }
  return any;
}
