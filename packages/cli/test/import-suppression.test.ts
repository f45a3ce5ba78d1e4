import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, scratch } from './run-cli.ts';

/** PHQ-A items 1–9, a–d, then GAD-7 items 1–7: answers that give each level under the default rules. */
const ANSWERS = {
  R3: '0,0,0,0,0,0,0,0,1,0,0,0,0,0,0,0,0,0,0,0',
  R2: '0,0,0,0,0,0,0,0,0,0,0,0,0,2,2,2,2,1,1,0',
  R1: '0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,0,0',
  none: '0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0',
} as const;

/** The QA file: 初一1班 has 2 at R3, 初一2班 25, so the grade's 27 gave 初一1班's 2 away by subtraction. */
const CLASSES: readonly [grade: string, klass: string, counts: Record<keyof typeof ANSWERS, number>][] = [
  ['初一', '初一1班', { R3: 2, R2: 10, R1: 8, none: 10 }],
  ['初一', '初一2班', { R3: 25, R2: 8, R1: 6, none: 6 }],
  ['初二', '初二1班', { R3: 6, R2: 6, R1: 7, none: 7 }],
  ['初二', '初二2班', { R3: 20, R2: 7, R1: 6, none: 7 }],
];

function screeningCsv(classes = CLASSES): string {
  const items = [...Array.from({ length: 9 }, (_, i) => `PHQA${i + 1}`), 'PHQA_a', 'PHQA_b', 'PHQA_c', 'PHQA_d'];
  const header = ['学号', '姓名', '年级', '班级', ...items, ...Array.from({ length: 7 }, (_, i) => `GAD7_${i + 1}`)];
  const lines = [header.join(',')];
  for (const [grade, klass, counts] of classes) {
    for (const [level, count] of Object.entries(counts) as [keyof typeof ANSWERS, number][]) {
      for (let i = 0; i < count; i++) lines.push(`${2025000001 + lines.length},x,${grade},${klass},${ANSWERS[level]}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

type Table = Map<string, (number | null)[]>;

/**
 * A table of the terminal summary below its heading (and `header` lines), key → its numbers, the total last; `<5` is
 * null.
 */
function terminalTable(stdout: string, heading: string, header = 1): Table {
  const lines = stdout.split('\n');
  const start = lines.findIndex((l) => l.startsWith(heading));
  const table: Table = new Map();
  for (const line of lines.slice(start + 1 + header)) {
    if (line.trim() === '') break;
    // A key may hold a space (初一 1班): the cells are the numbers it ends with.
    const words = line.trim().split(/\s+/);
    let first = words.length;
    while (first > 1 && /^<?\d+$/.test(words[first - 1] as string)) first--;
    const cells = words.slice(first);
    table.set(
      words.slice(0, first).join(' '),
      cells.map((c) => (c.startsWith('<') ? null : Number(c))),
    );
  }
  return table;
}

/**
 * An independent audit: the sums the tables publish (each row adds up to its total, each grade is the sum of its
 * classes, the level counts are the sum of the grades), solved one by one for any sum with one unknown left, until
 * nothing more follows. Returns the hidden cells so worked out.
 */
function workedOut(levels: number[], byGrade: Table, byClass: Table): string[] {
  const known = new Map<string, number>();
  const names = (key: string, row: (number | null)[]) => row.map((v, c) => [`${key}:${c}`, v] as const);
  const rows = new Map<string, (number | null)[]>([['', [...levels, levels.reduce((a, b) => a + b, 0)]]]);
  for (const [key, row] of [...byGrade, ...byClass]) rows.set(key, row);
  for (const [key, row] of rows) for (const [name, v] of names(key, row)) if (v !== null) known.set(name, v);
  const width = levels.length + 1;
  const sums: { parent: string; parts: string[] }[] = [];
  for (const key of rows.keys()) {
    sums.push({ parent: `${key}:${width - 1}`, parts: Array.from({ length: width - 1 }, (_, c) => `${key}:${c}`) });
  }
  const children = (parent: string) =>
    parent === '' ? [...byGrade.keys()] : CLASSES.filter(([g]) => g === parent).map(([, k]) => k);
  for (const parent of ['', ...byGrade.keys()]) {
    for (let c = 0; c < width; c++)
      sums.push({ parent: `${parent}:${c}`, parts: children(parent).map((k) => `${k}:${c}`) });
  }
  const found: string[] = [];
  for (let progress = true; progress; ) {
    progress = false;
    for (const { parent, parts } of sums) {
      const unknown = [parent, ...parts].filter((n) => !known.has(n));
      if (unknown.length !== 1) continue;
      const partSum = parts.reduce((s, p) => s + (known.get(p) ?? 0), 0);
      const name = unknown[0] as string;
      known.set(name, name === parent ? partSum : (known.get(parent) ?? 0) - partSum);
      found.push(name);
      progress = true;
    }
  }
  return found;
}

describe('triage import: small cells hidden across the linked tables', () => {
  const s = scratch();
  let stdout: string;
  let html: string;
  beforeAll(() => {
    const file = s.write('cells2.csv', screeningCsv());
    const out = join(s.dir, 'out');
    const run = runCli(['import', file, '--out', out], { TRIAGE_CONFIG_DIR: join(s.dir, 'config') });
    expect(run.status, run.stderr).toBe(0);
    stdout = run.stdout;
    html = readFileSync(join(out, 'report.html'), 'utf8');
  });
  afterAll(() => s.done());

  it('no longer shows a grade count and all but one of its class counts (the QA case: 27 - 25 = 2)', () => {
    const byGrade = terminalTable(stdout, 'By grade');
    const byClass = terminalTable(stdout, 'By class');
    expect(byClass.get('初一1班')?.[1]).toBeNull();
    expect(byGrade.get('初一')?.[1] === null || byClass.get('初一2班')?.[1] === null).toBe(true);
  });

  it('leaves no hidden cell that the published sums give away, within a table or across them', () => {
    const levels = terminalTable(stdout, 'Risk levels', 0);
    const counts = [...levels.values()].map((row) => row.at(-1) as number);
    expect(counts).toHaveLength(6);
    expect(workedOut(counts, terminalTable(stdout, 'By grade'), terminalTable(stdout, 'By class'))).toEqual([]);
  });

  it('shows in report.html the very cells the terminal shows', () => {
    for (const [key, row] of terminalTable(stdout, 'By class')) {
      const [, cells = ''] = html.match(new RegExp(`<th scope="row">${key}</th>(.*?)</tr>`)) ?? [];
      const shown = [...cells.matchAll(/<td class="num[^"]*">([^<]*)<\/td>/g)].map((m) => m[1]);
      // The report puts the total first.
      expect(shown).toEqual([row.at(-1), ...row.slice(0, -1)].map((c) => (c === null ? '&lt;5' : String(c))));
    }
  });
});

describe('triage import: a tiny class all at one level', () => {
  const s = scratch();
  let stdout: string;
  let html: string;
  beforeAll(() => {
    const classes: typeof CLASSES = [
      ['初一', '1班', { R3: 0, R2: 10, R1: 10, none: 0 }],
      ['初一', '2班', { R3: 3, R2: 6, R1: 6, none: 0 }],
      ['初一', '特教班', { R3: 2, R2: 0, R1: 0, none: 0 }],
    ];
    const file = s.write('tiny.csv', screeningCsv(classes));
    const run = runCli(['import', file, '--out', join(s.dir, 'out')], { TRIAGE_CONFIG_DIR: join(s.dir, 'config') });
    expect(run.status, run.stderr).toBe(0);
    stdout = run.stdout;
    html = readFileSync(join(s.dir, 'out', 'report.html'), 'utf8');
  });
  afterAll(() => s.done());

  it('shows no class row whose zeros say that all its students are at the one level hidden (the QA case: 0 <5 0 0 0 0)', () => {
    const byClass = terminalTable(stdout, 'By class');
    expect(byClass.size).toBe(3);
    for (const [key, row] of byClass) {
      if (!row.includes(null)) continue;
      // Levels that may hold a student of this class, as far as anyone can see: hidden or above zero.
      const open = row.slice(0, -1).filter((c) => c === null || c > 0);
      expect(open.length, `${key}: ${row.join(' ')}`).toBeGreaterThan(1);
    }
  });

  it('shows in report.html the very cells the terminal shows', () => {
    for (const [key, row] of terminalTable(stdout, 'By class')) {
      const [, cells = ''] = html.match(new RegExp(`<th scope="row">${key}</th>(.*?)</tr>`)) ?? [];
      const shown = [...cells.matchAll(/<td class="num[^"]*">([^<]*)<\/td>/g)].map((m) => m[1]);
      expect(shown).toEqual([row.at(-1), ...row.slice(0, -1)].map((c) => (c === null ? '&lt;5' : String(c))));
    }
  });
});
