import { levelChart } from './charts.ts';
import { type Context, createContext } from './context.ts';
import { explanationsSection, followUpSection } from './follow-up-section.ts';
import { groupSection, levelLabel } from './group-section.ts';
import { escapeHtml, formatShare } from './html.ts';
import type { ReportModel } from './model.ts';
import { BASE_CSS, levelCss } from './styles.ts';

/** The policy in the document itself: no script, no network, styles inline, images only as data: URLs. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const SHA_SHOWN = 16;

function meta(pairs: readonly (readonly [string, string])[]): string {
  return `<dl class="meta">${pairs.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${v}</dd>`).join('')}</dl>`;
}

function header(ctx: Context): string {
  const { t, model } = ctx;
  const s = t.source;
  const sha = model.source.sha256;
  const pairs: [string, string][] = [
    [s.file, `<span class="mono">${escapeHtml(model.source.file)}</span>`],
    [
      s.sha256,
      `<code title="${escapeHtml(sha)}">${escapeHtml(sha.slice(0, SHA_SHOWN))}${sha.length > SHA_SHOWN ? '…' : ''}</code>`,
    ],
    [s.encoding, escapeHtml(model.source.encoding ?? s.encodingXlsx)],
  ];
  if (model.source.sheets.length > 0) pairs.push([s.sheets, escapeHtml(model.source.sheets.join(t.listSeparator))]);
  // A sheet hidden but read, or not read at all, is said where the report is read: a class left out is no detail.
  if (model.source.hiddenRead.length > 0)
    pairs.push([s.hiddenRead, escapeHtml(model.source.hiddenRead.join(t.listSeparator))]);
  if (model.source.skipped.length > 0) {
    const items = model.source.skipped.map((x) => `<li>${escapeHtml(s.skippedSheet(x.sheet, x.rows, x.reason))}</li>`);
    pairs.push([s.skipped, `<ul class="skipped">${items.join('')}</ul>`]);
  }
  pairs.push(
    [s.generator, escapeHtml(model.generator)],
    [s.pseudonymized, escapeHtml(model.pseudonymized ? t.yes : t.no)],
  );
  return `<header><h1>${escapeHtml(t.title)}</h1><h2 class="sr">${escapeHtml(s.heading)}</h2>${meta(pairs)}</header>`;
}

function summary(ctx: Context): string {
  const { t, model, count } = ctx;
  const s = model.summary;
  const items: [string, number][] = [
    [t.summary.rows, s.rows],
    [t.summary.scored, s.scored],
    [t.summary.rejected, s.rejected],
    ...(s.summaryRows > 0 ? [[t.summary.summaryRows, s.summaryRows] as [string, number]] : []),
    ...(s.titleRows > 0 ? [[t.summary.titleRows, s.titleRows] as [string, number]] : []),
    ...(s.headerRows > 0 ? [[t.summary.headerRows, s.headerRows] as [string, number]] : []),
    [t.summary.blankRows, s.blankRows],
    [t.summary.duplicateIds, s.duplicateIds],
    [t.summary.followUp, model.followUpTotal],
  ];
  const cards = items.map(
    ([k, n]) => `<li><span class="n">${escapeHtml(count(n))}</span><span class="k">${escapeHtml(k)}</span></li>`,
  );
  const urgent =
    s.rejectedWithRisk > 0
      ? `<p class="note urgent"><strong>${escapeHtml(t.summary.urgentNote(s.rejectedWithRisk))}</strong></p>`
      : '';
  const note = (s.rejected > 0 ? `<p class="note">${escapeHtml(t.summary.rejectedNote)}</p>` : '') + urgent;
  return `<section id="summary"><h2>${escapeHtml(t.summary.heading)}</h2><ul class="stats">${cards.join('')}</ul>${note}</section>`;
}

function levels(ctx: Context): string {
  const { t, model, count } = ctx;
  const whole = model.levels.reduce((a, l) => a + l.count, 0);
  const share = (n: number) => formatShare(n, whole, t.none);
  const chart = levelChart(model.levels, {
    label: t.levels.chart(count(whole)),
    valueText: (n) => `${count(n)} (${share(n)})`,
  });
  const rows = model.levels.map(
    (l, i) =>
      `<tr><th scope="row">${levelLabel(i, ctx)}</th><td class="num">${escapeHtml(count(l.count))}</td>` +
      `<td class="num">${escapeHtml(share(l.count))}</td></tr>`,
  );
  const head = [t.levels.level, t.levels.count, t.levels.share]
    .map((h, i) => `<th scope="col"${i > 0 ? ' class="num"' : ''}>${escapeHtml(h)}</th>`)
    .join('');
  return (
    `<section id="levels"><h2>${escapeHtml(t.levels.heading)}</h2><div class="scroll">${chart}</div>` +
    `<div class="scroll"><table><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table></div></section>`
  );
}

function instruments(ctx: Context): string {
  const { t, model } = ctx;
  const i = t.instruments;
  const head = [i.name, i.version, i.sources, i.licence].map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  const rows = model.instruments.map(
    (x) =>
      `<tr><th scope="row">${escapeHtml(x.name)}</th><td>${escapeHtml(x.version)}</td>` +
      `<td><ul class="sources">${x.sources.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ul></td>` +
      `<td>${escapeHtml(x.licence)}</td></tr>`,
  );
  return (
    `<section id="instruments"><h2>${escapeHtml(i.heading)}</h2><div class="scroll"><table>` +
    `<thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table></div></section>`
  );
}

function ruleSet(ctx: Context): string {
  const { t, model } = ctx;
  const r = model.ruleSet;
  return (
    `<section id="rule-set"><h2>${escapeHtml(t.ruleSet.heading)}</h2>` +
    meta([
      [t.ruleSet.id, `<code>${escapeHtml(r.id)}</code>`],
      [t.ruleSet.version, escapeHtml(r.version)],
      [t.ruleSet.hash, `<code>${escapeHtml(r.hash)}</code>`],
    ]) +
    '</section>'
  );
}

function privacy(ctx: Context): string {
  const { t, model } = ctx;
  const p = t.privacy;
  const lines = [p.noNames, model.pseudonymized ? p.pseudonymized : p.notPseudonymized, p.handling];
  return `<footer id="privacy"><h2>${escapeHtml(p.heading)}</h2>${lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}</footer>`;
}

/**
 * `report.html` of one import: a complete, self-contained HTML5 document (no script, no network, inline SVG charts)
 * in the model's language. Every model value is escaped; the size grows with groups and follow-up entries only.
 */
export function renderReport(model: ReportModel): string {
  const ctx = createContext(model);
  const { t } = ctx;
  const title = `${t.title} — ${model.source.file}`;
  const body = [
    header(ctx),
    summary(ctx),
    levels(ctx),
    groupSection('grade', ctx),
    groupSection('class', ctx),
    followUpSection(ctx),
    explanationsSection(ctx),
    instruments(ctx),
    ruleSet(ctx),
    privacy(ctx),
  ];
  return `<!doctype html>
<html lang="${escapeHtml(t.htmlLang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(REPORT_CSP)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="${escapeHtml(model.generator)}">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
<style>${BASE_CSS}${levelCss(model.levels)}</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
}
