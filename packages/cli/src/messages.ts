import type { RuleFileProblem } from '@triage/core';
import type { Lang, Licence, Localized, MissingRule } from '@triage/scales';

/**
 * Every user-facing string of the CLI, in zh-CN and en. Messages name files, lines, columns, headers and items;
 * none takes an answer value or a name, so none can print one.
 */

type Count = { readonly rows: number; readonly scored: number; readonly rejected: number };
type Summary = Count & { readonly blankLines: number; readonly flagged: number };
type ReadAs = {
  readonly file: string;
  readonly encoding: string;
  readonly bom: boolean;
  readonly detected: boolean;
  readonly delimiter: string;
};
type Found = { readonly file: string; readonly items: number; readonly id: string | null; readonly ignored: number };
/** The bounds of an integer flag, as its definition gives them. */
export type IntegerRange = { readonly min?: number | undefined; readonly max?: number | undefined };
type At = { readonly file: string; readonly line: number; readonly column?: number; readonly header?: string };

const ENCODING_NAMES: Record<string, string> = {
  'utf-8': 'UTF-8',
  gb18030: 'GB18030',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
  big5: 'Big5',
};
const encodingName = (e: string) => ENCODING_NAMES[e] ?? e;
const delimiterName = (d: string) => (d === '\t' ? 'tab' : `"${d}"`);

