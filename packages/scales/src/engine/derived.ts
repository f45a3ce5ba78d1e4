/**
 * PHQ-9 diagnostic algorithm: items 1–8 count at ≥2, item 9 at ≥1; a core item is 1 or 2 at ≥2.
 * Major depressive syndrome: a core item and ≥5 counted; other depressive syndrome: a core item and 2–4 counted.
 * @see Kroenke, Spitzer & Williams 2001 (J Gen Intern Med 16:606); CamCOPS phq9.py `is_mds`/`is_ods` (reference/scales.md §1.1)
 */
export function phqDepressiveSyndrome(values: ArrayLike<number>): string {
  let counted = 0;
  let core = 0;
  for (let i = 0; i < 9; i++) {
    const v = values[i] as number;
    if (Number.isNaN(v)) return 'unknown';
    const counts = i === 8 ? v >= 1 : v >= 2;
    if (counts) counted++;
    if (i < 2 && v >= 2) core++;
  }
  if (core === 0) return 'none';
  if (counted >= 5) return 'major-depressive-syndrome';
  if (counted >= 2) return 'other-depressive-syndrome';
  return 'none';
}
