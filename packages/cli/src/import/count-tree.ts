import type { Cell } from './report/model.ts';

/**
 * Counts per level column of one group (the whole file, a grade, a class), with the groups it splits into: the
 * children's counts add up to their parent's, column by column, and each row adds up to its total.
 */
export interface CountTree {
  readonly key: string;
  readonly counts: readonly number[];
  readonly children: readonly CountTree[];
}

/** A {@link CountTree} as published: a hidden cell is null. */
export interface ShownTree {
  readonly key: string;
  readonly total: Cell;
  readonly counts: readonly Cell[];
  readonly children: readonly ShownTree[];
}

/** A cell of a flattened tree: node index (breadth first, the root is 0) and column (`width` is the row total). */
export type Position = readonly [node: number, column: number];

/** One node of a flattened tree: its counts with the total as the last value, its parent (-1 for the root). */
export interface FlatNode {
  readonly values: readonly number[];
  readonly parent: number;
  readonly children: readonly number[];
}

/** The nodes of `root`, breadth first, so parents come before children and siblings stay in order. */
export function flatten(root: CountTree): { nodes: FlatNode[]; trees: CountTree[] } {
  const trees: CountTree[] = [root];
  const parents: number[] = [-1];
  for (let i = 0; i < trees.length; i++) {
    for (const child of (trees[i] as CountTree).children) {
      trees.push(child);
      parents.push(i);
    }
  }
  const children = trees.map((): number[] => []);
  parents.forEach((p, i) => {
    if (p >= 0) children[p]?.push(i);
  });
  const nodes = trees.map((tree, i) => ({
    values: [...tree.counts, tree.counts.reduce((a, b) => a + b, 0)],
    parent: parents[i] as number,
    children: children[i] as number[],
  }));
  return { nodes, trees };
}
