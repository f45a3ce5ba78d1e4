import { stackedChart } from './charts.ts';
import type { Context } from './context.ts';
import { escapeHtml } from './html.ts';
import type { Cell, GroupRow } from './model.ts';

/** A level's name with its colour swatch: the colour is never the only signal. */
export function levelLabel(index: number, ctx: Context): string {
  const level = ctx.model.levels[index];
  if (!level) return escapeHtml(ctx.t.none);
  return `<span class="lvl"><span class="sw s${index}" aria-hidden="true"></span>${escapeHtml(level.name)}</span>`;
}

/** Swatch and name of every level, plus the hatch of hidden counts, above a stacked chart. */
function legend(ctx: Context, hidden: boolean): string {
  const items = ctx.model.levels.map((_, i) => `<li>${levelLabel(i, ctx)}</li>`);
  if (hidden)
    items.push(`<li><span class="sw hid" aria-hidden="true"></span>${escapeHtml(ctx.t.groups.hiddenPart)}</li>`);
  return `<ul class="legend">${items.join('')}</ul>`;
}

function cell(value: Cell, ctx: Context): string {
  if (value === null) return `<td class="num sup">${escapeHtml(ctx.t.groups.suppressed(ctx.model.minCell))}</td>`;
  return `<td class="num">${escapeHtml(ctx.count(value))}</td>`;
}

function table(rows: readonly GroupRow[], keyHeading: string, ctx: Context): string {
  const { t, model } = ctx;
  const head =
    `<th scope="col">${escapeHtml(keyHeading)}</th><th scope="col" class="num">${escapeHtml(t.groups.total)}</th>` +
    model.levels.map((_, i) => `<th scope="col" class="num">${levelLabel(i, ctx)}</th>`).join('');
  const body = rows.map((row) => {
    const key = row.key === '' ? t.blankKey : row.key;
    // A row shorter than the level list is padded as hidden rather than shown as zero: zero would be a claim.
    const counts = model.levels.map((_, i) => cell(row.counts[i] ?? null, ctx)).join('');
    return `<tr><th scope="row">${escapeHtml(key)}</th>${cell(row.total, ctx)}${counts}</tr>`;
  });
  return `<div class="scroll"><table><thead><tr>${head}</tr></thead><tbody>${body.join('\n')}</tbody></table></div>`;
}

/** One grouping (grade or class): heading, suppression note, legend, stacked chart, then the table with the numbers. */
export function groupSection(kind: 'grade' | 'class', ctx: Context): string {
  const { t, model } = ctx;
  const rows = kind === 'grade' ? model.byGrade : model.byClass;
  const heading = kind === 'grade' ? t.groups.byGrade : t.groups.byClass;
  const id = `by-${kind}`;
  if (rows.length === 0) {
    return `<section id="${id}"><h2>${escapeHtml(heading)}</h2><p class="note">${escapeHtml(t.groups.empty)}</p></section>`;
  }
  const hidden = rows.some((r) => r.total === null || r.counts.some((c) => c === null));
  const chart = stackedChart(rows, {
    id: kind,
    label: t.groups.chart(kind === 'grade' ? t.groups.chartGrade : t.groups.chartClass, rows.length),
    blankKey: t.blankKey,
  });
  return (
    `<section id="${id}"><h2>${escapeHtml(heading)}</h2>` +
    (hidden ? `<p class="note">${escapeHtml(t.groups.suppressedNote(model.minCell))}</p>` : '') +
    `${legend(ctx, hidden)}<div class="scroll">${chart}</div>` +
    `${table(rows, kind === 'grade' ? t.groups.grade : t.groups.class, ctx)}</section>`
  );
}
