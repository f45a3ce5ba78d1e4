import { getInstrument, type InstrumentDefinition, instruments } from '@triage/scales';
import { describe, expect, it } from 'vitest';
import { type MapOptions, mapHeader } from './columns.ts';

/*
 * A complexity guard, not a benchmark: a header as wide as a fuzzer or a wrongly delimited file makes (40k columns;
 * real exports have at most ~600) is mapped in time linear in its width. Each shape is timed at 10k and 40k columns:
 * linear is ~4× (quadratic ~16×). It fails only when 40k columns are both slow (over 2 s; ~0.5 s measured) and more than 8× 10k,
 * so a loaded machine that slows both widths alike fails nothing.
 */

const phqA = getInstrument('phq-a') as InstrumentDefinition;
const auto: MapOptions = { candidates: instruments, named: false, known: instruments };
const onlyPhqA: MapOptions = { candidates: [phqA], named: true, known: instruments };
const PHQA = [...Array.from({ length: 9 }, (_, i) => `PHQA${i + 1}`), 'PHQA a', 'PHQA b', 'PHQA c', 'PHQA d'];
const PHQ9 = Array.from({ length: 9 }, (_, i) => `PHQ9_${i + 1}`);
const times = <T>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i));

interface Shape {
  readonly headers: (n: number) => string[];
  readonly options: (n: number) => MapOptions;
}

const SHAPES: Readonly<Record<string, Shape>> = {
  'numbered columns Q1 … Qn': { headers: (n) => ['学号', ...times(n, (i) => `Q${i + 1}`)], options: () => auto },
  '问卷星 question texts': {
    headers: (n) => [
      '学号',
      ...times(n, (i) => `${i + 1}、在过去两周里，你有多少时候受到以下问题的困扰？做事提不起劲`),
    ],
    options: () => auto,
  },
  'one item column repeated, --instrument': {
    headers: (n) => ['学号', ...times(n, () => 'Q1')],
    options: () => onlyPhqA,
  },
  'one person column repeated': { headers: (n) => ['学号', ...PHQA, ...times(n, () => '性别')], options: () => auto },
  'matrix questions of two rows each': {
    headers: (n) => ['学号', ...times(n, (i) => `${i >> 1}、在过去两周里？—做事时${i}`)],
    options: () => auto,
  },
  'a suicide question repeated beside PHQ-9': {
    headers: (n) => ['学号', ...PHQ9, ...times(n, () => 'PHQ9_c')],
    options: () => auto,
  },
  'a group row over item-like columns': {
    headers: (n) => ['学号', ...PHQA, ...times(n, (i) => `青少年抑郁量表 Q${i + 1}`)],
    options: (n) => ({
      ...auto,
      grouped: [
        ...times(1 + PHQA.length, () => undefined),
        ...times(n, (i) => ({ group: '青少年抑郁量表', own: `Q${i + 1}` })),
      ],
    }),
  },
};

/** The fastest of two mappings of 10k columns and of 40k, alternately, so that a busy moment slows both alike. */
function times10kAnd40k(shape: Shape): { narrow: number; wide: number } {
  const best = { narrow: Number.POSITIVE_INFINITY, wide: Number.POSITIVE_INFINITY };
  for (let run = 0; run < 2; run++) {
    for (const [key, n] of [
      ['narrow', 10_000],
      ['wide', 40_000],
    ] as const) {
      const headers = shape.headers(n);
      const options = shape.options(n);
      const start = performance.now();
      mapHeader(headers, options);
      best[key] = Math.min(best[key], performance.now() - start);
    }
  }
  return best;
}

describe('mapHeader: time linear in the header width', () => {
  it.each(Object.keys(SHAPES))(
    '%s',
    (name) => {
      const shape = SHAPES[name] as Shape;
      const { narrow, wide } = times10kAnd40k(shape);
      expect({ name, slowAndSuperlinear: wide > 2000 && wide > 8 * narrow, narrow, wide }).toMatchObject({
        slowAndSuperlinear: false,
      });
    },
    120_000,
  );
});