const en = {
  prefix: { error: 'Error: ', warning: 'Warning: ', rejected: 'Rejected: ' },
  none: '—',

  // usage (exit 2)
  unknownFlags: (flags: readonly string[]) => `unknown flag ${flags.join(', ')}; see --help`,
  /** `answers`: the command reads --answers (score), where a space in the list is the usual cause; else a file name. */
  unexpectedArgs: (n: number, answers: boolean) =>
    `${n} unexpected argument${n === 1 ? '' : 's'}; quote values that contain spaces, e.g. ${answers ? '--answers "1, 2, 0"' : '"class 7 1.csv"'}`,
  missingArgs: (names: readonly string[]) => `missing argument ${names.map((n) => `<${n}>`).join(' ')}; see --help`,
  invalidOption: (flag: string, options: readonly string[]) => `--${flag} must be one of: ${options.join(', ')}`,
  flagNeedsValue: (flag: string) => `${flag} needs a value`,
  flagOnce: (flag: string) => `${flag} can be given only once`,
  badInteger: (flag: string, value: string, range: IntegerRange) =>
    `--${flag} ${value}: expected a whole number${
      range.min === undefined
        ? range.max === undefined
          ? ''
          : ` ≤ ${range.max}`
        : range.max === undefined
          ? ` ≥ ${range.min}`
          : ` from ${range.min} to ${range.max}`
    }`,
  badUsage: (detail: string) => `invalid command line: ${detail}; see --help`,
  needOneSource: 'give exactly one of --answers or --file',
  fileOnlyFlags: (flags: readonly string[]) =>
    `${flags.join(', ')} ${flags.length === 1 ? 'applies' : 'apply'} only with --file`,
  badDelimiter: '--delimiter must be a single character or "tab"',
  unknownInstrument: (id: string, known: readonly string[]) =>
    `unknown instrument "${id}": expected one of ${known.join(', ')} (see: triage scales list)`,
  unknownBandSet: (set: string, instrument: string, known: readonly string[]) =>
    `${instrument} has no band set "${set}": expected one of ${known.join(', ') || 'none'}`,

  // data (exit 1)
  invalidAnswers: (detail: string) => `--answers: ${detail}`,
  fileNotFound: (file: string) => `${file}: file not found`,
  fileUnreadable: (file: string) => `${file}: cannot be read (is it a folder, or not permitted?)`,
  unterminatedQuote: (file: string, line: number) =>
    `${file}:${line}: a quoted field opened on this line is never closed; expected a closing "`,
  emptyFile: (file: string) => `${file}: the file is empty; expected a header row and one row per respondent`,
  noRows: (file: string) => `${file}: has a header row but no data rows`,
  duplicateItem: (file: string, item: string, columns: readonly { index: number; header: string }[]) =>
    `${file}:1: columns ${columns.map((c) => `${c.index + 1} (${c.header})`).join(' and ')} all hold item ${item}; expected one column per item`,
  headerLooksLikeData: (file: string) =>
    `${file}:1: several item columns have the same header, so the first row looks like answers; expected a header row (学号, 1, 2, … or Q1, Q2, …)`,
  missingItems: (file: string, abbreviation: string, items: readonly string[]) =>
    `${file}:1: no column for ${abbreviation} item${items.length === 1 ? '' : 's'} ${items.join(', ')}; expected headers such as ${items[0]}, Q${items[0]} or 第${items[0]}题`,
  internal: (detail: string) => `internal error: ${detail}. Please report it; rerun with DEBUG=* for details`,

  // notes on stderr
  readAs: (r: ReadAs) =>
    `${r.file}: read as ${encodingName(r.encoding)}${r.bom ? ' with BOM' : ''} (${r.detected ? 'detected' : '--encoding'}), delimiter ${delimiterName(r.delimiter)}`,
  columnsFound: (f: Found) =>
    `${f.file}: ${f.items} item columns; ${f.id ? `row id from column "${f.id}"` : 'no id column, rows named by line number'}; ${f.ignored} other column${f.ignored === 1 ? '' : 's'} ignored`,
  unknownItemColumn: (file: string, column: number, header: string, item: string, abbreviation: string) =>
    `${file}:1: column ${column} (${header}) looks like item ${item}, but ${abbreviation} has no item ${item}; ignored`,
  rowProblem: (a: At, problem: string) =>
    `${a.file}:${a.line}${a.column === undefined ? '' : `, column ${a.column} (${a.header ?? ''})`}: ${problem}`,
  fieldCount: (fields: number, expected: string) => `row has ${fields} fields, header has ${expected}`,
  moreRejected: (n: number) => `… and ${n} more problem${n === 1 ? '' : 's'}; use --json for the full list`,
  summary: (file: string, s: Summary) =>
    `${file}: ${s.rows} row${s.rows === 1 ? '' : 's'}: ${s.scored} scored, ${s.rejected} rejected` +
    (s.blankLines ? `, ${s.blankLines} blank line${s.blankLines === 1 ? '' : 's'} skipped` : '') +
    (s.flagged ? `; ${s.flagged} row${s.flagged === 1 ? '' : 's'} with a critical flag: follow up` : ''),

  // rendering
  table: {
    id: 'id',
    abbreviation: 'abbr.',
    name: 'name',
    ages: 'ages',
    items: 'items',
    scales: 'subscales / band sets',
    licence: 'licence',
    row: 'row',
    total: 'total',
    index: 'index',
    band: 'band',
    category: 'category',
    flags: 'flags',
    warnings: 'warnings',
  },
  ages: (min: number, max?: number) => (max === undefined ? `${min}+` : `${min}–${max}`),
  itemCount: (all: number, scored: number) => (all === scored ? `${all}` : `${all} (${scored} scored)`),
  line: (n: number) => `line ${n}`,
  licenceStatus: {
    free: 'free',
    'free-with-conditions': 'free with conditions',
    'permission-required': 'permission required',
    unclear: 'unclear',
  } satisfies Record<Licence['status'], string>,
  show: {
    version: 'version',
    ages: 'ages',
    recall: 'recall period',
    scoring: 'scoring',
    scoringMethods: { sum: 'sum of items', asq: 'ASQ algorithm', 'cssrs-screener': 'C-SSRS screener algorithm' },
    options: 'Response options',
    items: 'Items',
    notScored: 'not scored',
    optional: 'may be blank',
    reverse: 'reverse-keyed',
    reverseItems: 'Reverse-keyed items',
    subscales: 'Subscales',
    subscaleMethod: (method: 'sum' | 'mean', multiplier?: number) =>
      `${method === 'sum' ? 'sum' : 'mean'}${multiplier ? ` × ${multiplier}` : ''}`,
    index: 'Standard score (index)',
    indexRule: (multiplier: number) => `total × ${multiplier}`,
    bandSets: 'Band sets',
    isDefault: 'default',
    appliesTo: { total: 'reads the total', index: 'reads the index', mean: 'reads the total mean' },
    positive: 'positive screen',
    cutoffs: 'Cut-offs',
    forAges: (min: number, max: number) => `ages ${min}–${max}`,
    critical: 'Critical items',
    criticalRule: (item: string, min: number) => `item ${item} ≥ ${min}`,
    missing: 'Missing answers',
    missingRule: (rule: MissingRule, items: number) =>
      rule.kind === 'complete'
        ? 'every scored item must be answered, otherwise no total'
        : rule.kind === 'subscales'
          ? 'total = sum of its subscales, each under its own missing rule'
          : `up to ${rule.maxMissing} missing: total = mean of answered items × ${items}; more missing: no total`,
    licence: 'Licence',
    holder: 'holder',
    citation: 'Citation',
    source: 'source',
    none: 'none',
  },
  score: {
    total: 'total',
    index: 'index',
    band: 'band',
    category: 'category',
    cutoffs: 'cut-offs',
    cutoff: (min: number, ages: readonly [number, number] | undefined, state: string) =>
      `≥${min}${ages ? ` (ages ${ages[0]}–${ages[1]})` : ''}: ${state}`,
    flags: 'flags',
    warnings: 'warnings',
    subscales: 'subscales',
    positive: 'positive',
    negative: 'negative',
    unknown: 'unknown',
    noTotal: 'no total',
    prorated: (total: string) => `${total} (prorated)`,
    flag: (item: string | undefined, label: Localized, status: 'positive' | 'unknown') =>
      `${item === undefined ? label.en : `item ${item}`} ${status === 'positive' ? 'POSITIVE' : 'UNKNOWN (treat as risk)'}`,
  },
  rules: {
    defaultSet: 'default rule set',
    header: { id: 'id', level: 'level', when: 'when', actions: 'actions', source: 'source' },
    invalid: (n: number) => `${n} problem${n === 1 ? '' : 's'} in the file; nothing was checked further`,
    at: (file: string, line: number, column: number, path: string, message: string) =>
      `${file}:${line}:${column}${path ? ` (${path})` : ''}: ${message}`,
    checked: (errors: number, warnings: number, rules: number) =>
      `${rules} rules checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`,
    severity: { error: 'error', warning: 'warning' } as Record<string, string>,
    casePassed: (name: string) => `ok    ${name}`,
    caseFailed: (name: string) => `FAIL  ${name}`,
    tested: (passed: number, failed: number) => `${passed} passed, ${failed} failed`,
    coverage: (fired: number, total: number) => `rule coverage: ${fired}/${total} rules fired in some case`,
    unexercised: (ids: readonly string[]) => `rules no case exercises: ${ids.join(', ')}`,
    testsFailed: (n: number) => `${n} case${n === 1 ? '' : 's'} failed`,
    situationInvalid: (file: string, detail: string) => `${file}: ${detail}`,
    /** A YAML file's problem (see RuleFileProblem); `message` is the parser's or schema's own words, in English. */
    problem: (_problem: RuleFileProblem, message: string) => message,
  },
};

