import { createRequire } from 'node:module';
import fc from 'fast-check';
import type { Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CountTree, ShownTree } from './count-tree.ts';
import type { Cell } from './report/model.ts';
import { suppressNested } from './suppress.ts';

// The CommonJS build: the package's types describe it, and TypeScript reads them as CommonJS.
const loadHighs = createRequire(import.meta.url)('highs') as () => Promise<Highs>;

const leaf = (key: string, counts: number[]): CountTree => ({ key, counts, children: [] });
const sum = (trees: readonly CountTree[]) =>
  (trees[0]?.counts ?? []).map((_, c) => trees.reduce((s, t) => s + (t.counts[c] ?? 0), 0));
const group = (key: string, children: CountTree[]): CountTree => ({ key, counts: sum(children), children });
/** The whole file over `grades`, as the import builds it. */
const file = (...grades: CountTree[]) => group('', grades);

/** The published cells of a tree, row by row (counts then total), root first, then depth first. */
function published(tree: ShownTree): Cell[][] {
  return [[...tree.counts, tree.total], ...tree.children.flatMap(published)];
}

describe('suppressNested', () => {
  it.each<[string, CountTree, number, Cell[][]]>([
    [
      'nothing small: all shown',
      file(leaf('a', [10, 0]), leaf('b', [6, 7])),
      5,
      [
        [16, 7, 23],
        [10, 0, 10],
        [6, 7, 13],
      ],
    ],
    [
      'minCell 1 hides nothing',
      file(leaf('a', [1, 0]), leaf('b', [2, 3])),
      1,
      [
        [3, 3, 6],
        [1, 0, 1],
        [2, 3, 5],
      ],
    ],
    [
      'one grade is the whole file: shown whole, and so is its only class',
      file(group('g', [leaf('a', [1, 9])])),
      5,
      [
        [1, 9, 10],
        [1, 9, 10],
        [1, 9, 10],
      ],
    ],
    [
      'a small cell hides a rectangle with a sibling: a column and the other way round, nothing alone',
      file(leaf('a', [2, 8, 9]), leaf('b', [20, 30, 50])),
      5,
      [
        [22, 38, 59, 119],
        [null, null, 9, 19],
        [null, null, 50, 100],
      ],
    ],
    [
      'two small cells in a row protect each other with the same sibling',
      file(leaf('a', [3, 4, 20]), leaf('b', [30, 40, 20])),
      5,
      [
        [33, 44, 40, 117],
        [null, null, 20, 27],
        [null, null, 20, 90],
      ],
    ],
    [
      'a small total takes its row and a sibling row with it (zeros kept when a positive count will do)',
      file(leaf('a', [1, 2, 0]), leaf('b', [6, 7, 0])),
      5,
      [
        [7, 9, 0, 16],
        [null, null, 0, null],
        [null, null, 0, null],
      ],
    ],
    [
      'a count that only one class has takes a zero of a sibling into its rectangle',
      file(leaf('a', [0, 7]), leaf('b', [3, 9])),
      5,
      [
        [3, 16, 19],
        [null, null, 7],
        [null, null, 12],
      ],
    ],
    [
      'the QA case: a hidden class count is never the grade count less a shown class count',
      file(
        group('初一', [leaf('初一1班', [0, 2, 10, 3, 0, 10]), leaf('初一2班', [0, 25, 8, 2, 0, 6])]),
        group('初二', [leaf('初二1班', [0, 6, 6, 7, 0, 7]), leaf('初二2班', [0, 20, 7, 6, 0, 7])]),
      ),
      5,
      [
        [0, 53, 31, 18, 0, 30, 132],
        [0, 27, 18, 5, 0, 16, 66],
        [0, null, 10, null, 0, 10, 25],
        [0, null, 8, null, 0, 6, 41],
        [0, 26, 13, 13, 0, 14, 66],
        [0, 6, 6, 7, 0, 7, 26],
        [0, 20, 7, 6, 0, 7, 40],
      ],
    ],
    [
      'a small grade count hides a sibling grade and a class below each, so the classes still add up',
      file(
        group('g1', [leaf('a', [2, 10]), leaf('b', [0, 10])]),
        group('g2', [leaf('c', [10, 10]), leaf('d', [10, 10])]),
      ),
      5,
      [
        [22, 40, 62],
        [null, null, 22],
        [null, null, 12],
        [0, 10, 10],
        [null, null, 40],
        [null, null, 20],
        [10, 10, 20],
      ],
    ],
    [
      'a grade with one class: the class is hidden wherever its grade is',
      file(group('g1', [leaf('a', [3, 10])]), group('g2', [leaf('b', [10, 10]), leaf('c', [10, 10])])),
      5,
      [
        [23, 30, 53],
        [null, null, 13],
        [null, null, 13],
        [null, null, 40],
        [null, null, 20],
        [10, 10, 20],
      ],
    ],
    [
      'the QA case: a tiny class all at one level hides its zeros too, so its row does not say everyone is at it',
      file(
        group('初一', [
          leaf('1班', [0, 0, 10, 10, 0, 0]),
          leaf('2班', [0, 3, 6, 6, 0, 0]),
          leaf('特教班', [0, 2, 0, 0, 0, 0]),
        ]),
      ),
      5,
      [
        [0, 5, 16, 16, 0, 0, 37],
        [0, 5, 16, 16, 0, 0, 37],
        [0, 0, 10, 10, 0, 0, 20],
        // No one in the file is at R4, R0 or unknown: those zeros are no news, and hiding them would only pretend.
        [0, null, null, null, 0, 0, null],
        [0, null, null, null, 0, 0, null],
      ],
    ],
    [
      'a class all at one level whose total is shown and count hidden (with a zero) for another: its zeros hidden too',
      file(leaf('a', [0, 7, 0, 0]), leaf('b', [3, 9, 0, 6])),
      5,
      [
        [3, 16, 0, 6, 25],
        [null, null, 0, null, 7],
        [null, null, 0, null, 18],
      ],
    ],
    [
      'a zero is raised through the grade when no class beside it has anyone at that level',
      file(
        group('g1', [leaf('a', [2, 0]), leaf('b', [6, 0])]),
        group('g2', [leaf('c', [10, 10]), leaf('d', [10, 10])]),
      ),
      5,
      [
        [28, 20, 48],
        [null, null, 8],
        [null, null, null],
        [null, null, null],
        [null, null, 40],
        [null, null, 20],
        [10, 10, 20],
      ],
    ],
    [
      'a grade all at one level raises its zero through one of its classes too (found by the property below)',
      file(
        group('g0', [leaf('a', [0, 0]), leaf('b', [2, 0])]),
        group('g1', [leaf('c', [0, 2]), leaf('d', [1, 0]), leaf('e', [0, 0])]),
      ),
      2,
      [
        [3, 2, 5],
        [null, null, null],
        [null, null, null],
        [2, 0, 2],
        [null, null, null],
        [null, null, null],
        [null, null, null],
        [0, 0, 0],
      ],
    ],
  ])('%s', (_, tree, minCell, expected) => {
    expect(published(suppressNested(tree, minCell))).toEqual(expected);
  });

  it('keeps keys and shape, and does not change its input', () => {
    const tree = file(group('g1', [leaf('a', [3, 10])]), group('g2', [leaf('b', [10, 10])]));
    const copy = structuredClone(tree);
    const shown = suppressNested(tree, 5);
    expect(tree).toEqual(copy);
    expect(shown.children.map((g) => [g.key, g.children.map((c) => c.key)])).toEqual([
      ['g1', ['a']],
      ['g2', ['b']],
    ]);
  });
});

