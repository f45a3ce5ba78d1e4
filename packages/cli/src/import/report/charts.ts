import { escapeHtml } from './html.ts';
import type { GroupRow } from './model.ts';

/**
 * Inline SVG charts, laid out here so that the report needs no script. Colours come from CSS classes `f0`, `f1` …
 * (one per level, written by the renderer); every chart carries a title and an aria-label, and the same numbers are
 * always in a table beside it.
 */

// Horizontal positions are percentages of the chart's width, so the bars follow the page while the text keeps its
// size (a viewBox would scale the text with the page: tiny on a phone, huge on a wide screen).
const LABEL = 22;
const pct = (x: number) => `${Math.round(x * 100) / 100}%`;

/** Width of `text` in half-width units: CJK and other wide characters count twice. */
function units(text: string): number {
  let n = 0;
  for (const ch of text)
    n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60]/u.test(ch) ? 2 : 1;
  return n;
}

/** `text` cut to `max` half-width units with an ellipsis: SVG text does not wrap or clip by itself. */
function fit(text: string, max: number): string {
  if (units(text) <= max) return text;
  let out = '';
  for (const ch of text) {
    if (units(`${out}${ch}`) > max - 1) break;
    out += ch;
  }
  return `${out}…`;
}

function svg(height: number, label: string, body: string, defs = ''): string {
  const l = escapeHtml(label);
  return `<svg class="chart" width="100%" height="${height}" role="img" aria-label="${l}"><title>${l}</title>${defs}${body}</svg>`;
}

/** A label right-aligned against the bars. */
function label(text: string, y: number): string {
  return `<text x="${LABEL}%" dx="-8" y="${y}" text-anchor="end">${escapeHtml(fit(text, 15))}</text>`;
}

/** One horizontal bar per level, its length the level's count against the largest count. */
export function levelChart(
  levels: readonly { readonly name: string; readonly count: number }[],
  options: { readonly label: string; readonly valueText: (count: number) => string },
): string {
  const row = 26;
  const max = Math.max(1, ...levels.map((l) => l.count));
  // Room on the right for the count after the longest bar.
  const area = 100 - LABEL - 22;
  const rows = levels.map((level, i) => {
    const y = i * row;
    const w = (level.count / max) * area;
    return (
      label(level.name, y + 17) +
      `<rect class="f${i}" x="${LABEL}%" y="${y + 4}" width="${pct(w)}" height="18"/>` +
      `<text x="${pct(LABEL + w)}" dx="6" y="${y + 17}">${escapeHtml(options.valueText(level.count))}</text>`
    );
  });
  return svg(Math.max(row, levels.length * row), options.label, rows.join(''));
}

/** The visible parts of one bar as fractions of the whole: known counts in level order, then the hidden rest. */
export function barParts(row: GroupRow): { readonly shown: readonly number[]; readonly hidden: number } {
  const known = row.counts.map((c) => c ?? 0);
  const sum = known.reduce((a, b) => a + b, 0);
  // Without a total no share can be drawn without guessing: the whole bar is hidden.
  if (row.total === null) return { shown: known.map(() => 0), hidden: 1 };
  const whole = Math.max(row.total, sum);
  if (whole === 0) return { shown: known.map(() => 0), hidden: 0 };
  return { shown: known.map((c) => c / whole), hidden: (whole - sum) / whole };
}

// A chart is one unbreakable box on paper: long ones are cut into parts that fit a printed page.
const ROWS_PER_PART = 40;

function stackedPart(rows: readonly GroupRow[], hatch: string, title: string, blankKey: string): string {
  const row = 18;
  const area = 100 - LABEL - 1;
  const defs =
    `<defs><pattern id="${hatch}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
    `<rect width="6" height="6" class="hidden-bg"/><rect width="2" height="6" class="hidden-fg"/></pattern></defs>`;
  const bars = rows.map((group, i) => {
    const y = i * row;
    const { shown, hidden } = barParts(group);
    let x = LABEL;
    let rects = '';
    shown.forEach((share, level) => {
      if (share <= 0) return;
      const w = share * area;
      rects += `<rect class="f${level}" x="${pct(x)}" y="${y + 3}" width="${pct(w)}" height="13"/>`;
      x += w;
    });
    if (hidden > 0) {
      rects += `<rect fill="url(#${hatch})" x="${pct(x)}" y="${y + 3}" width="${pct(hidden * area)}" height="13"/>`;
    }
    const key = group.key === '' ? blankKey : group.key;
    return `${label(key, y + 14)}<rect class="track" x="${LABEL}%" y="${y + 3}" width="${area}%" height="13"/>${rects}`;
  });
  return svg(Math.max(row, rows.length * row), title, bars.join(''), defs);
}

/**
 * One 100 % bar per group, split by level; the part hidden by small-cell suppression is hatched grey. More than
 * {@link ROWS_PER_PART} groups give several SVGs, each labelled with its part number.
 */
export function stackedChart(
  rows: readonly GroupRow[],
  options: { readonly id: string; readonly label: string; readonly blankKey: string },
): string {
  const parts = Math.max(1, Math.ceil(rows.length / ROWS_PER_PART));
  let out = '';
  for (let p = 0; p < parts; p++) {
    const title = parts === 1 ? options.label : `${options.label} (${p + 1}/${parts})`;
    const slice = rows.slice(p * ROWS_PER_PART, (p + 1) * ROWS_PER_PART);
    out += stackedPart(slice, `h-${options.id}-${p + 1}`, title, options.blankKey);
  }
  return out;
}
