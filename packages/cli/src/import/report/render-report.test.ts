import type { Lang } from '@triage/scales';
import { describe, expect, it } from 'vitest';
import { barParts } from './charts.ts';
import { bigReport, HOSTILE_CLASS, HOSTILE_SHEET, smallReport } from './fixtures.ts';
import { escapeHtml, safeColour } from './html.ts';
import { reportMessages } from './messages.ts';
import type { ReportModel } from './model.ts';
import { REPORT_CSP, renderReport } from './render-report.ts';

const MB = 1024 * 1024;

/** Every src= and href= value of a real tag (escaped text holds no `<`, so it is never read as one). */
function links(html: string): string[] {
  const tags = html.match(/<[a-z][^>]*>/gi) ?? [];
  return tags.flatMap((tag) =>
    [...tag.matchAll(/\s(?:src|href)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)].map(
      (m) => m[1] ?? m[2] ?? m[3] ?? '',
    ),
  );
}

describe.each<Lang>(['zh', 'en'])('renderReport (%s)', (lang) => {
  const model = smallReport(lang, { followUpEntries: 12, followUpTotal: 30 });
  const html = renderReport(model);
  const t = reportMessages(lang);

  it('is a complete HTML5 document in the model language with a strict CSP', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="')).toBe(true);
    expect(html).toContain(`<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">`);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${escapeHtml(REPORT_CSP)}">`);
    expect(REPORT_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('has no script and loads nothing from the network', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    const found = links(html);
    expect(found).toContain('#x1');
    for (const link of found) expect(link).toMatch(/^(#|data:)/);
    expect(html).not.toMatch(/url\(\s*['"]?(?!#)/i);
    expect(html).not.toMatch(/@import|@font-face/i);
  });

  it('shows the source, summary, levels, instruments and rule set', () => {
    for (const text of [
      t.title,
      model.source.file,
      model.source.sha256.slice(0, 16),
      t.source.encodingXlsx,
      model.generator,
      t.yes,
      ...model.levels.map((l) => l.name),
      ...model.instruments.map((i) => escapeHtml(i.name)),
      model.ruleSet.id,
      model.ruleSet.hash,
      t.privacy.noNames,
      t.privacy.pseudonymized,
    ]) {
      expect(html).toContain(text);
    }
    for (const n of [146, 140, 4, 2, 1, 30]) expect(html).toContain(`<span class="n">${n}</span>`);
    // A citation's URL is text, not a link.
    expect(html).toContain('https://doi.org/10.1016/S1054-139X(01)00333-0</li>');
  });

  it('escapes every value from user files: class and sheet names render as text', () => {
    expect(html).toContain(escapeHtml(HOSTILE_CLASS));
    expect(html).toContain(escapeHtml(HOSTILE_SHEET));
    expect(html).not.toContain(HOSTILE_CLASS);
    expect(html).not.toContain(HOSTILE_SHEET);
    expect(html).not.toMatch(/<img/i);
  });

  it('shows suppressed cells as "<5" with a note, and a hidden group total', () => {
    expect(html).toContain('<td class="num sup">&lt;5</td>');
    expect(html).toContain(escapeHtml(t.groups.suppressedNote(5)));
    // The last class has 3 students: its total and every count are hidden.
    const lastClass = model.byClass[3];
    expect(lastClass?.total).toBeNull();
    const start = html.indexOf(`<tr><th scope="row">${escapeHtml(lastClass?.key ?? '?')}</th>`);
    expect(start).toBeGreaterThan(0);
    const row = html.slice(start, html.indexOf('</tr>', start));
    expect(row.match(/&lt;5/g)).toHaveLength(1 + model.levels.length);
    expect(html).toContain(escapeHtml(t.blankKey));
  });

  it('lists follow-up entries in the given order, with a note when the list is cut', () => {
    const ids = model.followUp.map((f) => f.id);
    const positions = ids.map((id) => html.indexOf(`>${id}</th>`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(html).toContain(escapeHtml(t.followUp.showing('12', '30')));
    expect(renderReport({ ...model, followUpTotal: 12 })).not.toContain(escapeHtml(t.followUp.showing('12', '12')));
  });

  it('keeps the newlines of each explanation and links entries to it', () => {
    for (const [i, text] of model.explanations.entries()) {
      expect(html).toContain(`<li id="x${i + 1}">`);
      expect(html).toContain(escapeHtml(text));
      expect(text).toContain('\n');
    }
    expect(html).toContain('href="#x1"');
    expect(html).toMatch(/\.text \{[^}]*white-space: pre-wrap/);
  });

  it('is accessible: scoped headers, titled charts, level names beside colours', () => {
    expect(html).toContain('<th scope="col"');
    expect(html).toContain('<th scope="row"');
    const charts = html.match(/<svg [^>]*>/g) ?? [];
    expect(charts).toHaveLength(3);
    for (const svg of charts) expect(svg).toMatch(/role="img" aria-label="[^"]+"/);
    expect(html.match(/<svg [^>]*><title>[^<]+<\/title>/g)).toHaveLength(3);
    for (const [i, level] of model.levels.entries()) {
      expect(html).toContain(`<span class="sw s${i}" aria-hidden="true"></span>${level.name}</span>`);
    }
  });
});

describe('renderReport edge cases', () => {
  it.each([
    {
      lang: 'en' as const,
      texts: [
        'Hidden in the workbook, read as classes</dt><dd>初二(2)班</dd>',
        '<li>选项 (4 rows): hidden in the workbook, and its header does not hold the instruments of the sheets read</li>',
        '<li>填写说明 (1 row): nothing in it recognised',
      ],
    },
    {
      lang: 'zh' as const,
      texts: [
        '工作簿中隐藏、已作为班级读取</dt><dd>初二(2)班</dd>',
        '<li>选项（4 行）：在工作簿中是隐藏的，表头也不含所读工作表的量表</li>',
        '<li>填写说明（1 行）：其中没有可识别的内容',
      ],
    },
  ])('names the sheets read although hidden and those not read ($lang)', ({ lang, texts }) => {
    const model = smallReport(lang);
    const html = renderReport({
      ...model,
      source: {
        ...model.source,
        hiddenRead: ['初二(2)班'],
        skipped: [
          { sheet: '选项', rows: 4, reason: 'hidden' },
          { sheet: '填写说明', rows: 1, reason: 'no-columns' },
        ],
      },
    });
    for (const text of texts) expect(html).toContain(text);
    expect(renderReport(model)).not.toContain('class="skipped"');
  });

  it('replaces a colour that is not a plain colour literal', () => {
    const model = smallReport('en');
    const hostile: ReportModel = {
      ...model,
      source: { ...model.source, sheets: [] },
      levels: model.levels.map((l, i) =>
        i === 0 ? { ...l, color: 'red;background:url(https://example.com/t.png)</style><script>' } : l,
      ),
    };
    const html = renderReport(hostile);
    expect(html).not.toContain('example.com');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('.f0{fill:#9e9e9e}');
  });

  it('says so when nobody needs follow-up and ids are not pseudonyms', () => {
    const model: ReportModel = { ...smallReport('zh'), followUp: [], followUpTotal: 0, pseudonymized: false };
    const html = renderReport(model);
    const t = reportMessages('zh');
    expect(html).toContain(t.followUp.none);
    expect(html).toContain(t.privacy.notPseudonymized);
    expect(html).toContain(`<dd>${t.no}</dd>`);
  });

  it('grows with groups and follow-up entries, never with scored rows', () => {
    const model = smallReport('en');
    const many: ReportModel = {
      ...model,
      summary: { ...model.summary, rows: 9_000_000, scored: 8_999_000 },
      levels: model.levels.map((l) => ({ ...l, count: l.count * 50_000 })),
    };
    expect(Math.abs(renderReport(many).length - renderReport(model).length)).toBeLessThan(200);
  });

  it('renders 5,000 follow-up entries and 2,000 classes fast and under 5 MB', () => {
    for (const lang of ['zh', 'en'] as const) {
      const model = bigReport(lang, { classes: 2000, followUpEntries: 5000 });
      const started = performance.now();
      const html = renderReport(model);
      const ms = performance.now() - started;
      const bytes = Buffer.byteLength(html, 'utf8');
      expect(bytes).toBeLessThan(5 * MB);
      // Loose: shared CI machines stall; the measured time is well under a second.
      expect(ms).toBeLessThan(3000);
      expect(html).toContain(`>${model.followUp[4999]?.id}</th>`);
      expect(html).toContain(escapeHtml(model.byClass[1999]?.key ?? '?'));
    }
  });
});

describe('barParts', () => {
  it.each([
    { key: 'all shown', total: 10, counts: [1, 2, 3, 4], shown: [0.1, 0.2, 0.3, 0.4], hidden: 0 },
    { key: 'two hidden', total: 20, counts: [null, null, 10, 5], shown: [0, 0, 0.5, 0.25], hidden: 0.25 },
    { key: 'total hidden', total: null, counts: [null, 2, null], shown: [0, 0, 0], hidden: 1 },
    { key: 'empty', total: 0, counts: [0, 0], shown: [0, 0], hidden: 0 },
    { key: 'inconsistent', total: 5, counts: [5, 5], shown: [0.5, 0.5], hidden: 0 },
  ])('$key', ({ total, counts, shown, hidden, key }) => {
    const parts = barParts({ key, total, counts });
    expect(parts.shown).toEqual(shown);
    expect(parts.hidden).toBeCloseTo(hidden);
  });
});

describe('safeColour', () => {
  it.each([
    ['#c62828', '#c62828'],
    [' #ABC ', '#ABC'],
    ['crimson', 'crimson'],
    ['rgb(198, 40, 40)', 'rgb(198, 40, 40)'],
    ['hsl(0 70% 47% / 0.9)', 'hsl(0 70% 47% / 0.9)'],
    ['red;background:url(x)', '#9e9e9e'],
    ['var(--x)', '#9e9e9e'],
    ['url(https://example.com)', '#9e9e9e'],
    ['#c62828}</style>', '#9e9e9e'],
    ['', '#9e9e9e'],
  ])('%j → %s', (input, expected) => {
    expect(safeColour(input)).toBe(expected);
  });
});
