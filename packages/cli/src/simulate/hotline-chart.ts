import type { HotlineReport } from '@triage/core';
import { escapeHtml } from '../import/report/html.ts';
import type { HotlineMessages } from './hotline-messages.ts';
import { kpiTable, percentCi } from './hotline-render.ts';

const W = 960;
const H = 380;
const LEFT = 96;
const RIGHT = 56;
const TOP = 24;
const BOTTOM = 64;

/** A "nice" axis maximum at or above `x`: 1, 2 or 5 × a power of ten. */
function niceMax(x: number): number {
  if (x <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(x));
  return ([1, 2, 5, 10].find((m) => m * p >= x) ?? 10) * p;
}

/** The hourly profile as an inline SVG: offered per day as bars, answered ≤ t and occupancy as lines (0–100 %). */
function svg(report: HotlineReport, text: HotlineMessages): string {
  const plotW = W - LEFT - RIGHT;
  const plotH = H - TOP - BOTTOM;
  const band = plotW / 24;
  const yMax = niceMax(Math.max(...report.hourly.map((h) => h.offered)));
  const yCount = (v: number) => TOP + plotH - (v / yMax) * plotH;
  const yShare = (v: number) => TOP + plotH - v * plotH;
  const x = (hour: number) => LEFT + hour * band;
  const parts: string[] = [];
  for (let i = 0; i <= 4; i++) {
    const y = TOP + (plotH * i) / 4;
    parts.push(`<line x1="${LEFT}" x2="${W - RIGHT}" y1="${y}" y2="${y}" class="grid"/>`);
    parts.push(`<text x="${LEFT - 6}" y="${y + 4}" text-anchor="end">${(yMax * (1 - i / 4)).toFixed(0)}</text>`);
    parts.push(`<text x="${W - RIGHT + 6}" y="${y + 4}">${100 - 25 * i}%</text>`);
  }
  for (const h of report.hourly) {
    const y = yCount(h.offered);
    parts.push(
      `<rect x="${(x(h.hour) + 3).toFixed(1)}" y="${y.toFixed(1)}" width="${(band - 6).toFixed(1)}" height="${(TOP + plotH - y).toFixed(1)}" class="bar"><title>${h.hour}:00 ${h.offered.toFixed(1)}</title></rect>`,
    );
    parts.push(
      `<text x="${(x(h.hour) + band / 2).toFixed(1)}" y="${TOP + plotH + 16}" text-anchor="middle">${h.hour}</text>`,
    );
    parts.push(
      `<text x="${(x(h.hour) + band / 2).toFixed(1)}" y="${TOP + plotH + 32}" text-anchor="middle" class="seats">${h.seats.toFixed(0)}</text>`,
    );
  }
  const line = (values: readonly (number | null)[], cls: string) => {
    const points = values
      .map((v, hour) => (v === null ? null : `${(x(hour) + band / 2).toFixed(1)},${yShare(Math.min(v, 1)).toFixed(1)}`))
      .filter((p) => p !== null);
    return `<polyline points="${points.join(' ')}" class="${cls}"/>`;
  };
  parts.push(
    line(
      report.hourly.map((h) => h.serviceLevel),
      'sl',
    ),
  );
  parts.push(
    line(
      report.hourly.map((h) => h.occupancy),
      'occ',
    ),
  );
  // Row labels left of the two rows under the axis: hour of day, then seats on.
  parts.push(`<text x="${LEFT - 6}" y="${TOP + plotH + 16}" text-anchor="end">${escapeHtml(text.chart.hour)}</text>`);
  parts.push(
    `<text x="${LEFT - 6}" y="${TOP + plotH + 32}" text-anchor="end" class="seats">${escapeHtml(text.chart.seats)}</text>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" role="img" aria-label="${escapeHtml(text.chart.title(report.scenario ?? text.unnamed))}">${parts.join('')}</svg>`;
}

/**
 * A self-contained HTML page (inline SVG and CSS, no script, no network) with the hourly profile and the KPI table.
 * Holds aggregate figures only, never a person.
 */
export function renderHotlineHtml(report: HotlineReport, text: HotlineMessages, lang: 'zh' | 'en'): string {
  const title = text.chart.title(report.scenario ?? text.unnamed);
  const table = kpiTable(report, text);
  const head = table.header;
  const rows = table.rows.map((row) => row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join(''));
  return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei",sans-serif;margin:2rem;color:#222}
svg{max-width:100%;height:auto;font-size:12px;fill:#444}
.grid{stroke:#ddd}.bar{fill:#9ec5e8}.sl{fill:none;stroke:#2a9d4b;stroke-width:2.5}.occ{fill:none;stroke:#e07b00;stroke-width:2.5;stroke-dasharray:6 4}
.seats{fill:#777}.legend span{margin-right:1.5rem}.k{display:inline-block;width:1.2rem;height:.6rem;margin-right:.4rem}
table{border-collapse:collapse;margin-top:1rem}td,th{padding:.25rem .6rem;border-bottom:1px solid #eee;text-align:right}td:first-child,th:first-child{text-align:left}
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(text.heading(report.scenario ?? text.unnamed, (report.horizonSeconds / 86_400).toFixed(1), (report.warmUpSeconds / 3600).toFixed(1), report.replications, report.seed))}</p>
<p class="legend"><span><i class="k" style="background:#9ec5e8"></i>${escapeHtml(text.chart.offered)}</span><span><i class="k" style="background:#2a9d4b"></i>${escapeHtml(text.chart.sl)} (${report.serviceLevelSeconds} s)</span><span><i class="k" style="background:#e07b00"></i>${escapeHtml(text.chart.occupancy)}</span></p>
${svg(report, text)}
<h2>${escapeHtml(text.chart.kpis)}</h2>
<table><thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>
<tbody>${rows.map((r) => `<tr>${r}</tr>`).join('\n')}</tbody></table>
<p>${escapeHtml(text.occupancy(percentCi(report.occupancy)))}</p>
</body>
</html>
`;
}
