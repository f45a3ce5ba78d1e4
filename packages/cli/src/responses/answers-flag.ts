/**
 * `--answers 1,2,0,,好几天` → one entry per item; an empty entry is an unanswered item (null). Full-width commas
 * and the Chinese enumeration comma separate too, since IMEs produce them.
 */
export function parseAnswersFlag(value: string): (string | null)[] {
  return value.split(/[,，、]/).map((entry) => (entry.trim() === '' ? null : entry.trim()));
}
