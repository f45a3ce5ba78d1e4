import type { Random } from './random.ts';
import type { Distribution } from './scenario.ts';

const EXPONENTIAL = 0;
const LOGNORMAL = 1;
const EMPIRICAL = 2;
const FIXED = 3;
const NEVER = 4;

/**
 * A compiled distribution of durations in seconds: one class with a switch on its kind, so the engine's call sites
 * stay monomorphic.
 */
export class Sampler {
  private constructor(
    private readonly kind: number,
    private readonly a: number,
    private readonly b: number,
    private readonly samples: Float64Array,
    /** The distribution's mean (Infinity for `never`). */
    readonly mean: number,
  ) {}

  /** The sampler of a scenario distribution; `infinite` never ends (patience that never runs out). */
  static of(d: Distribution | 'infinite'): Sampler {
    const none = new Float64Array(0);
    if (d === 'infinite') return new Sampler(NEVER, 0, 0, none, Number.POSITIVE_INFINITY);
    switch (d.dist) {
      case 'exponential':
        return new Sampler(EXPONENTIAL, d.mean, 0, none, d.mean);
      case 'lognormal': {
        // Mean m and sd s of the lognormal itself: σ² = ln(1 + s²/m²), μ = ln m − σ²/2.
        const sigma2 = Math.log(1 + (d.sd * d.sd) / (d.mean * d.mean));
        return new Sampler(LOGNORMAL, Math.log(d.mean) - sigma2 / 2, Math.sqrt(sigma2), none, d.mean);
      }
      case 'empirical': {
        const samples = Float64Array.from(d.samples);
        return new Sampler(EMPIRICAL, 0, 0, samples, samples.reduce((s, x) => s + x, 0) / samples.length);
      }
      case 'fixed':
        return new Sampler(FIXED, d.value, 0, none, d.value);
    }
  }

  get finite(): boolean {
    return this.kind !== NEVER;
  }

  sample(rng: Random): number {
    switch (this.kind) {
      case EXPONENTIAL:
        return rng.exponential(this.a);
      case LOGNORMAL:
        return Math.exp(this.a + this.b * rng.normal());
      case EMPIRICAL:
        return this.samples[rng.below(this.samples.length)] as number;
      case FIXED:
        return this.a;
      default:
        return Number.POSITIVE_INFINITY;
    }
  }
}
