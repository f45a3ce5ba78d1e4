import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareLevels, maxLevel, type RiskLevel, riskLevelSchema } from './risk-level.ts';

const level = fc.constantFrom(...riskLevelSchema.options);

describe('risk levels', () => {
  it.each<[RiskLevel, RiskLevel, -1 | 0 | 1]>([
    ['R0', 'R4', -1],
    ['R4', 'R0', 1],
    ['R2', 'R2', 0],
    ['R3', 'R2', 1],
    ['R1', 'R2', -1],
  ])('compareLevels(%s, %s) = %i', (a, b, expected) => {
    expect(compareLevels(a, b)).toBe(expected);
  });

  it('sorts by severity, not by display name', () => {
    expect((['R3', 'R0', 'R4', 'R1', 'R2'] as RiskLevel[]).sort(compareLevels)).toEqual(['R0', 'R1', 'R2', 'R3', 'R4']);
  });

  it.each<[RiskLevel[], RiskLevel | undefined]>([
    [['R0'], 'R0'],
    [['R1', 'R3', 'R2'], 'R3'],
    [['R4', 'R0'], 'R4'],
    [['R2', 'R2'], 'R2'],
    [[], undefined],
  ])('maxLevel(%j) = %s', (levels, expected) => {
    expect(maxLevel(...levels)).toBe(expected);
  });

  it('maxLevel is one of its arguments and at least each of them', () => {
    fc.assert(
      fc.property(level, fc.array(level), (first, rest) => {
        const max = maxLevel(first, ...rest);
        expect([first, ...rest]).toContain(max);
        for (const l of [first, ...rest]) expect(compareLevels(max, l)).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('rejects levels outside R0–R4', () => {
    expect(riskLevelSchema.safeParse('R5').success).toBe(false);
    expect(riskLevelSchema.safeParse('r1').success).toBe(false);
  });
});
