/**
 * An illustrative 24-hour arrival profile for a youth hotline: percent of the day's calls in each hour, 00:00–01:00
 * first. Shaped after the published pattern of Beijing's 12356 line (peak 18:00–22:00, more than 60 % of calls at
 * night): 62.8 % fall between 18:00 and 06:00 and the busiest hour carries 2.1× the average. Not a measurement:
 * calibrate it with the line's own call records.
 * @see reference/triage.md §3.5 (People's Daily 2025 on Beijing 12356)
 */
export const DEFAULT_HOURLY_PROFILE: readonly number[] = [
  // 00–05: late night, falling
  5.2, 3.8, 2.6, 1.8, 1.3, 1.1,
  // 06–11: morning
  1.3, 1.8, 2.6, 3.0, 3.3, 3.4,
  // 12–17: afternoon
  3.1, 3.3, 3.4, 3.5, 3.8, 4.7,
  // 18–23: the evening peak
  6.6, 8.0, 8.7, 8.9, 7.8, 7.0,
];
