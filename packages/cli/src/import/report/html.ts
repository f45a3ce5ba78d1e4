/** Text for HTML element content and quoted attribute values: the five characters that can end either are escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

// A colour comes from a rule-set file and ends up inside CSS: anything but a plain colour literal could load a URL or
// break out of the declaration, so it is replaced rather than escaped.
const COLOUR = /^(#[0-9a-f]{3,8}|[a-z]{3,20}|(rgb|rgba|hsl|hsla)\([0-9.,%\s/a-z]{1,60}\))$/i;
const FALLBACK_COLOUR = '#9e9e9e';

/** `colour` when it is a plain CSS colour literal (hex, name, rgb()/hsl()), else a neutral grey. */
export function safeColour(colour: string): string {
  const c = colour.trim();
  return COLOUR.test(c) && !/url|expression|var/i.test(c) ? c : FALLBACK_COLOUR;
}

const formats = new Map<string, Intl.NumberFormat>();

/** Whole numbers with the language's digit grouping (1,234). */
export function formatCount(n: number, locale: string): string {
  let format = formats.get(locale);
  if (!format) {
    // One formatter per locale: building one per call costs more than the rest of a big report.
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    formats.set(locale, format);
  }
  return format.format(n);
}

/** A share as a whole percentage, or with one decimal below 10 %; `—` when there is no whole. */
export function formatShare(part: number, whole: number, none: string): string {
  if (whole <= 0) return none;
  const p = (part / whole) * 100;
  return `${p < 10 && p > 0 ? p.toFixed(1) : Math.round(p)}%`;
}
