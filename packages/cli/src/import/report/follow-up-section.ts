import type { Context } from './context.ts';
import { levelLabel } from './group-section.ts';
import { escapeHtml } from './html.ts';
import type { FollowUpEntry } from './model.ts';

function row(entry: FollowUpEntry, n: number, ctx: Context): string {
  const { t } = ctx;
  const text = (s: string | null) => escapeHtml(s ?? t.none);
  const scores = entry.scores.map((s) => `<li>${escapeHtml(s)}</li>`).join('');
  const why =
    entry.explanation >= 0 && entry.explanation < ctx.model.explanations.length
      ? `<a href="#x${entry.explanation + 1}">${escapeHtml(t.followUp.explanationRef(entry.explanation + 1))}</a>`
      : text(null);
  return (
    `<tr><td class="num">${n}</td><th scope="row" class="mono">${escapeHtml(entry.id)}</th>` +
    `<td>${levelLabel(entry.level, ctx)}</td><td>${text(entry.school === null ? entry.grade : `${entry.school} ${entry.grade ?? ''}`.trim())}</td><td>${text(entry.class)}</td>` +
    `<td><ul class="scores">${scores}</ul></td><td>${why}</td>` +
    `<td>${escapeHtml(t.followUp.rowAt(entry.sheet, entry.line))}</td></tr>`
  );
}

/** The follow-up list as given (most severe first), each student pointing to the explanation of their decision. */
export function followUpSection(ctx: Context): string {
  const { t, model } = ctx;
  const f = t.followUp;
  let body = `<p class="note">${escapeHtml(f.intro)}</p>`;
  if (model.followUp.length < model.followUpTotal) {
    const showing = f.showing(ctx.count(model.followUp.length), ctx.count(model.followUpTotal));
    body += `<p><strong>${escapeHtml(showing)}</strong></p>`;
  }
  if (model.followUp.length === 0) {
    body = `<p>${escapeHtml(f.none)}</p>`;
  } else {
    const head = [f.number, f.id, f.level, f.grade, f.class, f.scores, f.explanation, f.row]
      .map((h) => `<th scope="col">${escapeHtml(h)}</th>`)
      .join('');
    const rows = model.followUp.map((entry, i) => row(entry, i + 1, ctx)).join('\n');
    body += `<div class="scroll"><table class="follow-up"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></div>`;
  }
  return `<section id="follow-up"><h2>${escapeHtml(f.heading)}</h2>${body}</section>`;
}

/** Every explanation once, numbered E1 … as the follow-up list links them, with its text's line breaks kept. */
export function explanationsSection(ctx: Context): string {
  const { t, model } = ctx;
  if (model.explanations.length === 0) return '';
  const uses = new Array<number>(model.explanations.length).fill(0);
  for (const entry of model.followUp) {
    const used = uses[entry.explanation];
    if (used !== undefined) uses[entry.explanation] = used + 1;
  }
  const items = model.explanations.map(
    (text, i) =>
      `<li id="x${i + 1}"><span class="x">${escapeHtml(t.explanations.label(i + 1))}</span>` +
      `<span class="note">${escapeHtml(t.explanations.students(uses[i] ?? 0))}</span>` +
      `<p class="text">${escapeHtml(text)}</p></li>`,
  );
  return (
    `<section id="explanations"><h2>${escapeHtml(t.explanations.heading)}</h2>` +
    `<p class="note">${escapeHtml(t.explanations.intro)}</p><ol class="expl">${items.join('\n')}</ol></section>`
  );
}
