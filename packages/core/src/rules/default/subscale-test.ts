import type { Condition, FactTest } from '../schema.ts';

/**
 * A test on a subscale's score, decided even when blank items leave it without one, so long as they cannot change its
 * band: the score when there is one, else its band (fact `subscaleBands`, scales engine/bounds.ts). `bands` are the
 * subscale's bands the test holds on (they share its bounds: DASS-21 depression ≤ 9 is the band `normal`). With no
 * score and the band open it stays unknown, so a blank that could tip it is never read as an answer.
 */
export function subscaleTest(
  scale: string,
  subscale: string,
  test: Omit<FactTest, 'fact'>,
  bands: readonly string[],
): Condition {
  const score = `scales.${scale}.subscales.${subscale}`;
  return {
    any: [
      // Present first: a missing score is false here, not unknown, so the band alone decides it.
      {
        all: [
          { fact: score, exists: true },
          { fact: score, ...test },
        ],
      },
      { fact: `scales.${scale}.subscaleBands.${subscale}`, in: [...bands] },
    ],
  };
}
