import type { Lang } from '@triage/scales';
import type { FollowUpEntry, GroupRow, ReportModel } from './model.ts';

/**
 * Report models for tests (unit and headless-browser): a small school with suppressed cells and hostile names, or a
 * big district. Not used by the CLI itself.
 */

/** A class name that must render as text, never as markup. */
export const HOSTILE_CLASS = '<script>alert("x")</script>初二(3)班';
/** A sheet name that would load an image if it were not escaped. */
export const HOSTILE_SHEET = '<img src="https://example.com/x.png">Sheet1';

const LEVELS: Record<Lang, readonly { id: string; name: string; color: string }[]> = {
  zh: [
    { id: 'R4', name: '紧急', color: '#b71c1c' },
    { id: 'R3', name: '高风险', color: '#e65100' },
    { id: 'R2', name: '中风险', color: '#f9a825' },
    { id: 'R1', name: '低风险', color: '#2e7d32' },
    { id: 'none', name: '未触发规则', color: '#9e9e9e' },
  ],
  en: [
    { id: 'R4', name: 'imminent', color: '#b71c1c' },
    { id: 'R3', name: 'high', color: '#e65100' },
    { id: 'R2', name: 'moderate', color: '#f9a825' },
    { id: 'R1', name: 'low', color: '#2e7d32' },
    { id: 'none', name: 'no rule fired', color: '#9e9e9e' },
  ],
};

const EXPLANATIONS: Record<Lang, readonly string[]> = {
  zh: [
    '规则 critical-item 触发 → 紧急\n读取：PHQ-A 危机条目 = 阳性\n处置：当天联系学生与监护人；有即时危险时一键转接 120/110。',
    '规则 phq-a-severe 触发 → 高风险\n读取：PHQ-A 总分 = 20（≥ 20）\n处置：4–24 小时内完成研判。',
    '规则 gad-7-severe 触发 → 高风险\n读取：GAD-7 总分 ≥ 15\n处置：4–24 小时内完成研判。',
  ],
  en: [
    'Rule critical-item fired → imminent\nRead: PHQ-A critical item = positive\nAction: contact the student and guardian today; emergency transfer (120/110) if in immediate danger.',
    'Rule phq-a-severe fired → high\nRead: PHQ-A total = 20 (≥ 20)\nAction: assessment within 4–24 hours.',
    'Rule gad-7-severe fired → high\nRead: GAD-7 total ≥ 15\nAction: assessment within 4–24 hours.',
  ],
};

function followUp(n: number, lang: Lang, classes: readonly string[]): FollowUpEntry[] {
  return Array.from({ length: n }, (_, i) => {
    const severe = i < Math.ceil(n / 10);
    return {
      id: `P${(0x3a7f00 + i * 7919).toString(16).toUpperCase()}`,
      sheet: null,
      line: 2 + i * 3,
      school: null,
      grade: lang === 'zh' ? `初${1 + (i % 3)}` : `Grade ${7 + (i % 3)}`,
      class: classes[i % classes.length] ?? null,
      level: severe ? 0 : 1,
      scores: severe ? ['PHQ-A 22 (severe)', 'GAD-7 16 (severe)'] : [`PHQ-A ${20 + (i % 4)} (severe)`],
      explanation: severe ? 0 : 1 + (i % 2),
    };
  });
}

/** A class of `total` students split over the five levels, small cells already suppressed as the pipeline does. */
function group(key: string, counts: readonly number[], minCell: number): GroupRow {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total < minCell) return { key, total: null, counts: counts.map(() => null) };
  const cells = counts.map((c) => (c > 0 && c < minCell ? null : c));
  // Complementary suppression: one hidden cell alone would be given away by the total.
  if (cells.filter((c) => c === null).length === 1) {
    let smallest = -1;
    cells.forEach((c, i) => {
      if (c !== null && c > 0 && (smallest < 0 || c < (cells[smallest] ?? c))) smallest = i;
    });
    if (smallest >= 0) cells[smallest] = null;
  }
  return { key, total, counts: cells };
}

