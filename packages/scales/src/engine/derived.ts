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

/** CESD-R symptom groups (item numbers); anhedonia and dysphoria are the core groups. */
const CESDR_CORE = [
  [8, 10],
  [2, 4, 6],
] as const;
const CESDR_OTHER = [
  [1, 18],
  [5, 11, 19],
  [3, 20],
  [9, 17],
  [7, 16],
  [12, 13],
  [14, 15],
] as const;
/** Answer codes: 3 = 5–7 days in the past week, 4 = nearly every day for 2 weeks. */
const DAYS_5_7 = 3;
const NEARLY_EVERY_DAY = 4;

function groupAt(values: ArrayLike<number>, group: readonly number[], min: number): boolean {
  return group.some((n) => (values[n - 1] as number) >= min);
}

/**
 * CESD-R depression category (cesd-r.com, as coded in CamCOPS cesdr.py `get_depression_category`): anhedonia or
 * dysphoria nearly every day for 2 weeks, plus ≥4 other symptom groups at that level → major depressive episode;
 * plus ≥3 other groups at ≥5–7 days → probable; plus ≥2 → possible; otherwise total ≥16 → subthreshold, else
 * non-clinical. The criteria are checked before the total: CamCOPS checks the total first (and then wrongly says
 * "subthreshold" below 16), which only differs for a "possible" pattern with a total under 16.
 * Reads answer codes 0–4 of items 1–20; any item blank → unknown.
 * @see Eaton WW et al. 2004; reference/scales.md §3.2
 */
export function cesdrCategory(values: ArrayLike<number>): string {
  let total = 0;
  for (let i = 0; i < 20; i++) {
    const v = values[i] as number;
    if (Number.isNaN(v)) return 'unknown';
    total += v === NEARLY_EVERY_DAY ? 3 : v;
  }
  if (CESDR_CORE.some((g) => groupAt(values, g, NEARLY_EVERY_DAY))) {
    let daily = 0;
    let frequent = 0;
    for (const g of CESDR_OTHER) {
      if (groupAt(values, g, NEARLY_EVERY_DAY)) daily++;
      if (groupAt(values, g, DAYS_5_7)) frequent++;
    }
    if (daily >= 4) return 'major-depressive-episode';
    if (frequent >= 3) return 'probable-major-depressive-episode';
    if (frequent >= 2) return 'possible-major-depressive-episode';
  }
  return total >= 16 ? 'subthreshold' : 'non-clinical';
}
