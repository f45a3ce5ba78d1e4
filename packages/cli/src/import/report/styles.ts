import { safeColour } from './html.ts';

// System fonts only (the report is opened offline); the CJK families cover macOS, Windows, Linux and Android.
const FONTS =
  'system-ui, -apple-system, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif';
const MONO = 'ui-monospace, "SF Mono", Consolas, "Noto Sans Mono CJK SC", "DejaVu Sans Mono", monospace';

/** The report's fixed style sheet: readable on a phone (tables scroll sideways), plain on paper. */
export const BASE_CSS = `
:root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --soft: #f6f8fa; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0 auto; max-width: 60rem; padding: 1.25rem 1rem 3rem; font-family: ${FONTS}; font-size: 15px;
  line-height: 1.55; color: var(--ink); background: #fff; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .6rem; padding-bottom: .25rem; border-bottom: 2px solid var(--line); }
h3 { font-size: 1rem; margin: 1.25rem 0 .5rem; }
p { margin: .4rem 0; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.note { color: var(--muted); font-size: .88rem; }
.mono, code { font-family: ${MONO}; font-size: .9em; overflow-wrap: anywhere; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: .75rem 0 0; }
dl.meta dt { color: var(--muted); }
dl.meta dd { margin: 0; overflow-wrap: anywhere; }
.stats { display: grid; grid-template-columns: repeat(auto-fill, minmax(8.5rem, 1fr)); gap: .6rem; margin: 0;
  padding: 0; list-style: none; }
.stats li { border: 1px solid var(--line); border-radius: 6px; padding: .5rem .75rem; }
.stats .n { display: block; font-size: 1.45rem; font-weight: 600; font-variant-numeric: tabular-nums; }
.stats .k { color: var(--muted); font-size: .85rem; }
.scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; margin: .5rem 0; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
caption { text-align: left; color: var(--muted); font-size: .85rem; padding: 0 0 .3rem; }
th, td { border-bottom: 1px solid var(--line); padding: .3rem .55rem; text-align: left; vertical-align: top; }
thead th { background: var(--soft); font-weight: 600; white-space: nowrap; }
tbody th { font-weight: 500; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.sup { color: var(--muted); }
table.follow-up tbody th { white-space: nowrap; overflow-wrap: normal; }
.sw { display: inline-block; width: .8em; height: .8em; border-radius: 2px; margin-right: .35em; vertical-align: -.05em;
  border: 1px solid rgba(0,0,0,.25); -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.lvl { white-space: nowrap; font-weight: 600; }
.legend { display: flex; flex-wrap: wrap; gap: .25rem 1rem; margin: .4rem 0; padding: 0; list-style: none;
  font-size: .85rem; }
.sw.hid { background: repeating-linear-gradient(45deg, #bbb 0 2px, #eee 2px 5px); }
svg.chart { display: block; width: 100%; min-width: 30rem; font-family: ${FONTS}; font-size: 12px;
  fill: var(--ink); }
svg.chart .track { fill: var(--soft); stroke: var(--line); stroke-width: .5; }
svg.chart .hidden-bg { fill: #eee; }
svg.chart .hidden-fg { fill: #bbb; }
ul.scores { margin: 0; padding: 0; list-style: none; }
ul.scores li { white-space: nowrap; }
ol.expl { padding: 0; list-style: none; }
ol.expl li { border-left: 3px solid var(--line); padding: .25rem 0 .25rem .75rem; margin: .6rem 0; }
ol.expl .x { font-weight: 600; margin-right: .5rem; }
ol.expl .text { white-space: pre-wrap; margin: .2rem 0 0; font-family: inherit; }
ul.sources, ul.skipped { margin: 0; padding-left: 1.1rem; }
a { color: #0969da; }
footer { margin-top: 2.5rem; }
@media (max-width: 40rem) {
  body { font-size: 14px; padding: .75rem .6rem 2rem; }
  dl.meta { grid-template-columns: 1fr; gap: 0; }
  dl.meta dd { margin-bottom: .35rem; }
}
@media print {
  @page { margin: 14mm 12mm; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  .scroll { overflow: visible; }
  svg.chart { min-width: 0; max-width: 100%; }
  thead { display: table-header-group; }
  thead th { background: none; }
  tr, ol.expl li, .stats li, svg.chart { break-inside: avoid; page-break-inside: avoid; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  a { color: inherit; text-decoration: none; }
}
`;

/** One pair of classes per level: `f<i>` fills chart marks, `s<i>` colours a swatch. */
export function levelCss(levels: readonly { readonly color: string }[]): string {
  return levels
    .map((level, i) => {
      const c = safeColour(level.color);
      return `.f${i}{fill:${c}}.s${i}{background:${c}}`;
    })
    .join('\n');
}
