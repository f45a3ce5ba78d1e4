import fc from 'fast-check';

/**
 * Property tests and their seeds. In CI every property runs from one fixed seed, so a run on a given commit passes or
 * fails the same way every time; elsewhere the seed is random, so local runs keep exploring. `FC_SEED=<n>` replays a
 * failure (fast-check prints its seed); `pnpm test:fuzz` runs every property with many more cases from a random seed.
 * A counterexample found that way becomes a plain test beside the property, then the code is fixed.
 */
const seed = process.env.FC_SEED ?? (process.env.CI ? '20261124' : undefined);
const runs = process.env.FC_NUM_RUNS;
fc.configureGlobal({
  ...(seed !== undefined ? { seed: Number(seed) } : {}),
  ...(runs !== undefined ? { numRuns: Number(runs) } : {}),
});