export type Messages = typeof en;

/** zod's type names, as a YAML file's reader would say them. */
const TYPES_ZH: Readonly<Record<string, string>> = {
  string: '文字',
  number: '数字',
  boolean: 'true 或 false',
  array: '列表（- 开头的各行，或 [a, b]）',
  object: '键值表（“名称: 值”的各行）',
  record: '键值表（“名称: 值”的各行）',
};

/** The YAML parser's error codes (eemeli/yaml `ErrorCode`) most met in hand-written files. */
const SYNTAX_ZH: Readonly<Record<string, string>> = {
  BAD_INDENT: '缩进不对：同一层的各行应对齐（只用空格）',
  TAB_AS_INDENT: '用制表符缩进了；YAML 只能用空格缩进',
  DUPLICATE_KEY: '同一个键写了两次；每个键只能出现一次',
  MISSING_CHAR: '缺少一个字符（例如没有配对的引号或括号）',
  UNEXPECTED_TOKEN: '此处有意外的字符（冒号后少了空格，或引号没有配对？）',
  BLOCK_AS_IMPLICIT_KEY: '键的写法不对（冒号后少了空格，或缩进不对？）',
  MULTILINE_IMPLICIT_KEY: '键不能跨行（冒号后少了空格，或引号没有配对？）',
  BAD_DQ_ESCAPE: '双引号中的反斜杠转义无效；请改用单引号，或写成 \\\\',
  BAD_SCALAR_START: '值不能以这个字符开头；请给它加上引号',
  MULTIPLE_DOCS: '文件中有多个 YAML 文档（--- 分隔）；只能有一个',
};

