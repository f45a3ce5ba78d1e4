/** One or more ASCII digits and nothing else (/^\d+$/ without a regular expression: ids run through this per row). */
export function isDigits(text: string): boolean {
  const n = text.length;
  if (n === 0) return false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