/** Whole file → 1 to 3 grades → 1 to 3 classes, 1 to 4 level columns, small counts with a few larger ones. */
const trees = fc.integer({ min: 1, max: 4 }).chain((width) => {
  const counts = fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 40 })), {
    minLength: width,
    maxLength: width,
  });
  const grade = fc.array(counts, { minLength: 1, maxLength: 3 });
  return fc.array(grade, { minLength: 1, maxLength: 3 }).map((grades) =>
    file(
      ...grades.map((classes, g) =>
        group(
          `g${g}`,
          classes.map((c, k) => leaf(`g${g}c${k}`, c)),
        ),
      ),
    ),
  );
});
const minCells = fc.integer({ min: 1, max: 8 });

/** Every cell of a tree with its true and its published value, and every sum the tables publish. */
function linkedCells(tree: CountTree, shown: ShownTree) {
  const cells: { name: string; value: number; shown: Cell }[] = [];
  const sums: { parent: number; parts: number[] }[] = [];
  const visit = (t: CountTree, s: ShownTree, path: string): number[] => {
    const row = [...t.counts, t.counts.reduce((a, b) => a + b, 0)].map((value, c) => {
      cells.push({ name: `x${path}_${c}`, value, shown: c === t.counts.length ? s.total : (s.counts[c] ?? null) });
      return cells.length - 1;
    });
    sums.push({ parent: row.at(-1) as number, parts: row.slice(0, -1) });
    const kids = t.children.map((child, i) => visit(child, s.children[i] as ShownTree, `${path}_${i}`));
    if (kids.length > 0) {
      row.forEach((cell, c) => {
        sums.push({ parent: cell, parts: kids.map((k) => k[c] as number) });
      });
    }
    return row;
  };
  visit(tree, shown, '');
  return { cells, sums };
}