function problemZh(problem: RuleFileProblem, message: string): string {
  switch (problem.kind) {
    case 'syntax':
      return `YAML 语法错误：${SYNTAX_ZH[problem.code] ?? `${problem.code}（${message}）`}`;
    case 'unknown-key':
      return `不认识的键“${problem.key}”（拼写错误？）`;
    case 'type': {
      const expected = TYPES_ZH[problem.expected] ?? problem.expected;
      return problem.missing ? `缺少此项（应为${expected}）` : `此处应为${expected}`;
    }
    case 'value':
      return `此处应为 ${problem.values.join('、')} 之一`;
    case 'duplicate':
      return `${problem.code === 'RULES_DUPLICATE_ID' ? '规则 id' : '用例名称'}“${problem.value}”重复了；每个都须唯一`;
  }
}

const zh: Messages = {
  prefix: { error: '错误：', warning: '注意：', rejected: '拒收：' },
  none: '—',

  unknownFlags: (flags) => `没有这个选项：${flags.join('、')}；见 --help`,
  unexpectedArgs: (n, answers) =>
    `多出 ${n} 个参数；含空格的值请加引号，例如 ${answers ? '--answers "1, 2, 0"' : '"初一 1班.csv"'}`,
  missingArgs: (names) => `缺少参数 ${names.map((n) => `<${n}>`).join(' ')}；见 --help`,
  invalidOption: (flag, options) => `--${flag} 只能是：${options.join('、')}`,
  flagNeedsValue: (flag) => `${flag} 需要一个值`,
  flagOnce: (flag) => `${flag} 只能给一次`,
  badInteger: (flag, value, range) =>
    `--${flag} ${value}：应为${
      range.min === undefined
        ? range.max === undefined
          ? ''
          : `不大于 ${range.max} 的`
        : range.max === undefined
          ? `不小于 ${range.min} 的`
          : ` ${range.min} 到 ${range.max} 之间的`
    }整数`,
  badUsage: (detail) => `命令行有误：${detail}；见 --help`,
  needOneSource: '请给出 --answers 或 --file，且只给其中一个',
  fileOnlyFlags: (flags) => `${flags.join('、')} 只能与 --file 一起使用`,
  badDelimiter: '--delimiter 只能是单个字符或 "tab"',
  unknownInstrument: (id, known) => `没有量表“${id}”：可选 ${known.join('、')}（见 triage scales list）`,
  unknownBandSet: (set, instrument, known) => `${instrument} 没有常模“${set}”：可选 ${known.join('、') || '无'}`,

  invalidAnswers: (detail) => `--answers：${detail}`,
  fileNotFound: (file) => `${file}：找不到文件`,
  fileUnreadable: (file) => `${file}：无法读取（是文件夹，或没有权限？）`,
  unterminatedQuote: (file, line) => `${file} 第${line}行：这一行开始的带引号字段没有结束；缺少右引号 "`,
  emptyFile: (file) => `${file}：文件是空的；应有一行表头，每位作答者一行`,
  noRows: (file) => `${file}：只有表头，没有数据行`,
  duplicateItem: (file, item, columns) =>
    `${file} 第1行：${columns.map((c) => `第${c.index + 1}列（${c.header}）`).join('和')}都是第${item}题；每题只能有一列`,
  headerLooksLikeData: (file) =>
    `${file} 第1行：多个条目列的表头相同，第一行看起来是答案而不是表头；文件第一行应为表头（学号、1、2……或 Q1、Q2……）`,
  missingItems: (file, abbreviation, items) =>
    `${file} 第1行：找不到 ${abbreviation} 第${items.join('、')}题的列；表头应类似 ${items[0]}、Q${items[0]} 或 第${items[0]}题`,
  internal: (detail) => `内部错误：${detail}。请报告此问题；加 DEBUG=* 重新运行可看到详情`,

  readAs: (r) =>
    `${r.file}：按 ${encodingName(r.encoding)} 读取（${r.bom ? '带 BOM，' : ''}${r.detected ? '自动识别' : '--encoding 指定'}），分隔符 ${delimiterName(r.delimiter)}`,
  columnsFound: (f) =>
    `${f.file}：${f.items} 个条目列；${f.id ? `编号取自“${f.id}”列` : '没有编号列，按行号标识'}；其他 ${f.ignored} 列不读取`,
  unknownItemColumn: (file, column, header, item, abbreviation) =>
    `${file} 第1行：第${column}列（${header}）像是第${item}题，但 ${abbreviation} 没有第${item}题；已忽略`,
  rowProblem: (a, problem) =>
    `${a.file} 第${a.line}行${a.column === undefined ? '' : `，第${a.column}列（${a.header ?? ''}）`}：${problem}`,
  fieldCount: (fields, expected) => `该行有 ${fields} 个字段，表头有 ${expected} 个`,
  moreRejected: (n) => `……另有 ${n} 个问题；用 --json 查看完整列表`,
  summary: (file, s) =>
    `${file}：共 ${s.rows} 行，已计分 ${s.scored} 行，拒收 ${s.rejected} 行` +
    (s.blankLines ? `，跳过空行 ${s.blankLines} 行` : '') +
    (s.flagged ? `；${s.flagged} 行有危机条目标记，请跟进` : ''),

  table: {
    id: '编号',
    abbreviation: '简称',
    name: '名称',
    ages: '适用年龄',
    items: '题数',
    scales: '分量表 / 分级',
    licence: '授权',
    row: '行',
    total: '总分',
    index: '标准分',
    band: '分级',
    category: '类别',
    flags: '标记',
    warnings: '提示',
  },
  ages: (min, max) => (max === undefined ? `${min}岁以上` : `${min}–${max}岁`),
  itemCount: (all, scored) => (all === scored ? `${all}` : `${all}（计分 ${scored}）`),
  line: (n) => `第${n}行`,
  licenceStatus: {
    free: '免费使用',
    'free-with-conditions': '有条件免费',
    'permission-required': '需获授权',
    unclear: '授权不明',
  },
  show: {
    version: '版本',
    ages: '适用年龄',
    recall: '回顾时段',
    scoring: '计分方式',
    scoringMethods: { sum: '条目得分相加', asq: 'ASQ 判定规则', 'cssrs-screener': 'C-SSRS 筛查判定规则' },
    options: '选项',
    items: '条目',
    notScored: '不计分',
    optional: '可不答',
    reverse: '反向计分',
    reverseItems: '反向计分条目',
    subscales: '分量表',
    subscaleMethod: (method, multiplier) =>
      `${method === 'sum' ? '求和' : '求均值'}${multiplier ? ` × ${multiplier}` : ''}`,
    index: '标准分',
    indexRule: (multiplier) => `总分 × ${multiplier}`,
    bandSets: '分级（常模）',
    isDefault: '默认',
    appliesTo: { total: '按总分', index: '按标准分', mean: '按总均分' },
    positive: '筛查阳性',
    cutoffs: '筛查界值',
    forAges: (min, max) => `${min}–${max}岁`,
    critical: '危机条目',
    criticalRule: (item, min) => `第${item}题 ≥ ${min}`,
    missing: '缺答规则',
    missingRule: (rule, items) =>
      rule.kind === 'complete'
        ? '所有计分条目都须作答，否则不计总分'
        : rule.kind === 'subscales'
          ? '总分 = 各因子之和，各因子按自身缺答规则计分'
          : `最多缺 ${rule.maxMissing} 题：总分 = 已答题目均分 × ${items}；缺答更多则不计总分`,
    licence: '授权',
    holder: '权利人',
    citation: '文献',
    source: '来源',
    none: '无',
  },
  score: {
    total: '总分',
    index: '标准分',
    band: '分级',
    category: '类别',
    cutoffs: '筛查界值',
    cutoff: (min, ages, state) => `≥${min}${ages ? `（${ages[0]}–${ages[1]}岁）` : ''}：${state}`,
    flags: '标记',
    warnings: '提示',
    subscales: '分量表',
    positive: '阳性',
    negative: '阴性',
    unknown: '未知',
    noTotal: '不计总分',
    prorated: (total) => `${total}（按比例折算）`,
    flag: (item, label, status) =>
      `${item === undefined ? label.zh : `第${item}题`}${status === 'positive' ? '阳性' : '未知（按有风险处理）'}`,
  },
  rules: {
    defaultSet: '默认规则集',
    header: { id: '编号', level: '等级', when: '条件', actions: '措施', source: '来源' },
    invalid: (n) => `文件中有 ${n} 处问题；未作进一步检查`,
    at: (file, line, column, path, message) =>
      `${file} 第${line}行第${column}列${path ? `（${path}）` : ''}：${message}`,
    checked: (errors, warnings, rules) => `已检查 ${rules} 条规则：错误 ${errors} 处，警告 ${warnings} 处`,
    severity: { error: '错误', warning: '警告' },
    casePassed: (name) => `通过  ${name}`,
    caseFailed: (name) => `失败  ${name}`,
    tested: (passed, failed) => `通过 ${passed} 例，失败 ${failed} 例`,
    coverage: (fired, total) => `规则覆盖：${total} 条规则中有 ${fired} 条在用例中触发`,
    unexercised: (ids) => `没有用例触发的规则：${ids.join('、')}`,
    testsFailed: (n) => `${n} 个用例失败`,
    situationInvalid: (file, detail) => `${file}：${detail}`,
    problem: problemZh,
  },
};