/** A small school: four classes (one named like markup), suppressed cells, and `followUpEntries` students to follow. */
export function smallReport(
  lang: Lang,
  options: { followUpEntries?: number; followUpTotal?: number } = {},
): ReportModel {
  const zh = lang === 'zh';
  const classes = zh ? ['初一(1)班', '初一(2)班', HOSTILE_CLASS, '初三(1)班'] : ['7A', '7B', HOSTILE_CLASS, '9A'];
  const entries = options.followUpEntries ?? 12;
  const levelCounts = [3, 9, 27, 61, 40];
  return {
    lang,
    source: {
      file: zh ? '2025秋季筛查.xlsx' : 'autumn-screening.xlsx',
      sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      encoding: null,
      sheets: [HOSTILE_SHEET, zh ? '初三' : 'Grade 9'],
      hiddenRead: [],
      skipped: [],
    },
    generator: 'triage 0.1.0',
    pseudonymized: true,
    summary: {
      rows: 146,
      scored: 140,
      rejected: 4,
      summaryRows: 0,
      titleRows: 0,
      headerRows: 0,
      blankRows: 2,
      duplicateIds: 1,
      rejectedWithRisk: 1,
    },
    levels: LEVELS[lang].map((l, i) => ({ ...l, count: levelCounts[i] ?? 0 })),
    byGrade: [
      group(zh ? '初一' : 'Grade 7', [1, 4, 12, 30, 21], 5),
      group(zh ? '初二' : 'Grade 8', [2, 5, 15, 31, 19], 5),
      group('', [0, 0, 0, 0, 0], 5),
    ],
    byClass: [
      group(classes[0] ?? '', [0, 6, 7, 15, 12], 5),
      group(classes[1] ?? '', [1, 2, 5, 15, 9], 5),
      group(classes[2] ?? '', [2, 1, 15, 31, 19], 5),
      group(classes[3] ?? '', [0, 1, 0, 2, 0], 5),
    ],
    minCell: 5,
    followUp: followUp(entries, lang, classes),
    followUpTotal: options.followUpTotal ?? entries,
    explanations: EXPLANATIONS[lang],
    instruments: [
      {
        id: 'phq-a',
        name: zh ? 'PHQ-A 青少年抑郁量表' : 'PHQ-A (Patient Health Questionnaire, adolescent)',
        version: '1.0',
        sources: [
          'Johnson JG et al. J Adolesc Health 2002;30(3):196–204. https://doi.org/10.1016/S1054-139X(01)00333-0',
        ],
        licence: zh ? '免费使用' : 'free',
      },
      {
        id: 'gad-7',
        name: 'GAD-7',
        version: '1.0',
        sources: ['Spitzer RL et al. Arch Intern Med 2006;166(10):1092–1097.'],
        licence: zh ? '免费使用' : 'free',
      },
    ],
    ruleSet: {
      id: 'default',
      version: '1.0.0',
      hash: 'sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
    },
  };
}

/** A province-sized import: `classes` classes and `followUpEntries` students shown (the pipeline's cap ignored). */
export function bigReport(lang: Lang, options: { classes: number; followUpEntries: number }): ReportModel {
  const small = smallReport(lang);
  const classes = Array.from(
    { length: options.classes },
    (_, i) => `${lang === 'zh' ? '学校' : 'School '}${1 + Math.floor(i / 20)}-${1 + (i % 20)}`,
  );
  return {
    ...small,
    summary: {
      rows: options.classes * 45,
      scored: options.classes * 44,
      rejected: options.classes,
      summaryRows: 0,
      titleRows: 0,
      headerRows: 0,
      blankRows: 0,
      duplicateIds: 3,
      rejectedWithRisk: 0,
    },
    byGrade: Array.from({ length: 12 }, (_, g) => group(`G${g + 1}`, [g + 3, 40 + g, 400, 2000, 1000], 5)),
    byClass: classes.map((key, i) => group(key, [i % 3, 1 + (i % 7), 4 + (i % 9), 20, 12], 5)),
    followUp: followUp(options.followUpEntries, lang, classes),
    followUpTotal: options.followUpEntries + 1234,
  };
}
