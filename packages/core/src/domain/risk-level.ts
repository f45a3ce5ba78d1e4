import { z } from 'zod';

/**
 * Ordinal risk level, lowest first: R0 practical help · R1 low · R2 moderate · R3 high · R4 imminent.
 * Display names, colours and response targets are configuration; the order is not.
 * @see reference/triage.md §0.1 (unified risk-level model)
 */
export const riskLevelSchema = z.enum(['R0', 'R1', 'R2', 'R3', 'R4']);
/** Ordinal risk level R0–R4. */
export type RiskLevel = z.infer<typeof riskLevelSchema>;

const rank = (level: RiskLevel): number => riskLevelSchema.options.indexOf(level);

/** Compares two levels by severity: -1 when `a` is lower, 0 when equal, 1 when higher (a sort comparator). */
export function compareLevels(a: RiskLevel, b: RiskLevel): -1 | 0 | 1 {
  const d = rank(a) - rank(b);
  return d < 0 ? -1 : d > 0 ? 1 : 0;
}

/** The most severe of the given levels (max-severity wins); `undefined` only when called with none. */
export function maxLevel(first: RiskLevel, ...rest: readonly RiskLevel[]): RiskLevel;
export function maxLevel(...levels: readonly RiskLevel[]): RiskLevel | undefined;
export function maxLevel(...levels: readonly RiskLevel[]): RiskLevel | undefined {
  let max: RiskLevel | undefined;
  for (const level of levels) if (max === undefined || rank(level) > rank(max)) max = level;
  return max;
}
