import type { Rates } from './birth-death.ts';

/** Poisson weights below this share of the total are dropped on either side (Fox–Glynn style truncation). */
const POISSON_EPSILON = 1e-16;

/**
 * Poisson(ν) probabilities over [first, first + weights.length), normalised over that window, computed outward from
 * the mode so that e^{−ν} never underflows (ν = Λt can exceed 745 for long thresholds).
 * @see Fox & Glynn, "Computing Poisson probabilities", CACM 31(4), 1988
 */
export function poissonWindow(nu: number): { readonly first: number; readonly weights: Float64Array } {
  const mode = Math.floor(nu);
  const left: number[] = [];
  const right: number[] = [1];
  let total = 1;
  for (let n = mode, w = 1; n > 0; n--) {
    w *= n / nu;
    if (w < POISSON_EPSILON * total) break;
    left.push(w);
    total += w;
  }
  for (let n = mode + 1, w = 1; ; n++) {
    w *= nu / n;
    if (w < POISSON_EPSILON * total) break;
    right.push(w);
    total += w;
  }
  const all = [...left.reverse(), ...right];
  return { first: mode - left.length, weights: Float64Array.from(all, (w) => w / total) };
}

/**
 * The probability that a caller who arrives to find all agents busy and is spread over "j callers ahead" as
 * `queue[j]` is answered within `t` seconds (a sub-probability: the rest abandon or are still waiting at t).
 *
 * The tagged caller is an absorbing CTMC on i = callers ahead: i → i−1 at rate Nμ + iθ (a service completion or an
 * abandonment ahead), 0 → answered at rate Nμ, and any i → abandoned at rate θ (its own patience). It is solved by
 * uniformisation with Λ = Nμ + Jθ, the largest exit rate: every term is a product of non-negative numbers, so unlike
 * the closed-form hypoexponential sum (alternating, catastrophic cancellation for dozens of phases) it stays accurate
 * for hundreds of agents and queue states. The error is the dropped Poisson mass, of the order of 1e−16.
 * @see Grassmann, "Transient solutions in Markovian queueing systems", Comput. Oper. Res. 4(1), 1977 (uniformisation)
 */
export function answeredWithin(rates: Rates, queue: Float64Array, t: number): number {
  const { agents: n, mu, theta } = rates;
  const states = queue.length;
  if (states === 0 || t <= 0) return 0;
  const serve = n * mu;
  const big = serve + states * theta;
  const { first, weights } = poissonWindow(big * t);
  const x = Float64Array.from(queue);
  let answered = 0;
  let result = 0;
  const last = first + weights.length - 1;
  for (let step = 0; step <= last; step++) {
    if (step >= first) result += (weights[step - first] ?? 0) * answered;
    answered += ((x[0] ?? 0) * serve) / big;
    // Ascending, so x[i + 1] is still the previous step's value when x[i] reads it.
    for (let i = 0; i < states; i++) {
      const stay = 1 - (serve + (i + 1) * theta) / big;
      const down = i + 1 < states ? ((x[i + 1] ?? 0) * (serve + (i + 1) * theta)) / big : 0;
      x[i] = (x[i] ?? 0) * stay + down;
    }
  }
  return result;
}

/**
 * For callers spread over "j ahead" as `queue[j]`: the probability of being answered at all and E[wait · 1{answered}]
 * (seconds), by first-step analysis of the same chain. With p_i = (Nμ + iθ)/(Nμ + (i+1)θ) the chance to move on from
 * i ahead and a holding time of mean 1/(Nμ + (i+1)θ): a_i = p_i·a_{i−1}, b_i = p_i·(a_{i−1}/(Nμ + (i+1)θ) + b_{i−1}),
 * a_{−1} = 1, b_{−1} = 0.
 */
export function answeredMoments(
  rates: Rates,
  queue: Float64Array,
): { readonly answered: number; readonly wait: number } {
  const { agents: n, mu, theta } = rates;
  let a = 1;
  let b = 0;
  let answered = 0;
  let wait = 0;
  for (let i = 0; i < queue.length; i++) {
    const exit = n * mu + (i + 1) * theta;
    const p = (n * mu + i * theta) / exit;
    b = p * (a / exit + b);
    a = p * a;
    answered += (queue[i] ?? 0) * a;
    wait += (queue[i] ?? 0) * b;
  }
  return { answered, wait };
}