/** The tree as published when only the groups always shown whole are (the file, a single grade, its single class). */
function onlyWhole(tree: CountTree): ShownTree {
  const hide = (t: CountTree): ShownTree => ({
    key: t.key,
    total: null,
    counts: t.counts.map(() => null),
    children: t.children.map(hide),
  });
  const show = (t: CountTree, whole: boolean): ShownTree =>
    whole
      ? {
          key: t.key,
          total: t.counts.reduce((a, b) => a + b, 0),
          counts: [...t.counts],
          children: t.children.map((c) => show(c, t.children.length === 1)),
        }
      : hide(t);
  return show(tree, true);
}

describe('suppressNested properties', () => {
  let highs: Highs;
  beforeAll(async () => {
    highs = await loadHighs();
  });

  /**
   * The attacker's problem, solved by an independent solver (HiGHS): for each hidden cell, its least and greatest value
   * over all fillings of the hidden cells with non-negative whole numbers that agree with every published figure (or
   * of the sum of several hidden cells).
   */
  function range(
    cells: ReturnType<typeof linkedCells>,
    targets: readonly number[],
    sense: 'Minimize' | 'Maximize',
    /** Cells the attacker knows from elsewhere (the follow-up list): fixed at their true values. */
    fixed: readonly number[] = [],
  ): number {
    // Each published sum as `parent - parts = 0`, with the shown cells moved to the right-hand side.
    const rows = cells.sums.flatMap(({ parent, parts }, r) => {
      let rhs = 0;
      const terms: string[] = [];
      for (const [i, sign] of [[parent, 1], ...parts.map((p) => [p, -1])] as const) {
        const cell = cells.cells[i] as (typeof cells.cells)[number];
        if (cell.shown === null) terms.push(`${sign > 0 ? '+' : '-'} ${cell.name}`);
        else rhs -= sign * cell.shown;
      }
      return terms.length > 0 ? [` s${r}: ${terms.join(' ')} = ${rhs}`] : [];
    });
    for (const i of fixed) {
      const cell = cells.cells[i] as (typeof cells.cells)[number];
      if (cell.shown === null) rows.push(` k${i}: ${cell.name} = ${cell.value}`);
    }
    const hidden = cells.cells.filter((c) => c.shown === null).map((c) => c.name);
    const problem = [
      sense,
      ` obj: ${targets.map((t) => cells.cells[t]?.name).join(' + ')}`,
      'Subject To',
      ...rows,
      'Bounds',
      ...hidden.map((n) => ` ${n} >= 0`),
      'Generals',
      ` ${hidden.join(' ')}`,
      'End',
    ].join('\n');
    const result = highs.solve(problem, { output_flag: false });
    expect(result.Status).toBe('Optimal');
    return Math.round(result.ObjectiveValue);
  }

  it('publishes true counts only, hides every small cell outside the groups shown whole', () => {
    fc.assert(
      fc.property(trees, minCells, (tree, minCell) => {
        const shown = suppressNested(tree, minCell);
        const { cells } = linkedCells(tree, shown);
        const wholeGrades = tree.children.length === 1;
        const onlyClass = wholeGrades && tree.children[0]?.children.length === 1;
        cells.forEach(({ value, shown: cell }, i) => {
          if (cell !== null) expect(cell).toBe(value);
          const row = Math.floor(i / (tree.counts.length + 1));
          const whole = row === 0 || (row === 1 && wholeGrades) || (row === 2 && onlyClass);
          if (whole) expect(cell).toBe(value);
          else if (value > 0 && value < minCell) expect(cell).toBeNull();
        });
      }),
      { numRuns: 1000 },
    );
  });

  it('leaves every hidden cell with at least two possible values (checked by a MIP solver)', () => {
    fc.assert(
      fc.property(trees, minCells, (tree, minCell) => {
        const cells = linkedCells(tree, suppressNested(tree, minCell));
        cells.cells.forEach((cell, i) => {
          if (cell.shown !== null) return;
          const low = range(cells, [i], 'Minimize');
          const high = range(cells, [i], 'Maximize');
          expect(low).toBeLessThanOrEqual(cell.value);
          expect(high).toBeGreaterThanOrEqual(cell.value);
          expect(high, `${cell.name} = ${cell.value} is worked out from what is shown`).toBeGreaterThan(low);
        });
      }),
      { numRuns: 300 },
    );
  });

  // QA round 19, 1: the follow-up list gives each R4 and R3 student's grade and class, so their counts per group are
  // known to a reader of the report: the other hidden cells must hold against that too.
  it('leaves every small count two possible values when the known columns (R4, R3) are counted off the list (MIP solver)', () => {
    const known = new Set([0, 1]);
    fc.assert(
      fc.property(trees, minCells, (tree, minCell) => {
        const cells = linkedCells(tree, suppressNested(tree, minCell, known));
        const width = tree.counts.length + 1;
        const fixed = cells.cells.flatMap((_, i) => (known.has(i % width) ? [i] : []));
        // What the list and the counts always shown tell by themselves (nobody in the file at an unknown level, say):
        // the same problem with every other cell hidden.
        const bare = linkedCells(tree, onlyWhole(tree));
        cells.cells.forEach((cell, i) => {
          if (cell.shown !== null) return;
          // Against the tables alone, every hidden cell; against the tables and the list, every other small count
          // that the list and the whole file's counts do not tell by themselves.
          const small = cell.value > 0 && cell.value < minCell && !known.has(i % width);
          const told = () => range(bare, [i], 'Minimize', fixed) === range(bare, [i], 'Maximize', fixed);
          for (const given of !small || told() ? [[]] : [[], fixed]) {
            const low = range(cells, [i], 'Minimize', given);
            const high = range(cells, [i], 'Maximize', given);
            expect(high, `${cell.name} = ${cell.value} worked out (${given.length} known)`).toBeGreaterThan(low);
          }
        });
      }),
      { numRuns: 200 },
    );
  });

  it('leaves no group with a hidden cell whose students all sit at one level for anyone to see (MIP solver)', () => {
    fc.assert(
      fc.property(trees, minCells, (tree, minCell) => {
        const cells = linkedCells(tree, suppressNested(tree, minCell));
        const width = tree.counts.length + 1;
        // The whole file at one level is what its level counts (always shown) say: nothing to hide below it.
        if (tree.counts.filter((v) => v > 0).length < 2) return;
        for (let start = 0; start < cells.cells.length; start += width) {
          const row = cells.cells.slice(start, start + width);
          const levels = row.slice(0, -1);
          if (!row.some((c) => c.shown === null) || levels.filter((c) => c.value > 0).length !== 1) continue;
          // Everyone is at one level: some filling must put a student of this group at another one.
          const others = levels.flatMap((c, i) => (c.value === 0 && c.shown === null ? [start + i] : []));
          const name = row[0]?.name.replace(/_0$/, '');
          expect(others.length, `${name}: all at one level, every other level shown as 0`).toBeGreaterThan(0);
          expect(range(cells, others, 'Maximize'), `${name}: all at one level, worked out`).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('hides nothing when nothing is small', () => {
    fc.assert(
      fc.property(trees, (tree) => {
        const shown = suppressNested(tree, 1);
        expect(linkedCells(tree, shown).cells.every((c) => c.shown === c.value)).toBe(true);
      }),
    );
  });
});
