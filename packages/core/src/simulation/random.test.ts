import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Random, replicationSeed } from './random.ts';
import { Sampler } from './sampler.ts';

describe('Random (xoshiro128**)', () => {
  it('matches the reference implementation from state {1, 2, 3, 4}', () => {
    const r = Random.fromState([1, 2, 3, 4]);
    const out = Array.from({ length: 10 }, () => r.nextUint32());
    expect(out).toEqual([
      11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849, 3729100597, 4258142804,
    ]);
  });

  it('gives the same stream for the same seed and different streams for neighbouring seeds', () => {
    const draw = (seed: number) => {
      const r = new Random(seed);
      return Array.from({ length: 5 }, () => r.nextUint32());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('draws uniforms strictly inside (0, 1) with mean ½ and exponentials with the asked mean', () => {
    const r = new Random(7);
    let u = 0;
    let e = 0;
    let inside = true;
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const x = r.uniform();
      inside &&= x > 0 && x < 1;
      u += x;
      e += r.exponential(3);
    }
    expect(inside).toBe(true);
    expect(u / n).toBeCloseTo(0.5, 2);
    expect(e / n).toBeCloseTo(3, 1);
  });

  it('draws standard normals, and lognormals with the mean and sd asked for', () => {
    const r = new Random(3);
    const n = 200_000;
    const moments = (draw: () => number) => {
      let sum = 0;
      let squares = 0;
      for (let i = 0; i < n; i++) {
        const x = draw();
        sum += x;
        squares += x * x;
      }
      const mean = sum / n;
      return { mean, sd: Math.sqrt(squares / n - mean * mean) };
    };
    const normal = moments(() => r.normal());
    expect(normal.mean).toBeCloseTo(0, 2);
    expect(normal.sd).toBeCloseTo(1, 2);
    const lognormal = Sampler.of({ dist: 'lognormal', mean: 900, sd: 480 });
    const ln = moments(() => lognormal.sample(r));
    expect(Math.abs(ln.mean - 900) / 900).toBeLessThan(0.01);
    expect(Math.abs(ln.sd - 480) / 480).toBeLessThan(0.03);
  });

  it('derives distinct replication seeds', () => {
    fc.assert(
      fc.property(fc.nat(), (master) => {
        const seeds = new Set(Array.from({ length: 20 }, (_, i) => replicationSeed(master, i)));
        return seeds.size === 20;
      }),
    );
  });
});
