/**
 * Writes the example screening files in examples/screenings/ from bench/screening-data.mjs with a fixed seed, then
 * reads them back and checks them. Rerunning gives the same bytes, so a second run leaves no git diff.
 *
 *   node scripts/generate-screening-examples.mjs           write the files
 *   node scripts/generate-screening-examples.mjs --stats   also print the prevalence of each data set
 *
 * Exit codes: 0 written, 1 a read-back check failed, 2 cannot run (bad flag).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  COLUMN_COUNT,
  csvField,
  formatStats,
  screeningHeader,
  screeningRows,
  screeningStats,
  writeScreeningCsv,
} from '../bench/screening-data.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'examples/screenings');
/**
 * Picked, not arbitrary: among seeds from 12355 on, the first whose class of 40 sits near the model's prevalence and
 * shows every kind of case (PHQ-A ≥ 10 ×8 incl. severe, item 9 ≥ 1 ×3, supplement c and d once each).
 */
const SEED = 12997;

/** One class of 40; both CSVs hold these students. */
const CLASS_40 = { rows: 40, seed: SEED, startId: '202501110001', classSize: 40 };
/** Grade 7 (初一) of a second school, one sheet per class. */
const GRADE_7 = [
  { rows: 35, seed: SEED + 1, startId: '202502110001', classSize: 35 },
  { rows: 34, seed: SEED + 2, startId: '202502120001', classSize: 34 },
  { rows: 36, seed: SEED + 3, startId: '202502130001', classSize: 36 },
];
/** Ids that start with 0, so Excel can drop the zero. */
const MESSY = { seed: SEED + 10, startId: '012345670001', classSize: 40 };
/** Fixed workbook and zip dates, so the .xlsx bytes do not change from run to run. */
const FIXED_DATE = new Date('2026-01-01T00:00:00Z');

const dataRows = (options) => [...screeningRows(options)].slice(1);
const numbers = (options) => [...screeningRows({ ...options, lang: 'en', answers: 'numbers' })];

// ---- CSV files of the class of 40 ----

async function writeClass40() {
  await writeScreeningCsv(join(outDir, 'class-40.en.csv'), {
    ...CLASS_40,
    lang: 'en',
    answers: 'numbers',
    encoding: 'utf-8',
    lineEnding: '\r\n',
  });
  await writeScreeningCsv(join(outDir, 'class-40.zh.gb18030.csv'), {
    ...CLASS_40,
    lang: 'zh',
    answers: 'text',
    encoding: 'gb18030',
    lineEnding: '\r\n',
  });
}

// ---- wjx-phqa.csv ----

/**
 * The short question titles a 问卷星 (wjx.cn) questionnaire of PHQ-A gives, numbered straight through as the platform
 * exports them (`1、…` to `13、…`): the supplements a–d become 10–13, and no header names the instrument.
 */
const WJX_PHQA_TITLES = [
  '情绪低落',
  '兴趣减退',
  '睡眠问题',
  '食欲',
  '疲乏',
  '自我评价低',
  '注意力难以集中',
  '动作迟缓或烦躁不安',
  '死亡或自伤念头',
  '过去一年多数日子感到抑郁',
  '上述问题造成的困难',
  '过去一个月认真想过结束生命',
  '曾经尝试自杀',
];

/**
 * The class of 40's PHQ-A as a 问卷星 download: UTF-8 with BOM, its 序号 and 提交答卷时间 columns first, the person
 * questions, then the items by question number with option text as answers; GAD-7 was not asked. The §4.4 walk-through
 * of the import guides (`--instrument`, `--map`) runs on it.
 */