/** The messages in one language. */
export function messages(lang: Lang): Messages {
  return lang === 'zh' ? zh : en;
}

/**
 * Help text. oclif reads it from the shipped manifest before any locale is known, so it is English; README.md
 * carries the Chinese.
 */
export const help = {
  lang: 'Language of messages and labels. Default: from LC_ALL, LC_MESSAGES or LANG (zh* → zh, else en).',
  list: 'List the instruments this version can score.',
  show: 'Show one instrument: items, options, bands and their source, cut-offs, critical items, missing rule, licence.',
  showId: 'Instrument id or abbreviation (phq-9, PHQ9 …); see `triage scales list`.',
  score: 'Score one respondent (--answers) or a CSV file with one row per respondent (--file).',
  scoreDescription:
    'Answers may be numbers in the instrument coding or option labels (zh or en). In a file, item columns are found by number (1, Q1, q1, 第1题, 1、…, PHQ9_1, SDS1, item1; letters for supplementary items), the row id by header (学号, 编号, id, student_id); other columns are never read.',
  answers: 'Answers in item order, comma-separated; leave an entry empty for an unanswered item.',
  file: 'CSV file, one row per respondent, with a header row.',
  encoding: 'Encoding of --file. Default: detected (byte-order mark, then UTF-8, then GB18030 or Big5).',
  delimiter:
    'Field delimiter of a CSV file: one character or "tab". Default: detected from the first lines (, tab ; |).',
  coding: 'Numeric coding of the answers: native (as published), zero-based or one-based (lowest option = 0 or 1).',
  bandSet: 'Band set (norms) to read the score against; default: the instrument default. See `triage scales show`.',
  indexRounding: 'Rounding of the standard score (index). Default: half-up.',
  prorationRounding: 'Rounding of a prorated total. Default: none.',
  rulesShow: 'Show a rule set as a table: each rule with its level, condition, actions and source.',
  rulesFile: 'Rule set file (YAML or JSON). Default: the shipped default rule set.',
  rulesCheck: 'Check a rule set file: schema, unknown facts, unreachable, shadowed and conflicting rules, gaps.',
  rulesCheckFile: 'Rule set file to check (YAML or JSON).',
  rulesTest: 'Run a rule-test file against a rule set and report failures and rule coverage.',
  rulesTestFile: 'Rule-test file (YAML): cases with facts or answers and the expected decision.',
  rulesExplain: 'Decide one situation (facts and/or answers in a JSON or YAML file) and explain the decision.',
  facts: 'File with {facts, answers, scoring, atLeast} for one person (JSON or YAML).',
  prorate: 'Prorate the total when the instrument allows a few missing items (--no-prorate requires every item).',
  import: 'Import a school screening (CSV or XLSX): score, triage, and write results, errors and a report.',
  importDescription:
    'Reads CSV in UTF-8, UTF-16, GB18030/GBK or Big5 (detected: byte-order mark, then UTF-8, then GB18030 or Big5; --encoding to say which) with any delimiter, or every sheet of an .xlsx. Columns are recognised by header in zh and en (学号/姓名/性别/年龄/年级/班级; items as PHQA1, GAD-7 1、…, or Q1/第1题 with --instrument); names are never read. Every row ends up in results.csv or errors.csv. Exit 0: all rows scored; 3: some rows rejected; 1: failed; 2: usage (a flag, the --out folder or --resume cannot be used as given; nothing written); 130: interrupted (resume with --resume).',
  importFile: 'The screening file: .csv (or .txt/.tsv) or .xlsx.',
  out: 'Folder for results.csv, results.json, errors.csv and report.html. Default: <file name>.triage next to the file.',
  instrument: 'Instruments in the file (comma-separated ids). Needed when item headers do not name them (Q1, 第1题).',
  map: 'Mapping file (YAML) for columns that are not recognised: header → studentId | sex | … | phq-a.1 | ignore.',
  sheet: 'Workbook sheets to import (repeatable). Default: all sheets.',
  pseudonymize: 'Replace student ids in the output files by keyed pseudonyms (HMAC; key kept in the config folder).',
  dryRun: 'Read, map, validate, score and triage, and print the summary, but write nothing.',
  resume: 'Continue an interrupted import into the same --out folder, without duplicating or losing rows.',
  noInput: 'Never prompt (also when stdin is not a terminal or CI is set): unresolved columns are an error.',
  minCell:
    'Group counts below this are hidden (shown as <N) in the summary and report, with the cells that would give them away.',
  importEncoding: 'Encoding of a CSV file. Default: detected (byte-order mark, then UTF-8, then GB18030 or Big5).',
  template: 'Write an empty screening template (CSV with BOM and XLSX) for one or more instruments.',
  templateInstruments: 'Instrument ids, e.g. phq-a gad-7.',
  templateOut: 'Folder to write the template into.',
  labels:
    'YAML file with item wording you hold a licence for (instrument id → item → text), shown in place of the short labels. Never bundled: read from your file at run time.',
};