function buildWjxPhqa() {
  const header = ['序号', '提交答卷时间', '学号', '姓名', '性别', '年龄', '年级', '班级'];
  header.push(...WJX_PHQA_TITLES.map((title, i) => `${i + 1}、${title}`));
  const rows = dataRows({ ...CLASS_40, lang: 'zh', answers: 'text' }).map((row, i) => {
    const minute = String(i % 60).padStart(2, '0');
    return [String(i + 1), `2025/9/15 8:${minute}:${String((i * 17) % 60).padStart(2, '0')}`, ...row.slice(0, 19)];
  });
  const lines = [header, ...rows].map((fields) => fields.map((f) => csvField(f)).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

// ---- grade-7.xlsx ----

/**
 * Sets every entry's DOS time and date, in the central directory and in the local headers: JSZip (inside exceljs)
 * stamps the time of writing, the only thing that differed between two runs.
 */
function fixZipTimes(zip, date) {
  const dosTime = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1);
  const dosDate = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('xlsx: zip end-of-central-directory record not found');
  const entries = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < entries; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('xlsx: bad zip central directory');
    zip.writeUInt16LE(dosTime, at + 12);
    zip.writeUInt16LE(dosDate, at + 14);
    const local = zip.readUInt32LE(at + 42);
    zip.writeUInt16LE(dosTime, local + 10);
    zip.writeUInt16LE(dosDate, local + 12);
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return zip;
}

function loadExcelJs() {
  return createRequire(new URL('../packages/cli/package.json', import.meta.url))('exceljs');
}

/** Cell values as Excel would hold them: ids and text as strings, age and answers as numbers. */
const NUMERIC_COLUMNS = new Set([3, ...Array.from({ length: 20 }, (_, i) => 6 + i)]);

async function writeGrade7() {
  const ExcelJS = loadExcelJs();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'triage examples';
  workbook.lastModifiedBy = 'triage examples';
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  const sheets = [];
  for (const options of GRADE_7) {
    const rows = dataRows({ ...options, lang: 'zh', answers: 'numbers' });
    const name = rows[0][5];
    sheets.push(name);
    const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.addRow(screeningHeader('zh')).font = { bold: true };
    for (const fields of rows) {
      sheet.addRow(fields.map((value, column) => (NUMERIC_COLUMNS.has(column) ? Number(value) : value)));
    }
    // Text format on the id column, so Excel keeps 12-digit ids as typed instead of 2.02502E+11.
    sheet.getColumn(1).numFmt = '@';
    sheet.getColumn(1).width = 15;
    sheet.getColumn(6).width = 11;
  }
  const zip = fixZipTimes(Buffer.from(await workbook.xlsx.writeBuffer()), FIXED_DATE);
  writeFileSync(join(outDir, 'grade-7.xlsx'), zip);
  return sheets;
}

// ---- messy.csv ----

/**
 * The rows of messy.csv in order. `row` entries take the next generated student; `edit` breaks it in one way (after
 * its critical items are set to 0, so each problem row shows one problem). `action` is one of ACTIONS; texts are
 * [en, zh].
 */
const MESSY_PLAN = [
  { row: 'good' },
  { row: 'good' },
  {
    edit: (f, c) => {
      f[c.PHQA3] = 'sometimes';
    },
    problem: ['PHQA3 is `sometimes`: not a response option', 'PHQA3 为 `sometimes`：不是选项'],
    action: 'reject',
    detail: [
      'SCALES_UNKNOWN_LABEL (PHQ-A item 3, expected 0–3 or an option label)',
      'SCALES_UNKNOWN_LABEL（PHQ-A 第 3 题，应为 0–3 或选项文字）',
    ],
  },
  { row: 'good' },
  {
    edit: (f, c) => {
      f[c.GAD7_2] = '4';
    },
    problem: ['GAD7_2 is `4`: out of range 0–3', 'GAD7_2 为 `4`：超出 0–3'],
    action: 'reject',
    detail: [
      'SCALES_ITEM_OUT_OF_RANGE (GAD-7 item 2, expected 0–3)',
      'SCALES_ITEM_OUT_OF_RANGE（GAD-7 第 2 题，应为 0–3）',
    ],
  },
  {
    edit: (f, c) => {
      f[c.PHQA5] = '1.5';
    },
    problem: ['PHQA5 is `1.5`: not a whole number', 'PHQA5 为 `1.5`：不是整数'],
    action: 'reject',
    detail: [
      'SCALES_ITEM_OUT_OF_RANGE (PHQ-A item 5, expected 0–3)',
      'SCALES_ITEM_OUT_OF_RANGE（PHQ-A 第 5 题，应为 0–3）',
    ],
  },
  { row: 'good' },
  {
    edit: (f, c) => {
      f[c.PHQA4] = '';
    },
    problem: ['PHQA4 blank (a non-critical item)', 'PHQA4 空白（非关键条目）'],
    action: 'accept',
    detail: [
      'PHQ-A total prorated from 8 items, warning SCALES_PRORATED (≤ 2 missing allowed)',
      'PHQ-A 总分按 8 题折算，警告 SCALES_PRORATED（最多允许缺 2 题）',
    ],
  },
  {
    edit: (f, c) => {
      f[c.PHQA9] = '';
    },
    problem: ['PHQA9 blank: the self-harm item', 'PHQA9 空白：自伤条目'],
    action: 'escalate',
    detail: [
      'item 9 unknown (flag self-harm-thoughts: unknown), never read as 0; total prorated',
      '第 9 题未知（标记 self-harm-thoughts: unknown），绝不当作 0；总分折算',
    ],
  },
  {
    edit: (f) => f.push(''),
    problem: ['a trailing empty field (comma at the end of the line)', '行尾多一个空字段（行末逗号）'],
    action: 'accept',
    detail: ['an empty extra field holds no data', '多出的空字段不含数据'],
  },
  { blank: '' },
  { blank: '' },
  { row: 'good' },
  {
    edit: (f, c) => f.splice(c.PHQA5, 1),
    problem: ['one field short (the PHQA5 cell is missing)', '少一个字段（缺 PHQA5 单元格）'],
    action: 'reject',
    detail: [
      'IMPORT_FIELD_COUNT: answers after the gap would shift into the wrong items',
      'IMPORT_FIELD_COUNT：缺口之后的作答会错位到别的题目',
    ],
  },
  {
    edit: (f) => f.push('see counsellor note'),
    problem: ['an extra non-empty field after the last column', '最后一列之后多一个非空字段'],
    action: 'reject',
    detail: ['IMPORT_FIELD_COUNT', 'IMPORT_FIELD_COUNT'],
  },
  { row: 'good', mark: 'first' },
  { row: 'good' },
  {
    edit: (f, c, marked) => {
      f[c.student_id] = marked.first.fields[c.student_id];
    },
    problem: ['duplicate student_id (same id as line {first})', 'student_id 重复（与第 {first} 行相同）'],
    action: 'warn',
    detail: [
      'both rows scored; this one marked as a duplicate of line {first}, nothing overwritten',
      '两行都计分；本行标记为第 {first} 行的重复，不覆盖任何数据',
    ],
  },
  {
    edit: (f, c) => {
      f[c.student_id] = '2.02501E+11';
    },
    problem: ['student_id `2.02501E+11`: Excel scientific notation', 'student_id 为 `2.02501E+11`：Excel 科学计数法'],
    action: 'reject',
    detail: ['IMPORT_ID_MANGLED: digits are lost and cannot be recovered', 'IMPORT_ID_MANGLED：数字已丢失，无法恢复'],
  },
  {
    edit: (f, c) => {
      f[c.student_id] = f[c.student_id].slice(1);
    },
    problem: ['11-digit student_id: Excel dropped the leading 0', '11 位 student_id：Excel 去掉了开头的 0'],
    action: 'warn',
    detail: [
      'accept the id as written (do not guess a padding); tell the user to format the column as Text',
      '按原样接受学号（不要猜测补零）；提示用户把该列设为文本',
    ],
  },
  { row: 'good' },
  {
    padded: true,
    problem: ['an empty row padded with commas', '只有逗号的空行'],
    action: 'skip',
    detail: ['a blank row, not an error and not a student', '空行：既不是错误，也不是学生'],
  },
  { row: 'good' },
  {
    edit: (f, c) => {
      f[c.student_id] = f[c.student_id].slice(1);
    },
    problem: ['11-digit student_id (second one)', '11 位 student_id（第二个）'],
    action: 'warn',
    detail: ['as above', '同上'],
  },
  {
    edit: (f, c) => {
      f[c.age] = 'abc';
    },
    problem: ['age `abc`: not a number', 'age 为 `abc`：不是数字'],
    action: 'reject',
    detail: ['IMPORT_AGE_INVALID', 'IMPORT_AGE_INVALID'],
  },
  {
    edit: (f, c) => {
      f[c.age] = '3';
    },
    problem: ['age `3`: out of range for a school screening', 'age 为 `3`：超出学校筛查的年龄范围'],
    action: 'reject',
    detail: ['IMPORT_AGE_RANGE', 'IMPORT_AGE_RANGE'],
  },
  {
    edit: (f, c) => {
      f[c.sex] = 'X';
    },
    problem: ['sex `X`: not a known code', 'sex 为 `X`：无法识别'],
    action: 'reject',
    detail: [
      'IMPORT_SEX_INVALID (or accept, when a mapping file defines X)',
      'IMPORT_SEX_INVALID（若映射文件定义了 X 则接受）',
    ],
  },
  {
    edit: (f, c) => {
      f[c.student_id] = '';
    },
    problem: ['empty student_id', 'student_id 为空'],
    action: 'reject',
    detail: [
      'IMPORT_ID_MISSING: a student who cannot be found cannot be followed up',
      'IMPORT_ID_MISSING：找不到的学生无法跟进',
    ],
  },
  {
    edit: (f, c) => {
      f[c.name] = '=HYPERLINK("http://example.invalid","x")';
    },
    problem: [
      'name starts with `=` (formula injection); the row is otherwise valid',
      'name 以 `=` 开头（公式注入）；其余均有效',
    ],
    action: 'accept',
    detail: [
      'the name is never evaluated; any output that copies a cell neutralises formulas',
      '姓名绝不被当作公式执行；任何复制单元格的输出都要中和公式',
    ],
  },
  {
    edit: (f, c) => {
      f[c.PHQA2] = '２';
    },
    problem: ['PHQA2 is `２` (full-width digit)', 'PHQA2 为全角数字 `２`'],
    action: 'accept',
    detail: ['read as 2 (NFKC folding)', '读作 2（NFKC 规范化）'],
  },
  { row: 'good' },
  { row: 'good' },
  {
    trailing: true,
    problem: ['a blank line at the end of the file', '文件末尾的空行'],
    action: 'skip',
    detail: ['not a row', '不是数据行'],
  },
];

/** Builds messy.csv; returns its text and, per problem line, the plan entry with its line number. */
function buildMessy() {
  const header = screeningHeader('en');
  const column = Object.fromEntries(header.map((name, index) => [name, index]));
  const students = MESSY_PLAN.filter((entry) => entry.row || entry.edit).length;
  const rows = dataRows({ ...MESSY, rows: students, lang: 'en', answers: 'numbers' });
  const lines = [header.map((field) => csvField(field)).join(',')];
  const marked = {};
  const problems = [];
  const good = [];
  let next = 0;
  for (const entry of MESSY_PLAN) {
    const line = lines.length + 1;
    if ('blank' in entry) {
      lines.push('');
      problems.push({ line, problem: ['blank line', '空行'], action: 'skip', detail: ['not a row', '不是数据行'] });
      continue;
    }
    if (entry.padded) {
      lines.push(','.repeat(COLUMN_COUNT - 1));
    } else if (entry.trailing) {
      lines.push('');
    } else {
      const fields = rows[next++];
      if (entry.edit) {
        for (const name of ['PHQA9', 'PHQA_c', 'PHQA_d']) fields[column[name]] = '0';
        entry.edit(fields, column, marked);
      } else {
        good.push({ line, fields });
      }
      if (entry.mark) marked[entry.mark] = { line, fields };
      lines.push(fields.map((field) => csvField(field)).join(','));
    }
    if (entry.problem) problems.push({ line, problem: entry.problem, action: entry.action, detail: entry.detail });
  }
  const fill = (text) => text.replace('{first}', String(marked.first.line));
  for (const p of problems) {
    p.problem = p.problem.map(fill);
    p.detail = p.detail.map(fill);
  }
  // The trailing blank line is an empty line after the last line break.
  return { text: `\uFEFF${lines.join('\r\n')}\r\n`, problems, good, column };
}

/** Good lines whose answers alone put the student on the urgent list: item 9 ≥ 1, or c or d answered yes. */
function criticalLines(good, column) {
  return good
    .filter(
      ({ fields }) => fields[column.PHQA9] !== '0' || fields[column.PHQA_c] === '1' || fields[column.PHQA_d] === '1',
    )
    .map(({ line }) => line);
}

// ---- READMEs ----

const ACTIONS = {
  reject: ['reject with reason', '拒绝并说明原因'],
  accept: ['accept', '接受'],
  escalate: ['escalate', '升级预警'],
  warn: ['accept, warn', '接受并警告'],
  skip: ['skip', '跳过'],
};

function table(problems, lang) {
  const i = lang === 'en' ? 0 : 1;
  const head =
    lang === 'en'
      ? '| line | what is wrong | an importer should | detail |\n|---:|---|---|---|'
      : '| 行号 | 问题 | 导入程序应当 | 说明 |\n|---:|---|---|---|';
  const rows = problems.map(
    (p) => `| ${p.line} | ${p.problem[i]} | ${ACTIONS[p.action][i]} | ${p.detail[i].replaceAll('|', '\\|')} |`,
  );
  return [head, ...rows].join('\n');
}

function percent(count, total) {
  return `${count} (${((100 * count) / total).toFixed(1)} %)`;
}

/** Lines (header = 1) of the class-40 CSVs whose answers alone put the student on the urgent list. */
function class40CriticalLines() {
  const rows = numbers(CLASS_40);
  const column = Object.fromEntries(rows[0].map((name, index) => [name, index]));
  return criticalLines(
    rows.slice(1).map((fields, i) => ({ line: i + 2, fields })),
    column,
  );
}

function readme(lang, { messy, classStats, gradeStats, sheets }) {
  const separator = lang === 'en' ? ', ' : '、';
  const critical = criticalLines(messy.good, messy.column).join(separator) || '—';
  const classCritical = class40CriticalLines().join(separator);
  const s = classStats;
  const dataLines = messy.problems.filter((p) => p.action !== 'skip').length + messy.good.length;
  if (lang === 'en') {
    return `# Example screening files

Synthetic school-screening exports for \`triage import\`: demographics, PHQ-A (items 1–9 and supplements a–d) and
GAD-7. **All data is synthetic**: written by \`node scripts/generate-screening-examples.mjs\` (seed ${SEED}) from the
answer model in \`bench/screening-data.mjs\`. Names are placeholders (张小三, Zhang Xiaosan); no row describes a real
student, and the answer distribution is loosely matched to published prevalence, not a norm. Do not edit by hand:
change the script and run it again (the output is byte-for-byte the same on every run).

| file | what it is |
|---|---|
| \`class-40.en.csv\` | one class of 40 (7-1), UTF-8 without BOM, English short headers (\`student_id\`, \`PHQA1\` … \`GAD7_7\`), numeric answers 0–3 / 0–1, CRLF line ends as Excel writes them |
| \`class-40.zh.gb18030.csv\` | the same 40 students (same ids and answers) as a Chinese Excel "CSV (逗号分隔)" save: GB18030 without BOM, question-text headers (\`学号\`, \`PHQ-A 1、情绪低落、烦躁或绝望\` …), answers as option labels (\`完全不会\` … \`几乎每天\`, \`否\`/\`是\`, \`毫无困难\` …), CRLF |
| \`grade-7.xlsx\` | grade 7 of another school, one sheet per class (${sheets.join(', ')}; ${gradeStats.rows} students), Chinese headers, numeric answers; ids are text cells in a text-formatted column |
| \`messy.csv\` | UTF-8 with BOM, English headers, CRLF; ${dataLines} data rows: ${messy.good.length} good ones around one of each problem an importer must catch (table below), plus blank lines |
| \`wjx-phqa.csv\` | the class of 40's PHQ-A as a 问卷星 (wjx.cn) download: UTF-8 with BOM, \`序号\` and \`提交答卷时间\` first, questions numbered straight through (\`1、情绪低落\` … \`13、曾经尝试自杀\`, the supplements a–d as 10–13) with no instrument named, option text as answers; the import guides' §4.4 (\`--instrument\`, \`--map\`, the prompt) runs on it |

## class-40: what an import should find

PHQ-A total ≥ 10: ${percent(s.phqaAtLeast10, s.rows)} · item 9 ≥ 1: ${percent(s.item9AtLeast1, s.rows)} ·
supplement c yes: ${percent(s.supplementC, s.rows)} · supplement d yes: ${percent(s.supplementD, s.rows)} ·
GAD-7 ≥ 10: ${percent(s.gad7AtLeast10, s.rows)}. A critical answer (item 9 ≥ 1, c or d yes) on lines
${classCritical}: these students escalate whatever their totals. Both CSVs must give the same results.

## messy.csv, line by line

Line numbers count the header as line 1. Every problem row has its critical items (PHQA9, PHQA_c, PHQA_d) set to 0
except where the problem is one of them, so each shows one problem. Nothing may be lost: every non-blank row ends
as a result or in the errors file with its line, column and reason.

${table(messy.problems, 'en')}

All other lines are valid rows to be scored. Valid rows with item 9 ≥ 1 or supplement c or d answered yes, which
escalate on their answers alone: line(s) ${critical}.

Codes are those of \`@triage/scales\` (\`SCALES_*\`, checked against its scoring engine) and of the importer in
\`packages/cli/src/import\` (\`IMPORT_*\`) when this file was written.
`;
  }
  return `# 筛查示例文件

供 \`triage import\` 使用的合成学校筛查导出文件：人口学信息、PHQ-A（第 1–9 题及补充题 a–d）和 GAD-7。
**所有数据均为合成数据**：由 \`node scripts/generate-screening-examples.mjs\`（种子 ${SEED}）根据
\`bench/screening-data.mjs\` 中的作答模型生成。姓名是占位名（张小三、Zhang Xiaosan），没有任何一行对应真实学生；
作答分布只是大致参照已发表的检出率，不是常模。请勿手工修改：改脚本后重新运行（每次输出逐字节相同）。

| 文件 | 内容 |
|---|---|
| \`class-40.en.csv\` | 一个 40 人的班（7-1），UTF-8 无 BOM，英文短表头（\`student_id\`、\`PHQA1\` … \`GAD7_7\`），数字作答 0–3 / 0–1，CRLF 换行（与 Excel 相同） |
| \`class-40.zh.gb18030.csv\` | 同样的 40 名学生（学号和作答相同），模拟中文 Excel 另存为「CSV (逗号分隔)」：GB18030 无 BOM，题目文字表头（\`学号\`、\`PHQ-A 1、情绪低落、烦躁或绝望\` …），作答为选项文字（\`完全不会\` … \`几乎每天\`、\`否\`/\`是\`、\`毫无困难\` …），CRLF |
| \`grade-7.xlsx\` | 另一所学校的初一年级，每班一个工作表（${sheets.join('、')}；共 ${gradeStats.rows} 人），中文表头，数字作答；学号为文本单元格，所在列设为文本格式 |
| \`messy.csv\` | UTF-8 带 BOM，英文表头，CRLF；${dataLines} 行数据：${messy.good.length} 行正常数据之间穿插导入程序必须识别的各类问题（见下表），另有空行 |
| \`wjx-phqa.csv\` | 同一个 40 人班的 PHQ-A，模拟问卷星下载的答卷数据：UTF-8 带 BOM，前两列为 \`序号\`、\`提交答卷时间\`，题目按问卷顺序连续编号（\`1、情绪低落\` … \`13、曾经尝试自杀\`，补充题 a–d 编为 10–13），表头没有量表名，作答为选项文字；导入指南第 4.4 节（\`--instrument\`、\`--map\`、终端提问）用的就是它 |

## class-40：导入应得到的结果

PHQ-A 总分 ≥ 10：${percent(s.phqaAtLeast10, s.rows)} · 第 9 题 ≥ 1：${percent(s.item9AtLeast1, s.rows)} ·
补充题 c 为「是」：${percent(s.supplementC, s.rows)} · 补充题 d 为「是」：${percent(s.supplementD, s.rows)} ·
GAD-7 ≥ 10：${percent(s.gad7AtLeast10, s.rows)}。第 ${classCritical} 行有关键作答阳性（第 9 题 ≥ 1，或 c、d 答「是」），
无论总分多少都应升级预警。两个 CSV 的结果必须相同。

## messy.csv 逐行说明

行号从表头（第 1 行）算起。每个问题行的关键条目（PHQA9、PHQA_c、PHQA_d）都设为 0（问题本身就是这些条目时除外），
因此每行只有一个问题。不得丢失任何数据：每个非空行要么成为结果，要么连同行号、列和原因写入错误文件。

${table(messy.problems, 'zh')}

其余各行都是应当计分的有效行。其中第 9 题 ≥ 1 或补充题 c、d 答「是」、仅凭作答即应升级预警的行：第 ${critical} 行。

错误码取自 \`@triage/scales\`（\`SCALES_*\`，已用其计分引擎核对）和编写本文件时 \`packages/cli/src/import\` 中的导入程序
（\`IMPORT_*\`）。
`;
}

// ---- read-back checks ----

function check(condition, message) {
  if (!condition) throw Object.assign(new Error(`check failed: ${message}`), { exitCode: 1 });
}

/** Splits CSV text without quoted fields (the generated data has none) into lines of fields. */
function parsePlain(text) {
  return text
    .replace(/\r\n$/, '')
    .split('\r\n')
    .map((line) => line.split(','));
}

async function checkOutputs({ sheets }) {
  const en = readFileSync(join(outDir, 'class-40.en.csv'));
  const zhBytes = readFileSync(join(outDir, 'class-40.zh.gb18030.csv'));
  check(en[0] !== 0xef && zhBytes[0] !== 0xef, 'class-40 CSVs must have no BOM');
  const zh = new TextDecoder('gb18030', { fatal: true }).decode(zhBytes);
  const enRows = parsePlain(en.toString('utf8'));
  const zhRows = parsePlain(zh);
  check(enRows.length === 41 && zhRows.length === 41, 'class-40: header + 40 rows');
  check(
    zhRows.every((fields) => fields.length === COLUMN_COUNT),
    'class-40.zh: every line has all columns',
  );
  // Same students: the zh file decodes to exactly the zh rendering, and both renderings share ids and answers.
  const zhExpected = [...screeningRows({ ...CLASS_40, lang: 'zh', answers: 'text' })];
  check(JSON.stringify(zhRows) === JSON.stringify(zhExpected), 'class-40.zh decodes to the zh rows');
  const enNumbers = numbers(CLASS_40);
  const zhNumbers = [...screeningRows({ ...CLASS_40, lang: 'zh', answers: 'numbers' })];
  check(JSON.stringify(enRows) === JSON.stringify(enNumbers), 'class-40.en holds the en rows');
  for (let r = 1; r <= 40; r++) {
    check(enRows[r][0] === zhRows[r][0], `class-40 row ${r}: same id`);
    check(enNumbers[r].slice(6).join() === zhNumbers[r].slice(6).join(), `class-40 row ${r}: same answers`);
  }

  const ExcelJS = loadExcelJs();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(join(outDir, 'grade-7.xlsx'));
  check(workbook.worksheets.map((w) => w.name).join() === sheets.join(), 'grade-7.xlsx sheet names');
  workbook.worksheets.forEach((sheet, i) => {
    check(sheet.rowCount === GRADE_7[i].rows + 1, `${sheet.name}: header + ${GRADE_7[i].rows} rows`);
    for (let r = 2; r <= sheet.rowCount; r++) {
      const id = sheet.getRow(r).getCell(1).value;
      check(typeof id === 'string' && /^\d{12}$/.test(id), `${sheet.name} row ${r}: id is a 12-digit text cell`);
    }
  });
}

// ---- main ----

async function main() {
  const { values: opts } = parseArgs({ options: { stats: { type: 'boolean', default: false } } });
  mkdirSync(outDir, { recursive: true });
  await writeClass40();
  const sheets = await writeGrade7();
  const messy = buildMessy();
  writeFileSync(join(outDir, 'messy.csv'), messy.text);
  writeFileSync(join(outDir, 'wjx-phqa.csv'), buildWjxPhqa());

  const classStats = screeningStats(numbers(CLASS_40));
  const gradeRows = GRADE_7.flatMap((options) => numbers(options).slice(1));
  const gradeStats = screeningStats([screeningHeader('en'), ...gradeRows]);
  for (const lang of ['en', 'zh']) {
    const file = lang === 'en' ? 'README.md' : 'README.zh.md';
    writeFileSync(join(outDir, file), readme(lang, { messy, classStats, gradeStats, sheets }));
  }
  await checkOutputs({ sheets });
  console.error(
    `examples/screenings: class-40 (en, zh GB18030), grade-7.xlsx (${sheets.join(', ')}), messy.csv, wjx-phqa.csv`,
  );

  if (opts.stats) {
    const sample = screeningStats(numbers({ rows: 100_000, seed: SEED }));
    const blocks = [
      ['class-40', classStats],
      ['grade-7.xlsx', gradeStats],
      [`100,000-row sample, seed ${SEED}`, sample],
    ];
    for (const [title, stats] of blocks) console.log(`\n${title}\n${formatStats(stats).join('\n')}`);
    console.log('\nmessy.csv');
    for (const p of messy.problems)
      console.log(`  line ${String(p.line).padStart(2)}  ${p.action.padEnd(8)} ${p.problem[0]}`);
  }
}

main().catch((error) => {
  console.error(error.message);
  process.exitCode = error.exitCode ?? 2;
});
