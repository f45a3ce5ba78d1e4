/**
 * Seeded synthetic school-screening exports (demographics + PHQ-A + GAD-7), for the import benchmark and the examples
 * in examples/screenings/. Every person and answer here is made up: names are placeholder names (张三, 李小四 …),
 * answers come from the latent model below. Same options and seed → byte-identical output.
 *
 *   node bench/screening-data.mjs --rows 100000 --lang zh --answers text --encoding gb18030 --out /tmp/x.csv
 *     [--seed 1] [--delimiter ,] [--line-ending crlf|lf] [--start-id 202501110001] [--class-size 40] [--stats]
 *
 * ## Answer model (synthetic; loosely matched to published prevalence in Chinese secondary-school surveys, NOT a norm)
 *
 * - Depression latent θ ~ N(0, 1) + 0.2 for girls − 0.2 for boys + 0.05 per grade above 初一 (girls and older
 *   students report more symptoms in most surveys; the sizes are made up).
 * - Anxiety latent φ = 0.8·θ + 0.6·N(0, 1); the PHQ-A and GAD-7 totals then correlate at r ≈ 0.68.
 * - Each 0–3 item is an ordinal probit: y = λ·latent + N(0, 1), answer = how many of the item's three thresholds
 *   y exceeds (PHQA_MODEL, GAD7_MODEL). Sleep and tiredness are endorsed most, item 9 least.
 * - Supplements: a (past-year depressed) P = σ(1.8·(θ − 1.4)); b (difficulty, not scored) ordinal on the PHQ-A
 *   total (0 when the total is 0); c (serious suicidal ideation, past month) P = 0.002 if item 9 = 0, else
 *   σ(−3.4 + 0.8·θ + 0.8·item9); d (ever attempted) P = σ(−5 + 0.6·θ + 1.3·item9 + 1.1·c), so d is mostly, not
 *   only, seen with item 9 or c.
 * - Targets (from the task brief): PHQ-A total ≥ 10 in 15–25 %, item 9 ≥ 1 ≈ 10 %, c = yes 2–4 %, d = yes ≈ 3 %,
 *   GAD-7 ≥ 10 somewhat below PHQ-A ≥ 10. Seed 1, 100,000 rows gives 19.3 %, 9.8 %, 3.2 %, 2.8 % and GAD-7 ≥ 10
 *   12.2 %; 59 % score under 5. `--stats` prints the figures for any seed and size.
 * - Age is 12 + grade index (初一 = 0), one year older for 20 % and younger for 10 %, kept within 12–17.
 *
 * ## Layout
 *
 * Student ids are 12 digits: prefix(4) school(2) class(2) seq(4); class = grade digit (1 = 初一 … 6 = 高三) and class
 * number (1–9), seq = position in the class. The first id is `startId` (default 202501110001); the rest count on from
 * it: a class has `classSize` students (default 38–48), a grade 4–8 classes, a school six grades; after school 99 the
 * prefix counts up, so ids stay unique and 12 digits for any row count. Student names, sex and age are drawn per
 * student; names are placeholders in both languages (zh 张小三, en Zhang Xiaosan: the same student).
 */
import { open } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import iconv from 'iconv-lite';
import { rng } from './lib.mjs';

// ---- labels: copies of packages/scales/src/instruments/{shared/options,phq-a/definition,gad-7/definition}.ts ----

const FREQUENCY = {
  zh: ['完全不会', '好几天', '一半以上的天数', '几乎每天'],
  en: ['Not at all', 'Several days', 'More than half the days', 'Nearly every day'],
};
const YES_NO = { zh: ['否', '是'], en: ['No', 'Yes'] };
const DIFFICULTY = {
  zh: ['毫无困难', '有些困难', '非常困难', '极度困难'],
  en: ['Not difficult at all', 'Somewhat difficult', 'Very difficult', 'Extremely difficult'],
};
const PHQA_ITEMS = [
  '情绪低落、烦躁或绝望',
  '兴趣减退',
  '睡眠问题',
  '食欲不振、体重下降或暴食',
  '疲乏无力',
  '自我评价低',
  '注意力难以集中 (如学习)',
  '动作迟缓或烦躁不安',
  '死亡或自伤念头',
];
const PHQA_SUPPLEMENTS = [
  ['a', '过去一年多数日子感到抑郁或悲伤 (不计分)'],
  ['b', '上述问题造成的困难 (不计分)'],
  ['c', '过去一个月认真想过结束生命 (不计分)'],
  ['d', '曾经尝试自杀 (不计分)'],
];
const GAD7_ITEMS = [
  '紧张、焦虑或烦躁',
  '无法停止或控制担忧',
  '对各种事情过度担忧',
  '很难放松',
  '坐立不安',
  '容易烦恼或易怒',
  '害怕会有可怕的事发生',
];

/** Column order, shared by both languages: 6 demographics, PHQ-A 1–9, a–d, GAD-7 1–7. */
export const COLUMN_COUNT = 6 + 9 + 4 + 7;

/** The header row as questionnaire platforms export it (zh: question text; en: short codes). */
export function screeningHeader(lang) {
  if (lang === 'en') {
    return [
      'student_id',
      'name',
      'sex',
      'age',
      'grade',
      'class',
      ...PHQA_ITEMS.map((_, i) => `PHQA${i + 1}`),
      ...PHQA_SUPPLEMENTS.map(([id]) => `PHQA_${id}`),
      ...GAD7_ITEMS.map((_, i) => `GAD7_${i + 1}`),
    ];
  }
  return [
    '学号',
    '姓名',
    '性别',
    '年龄',
    '年级',
    '班级',
    ...PHQA_ITEMS.map((label, i) => `PHQ-A ${i + 1}、${label}`),
    ...PHQA_SUPPLEMENTS.map(([id, label]) => `PHQ-A ${id}、${label}`),
    ...GAD7_ITEMS.map((label, i) => `GAD-7 ${i + 1}、${label}`),
  ];
}

// ---- the answer model (see the file comment) ----

/** Per PHQ-A item: loading λ and the three thresholds for answers ≥ 1, ≥ 2, = 3. */
const PHQA_MODEL = [
  [1.3, [0.6, 1.7, 2.4]], // 1 down, irritable
  [1.2, [0.7, 1.9, 2.6]], // 2 interest
  [1.2, [0.2, 1.4, 2.2]], // 3 sleep
  [1.0, [0.7, 1.9, 2.6]], // 4 appetite
  [1.2, [0.2, 1.4, 2.2]], // 5 tired
  [1.3, [0.7, 1.8, 2.5]], // 6 feeling bad about yourself
  [1.2, [0.4, 1.6, 2.4]], // 7 concentrating
  [1.0, [1.1, 2.2, 2.9]], // 8 slow or restless
  [1.3, [2.3, 3.2, 3.8]], // 9 thoughts of death or self-harm
];
const GAD7_MODEL = [
  [1.3, [0.4, 1.7, 2.5]],
  [1.3, [0.8, 2.0, 2.7]],
  [1.3, [0.6, 1.8, 2.6]],
  [1.2, [0.7, 1.9, 2.6]],
  [1.0, [1.0, 2.2, 2.9]],
  [1.2, [0.5, 1.7, 2.5]],
  [1.2, [0.9, 2.1, 2.8]],
];
const SEX_EFFECT = 0.2;
const GRADE_EFFECT = 0.05;
const ANXIETY_CORRELATION = 0.8;

const sigmoid = (x) => 1 / (1 + Math.exp(-x));

/** Φ⁻¹(p), Acklam's rational approximation (relative error < 1.2e-9); only used to fill NORMAL_TABLE. */
function inverseNormal(p) {
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239,
  ];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290705748, 2.445134137142996, 3.754408661907416];
  const tail = (q) =>
    (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
    ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  if (p < 0.02425) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - 0.02425) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  );
}

/**
 * Normal draws by table: 65,536 quantiles, so one draw is one uniform and a lookup (Box–Muller made generation 3×
 * slower). The tails stop at ±4.2σ, which changes nothing a 0–3 item can show.
 */
const NORMAL_TABLE = Float64Array.from({ length: 1 << 16 }, (_, i) => inverseNormal((i + 0.5) / (1 << 16)));
const normals = (random) => () => NORMAL_TABLE[(random() * 65536) | 0];

function ordinal(latent, [loading, thresholds], normal) {
  const y = loading * latent + normal();
  return (y > thresholds[0]) + (y > thresholds[1]) + (y > thresholds[2]);
}

/** One student's 20 answers as numbers: PHQ-A 1–9, a, b, c, d, GAD-7 1–7. */
function answerSet(random, normal, shift, out) {
  const theta = normal() + shift;
  const phi = ANXIETY_CORRELATION * theta + Math.sqrt(1 - ANXIETY_CORRELATION ** 2) * normal();
  let total = 0;
  for (let i = 0; i < 9; i++) {
    out[i] = ordinal(theta, PHQA_MODEL[i], normal);
    total += out[i];
  }
  const item9 = out[8];
  out[9] = random() < sigmoid(1.8 * (theta - 1.4)) ? 1 : 0;
  const difficulty = total / 7 + 0.5 * normal();
  out[10] = total === 0 ? 0 : (difficulty > 0.6) + (difficulty > 1.9) + (difficulty > 3.0);
  const c = random() < (item9 === 0 ? 0.002 : sigmoid(-3.4 + 0.8 * theta + 0.8 * item9)) ? 1 : 0;
  out[11] = c;
  out[12] = random() < sigmoid(-5.0 + 0.6 * theta + 1.3 * item9 + 1.1 * c) ? 1 : 0;
  for (let i = 0; i < 7; i++) out[13 + i] = ordinal(phi, GAD7_MODEL[i], normal);
  return out;
}

// ---- names: placeholder names (张三/李四 style), so nobody can mistake them for real students ----

/**
 * Surnames with pinyin. The last, 𠮷 (U+20BB7: outside the BMP, a surrogate pair in JS, 4 bytes in GB18030), is
 * drawn for 0.2 % of students on purpose: it exercises decoders.
 */
const SURNAMES = [
  ['王', 'Wang'],
  ['李', 'Li'],
  ['张', 'Zhang'],
  ['刘', 'Liu'],
  ['陈', 'Chen'],
  ['杨', 'Yang'],
  ['黄', 'Huang'],
  ['赵', 'Zhao'],
  ['吴', 'Wu'],
  ['周', 'Zhou'],
  ['徐', 'Xu'],
  ['孙', 'Sun'],
  ['马', 'Ma'],
  ['朱', 'Zhu'],
  ['胡', 'Hu'],
  ['郭', 'Guo'],
  ['何', 'He'],
  ['林', 'Lin'],
  ['欧阳', 'Ouyang'],
  ['司马', 'Sima'],
  ['𠮷', 'Ji'],
];
const MIDDLES = [
  ['', ''],
  ['', ''],
  ['小', 'xiao'],
  ['大', 'da'],
  ['老', 'lao'],
];
const NUMERALS = [
  ['一', 'yi'],
  ['二', 'er'],
  ['三', 'san'],
  ['四', 'si'],
  ['五', 'wu'],
  ['六', 'liu'],
  ['七', 'qi'],
  ['八', 'ba'],
  ['九', 'jiu'],
  ['十', 'shi'],
];

/** A name as one number (surname·100 + middle·10 + numeral), so writers render and encode each name once. */
function nameKey(random) {
  const surname = random() < 0.002 ? SURNAMES.length - 1 : Math.floor(random() * (SURNAMES.length - 1));
  return surname * 100 + Math.floor(random() * MIDDLES.length) * 10 + Math.floor(random() * NUMERALS.length);
}

function nameText(key, lang) {
  const surname = SURNAMES[Math.floor(key / 100)];
  const middle = MIDDLES[Math.floor(key / 10) % 10];
  const numeral = NUMERALS[key % 10];
  if (lang === 'zh') return surname[0] + middle[0] + numeral[0];
  // Pinyin marks a syllable that starts with a vowel after another syllable: Xiao'er. Apostrophes in names are a
  // useful test on their own.
  const given = middle[1] && numeral[1] === 'er' ? `${middle[1]}'er` : middle[1] + numeral[1];
  return `${surname[1]} ${given[0].toUpperCase()}${given.slice(1)}`;
}

// ---- demographics ----

const GRADES = { zh: ['初一', '初二', '初三', '高一', '高二', '高三'], en: ['7', '8', '9', '10', '11', '12'] };
const SEXES = { zh: ['男', '女'], en: ['M', 'F'] };
const CLASS_SIZE = [38, 48];
const CLASSES_PER_GRADE = [4, 8];
const DEFAULT_START_ID = '202501110001';

function between(random, [lo, hi]) {
  return lo + Math.floor(random() * (hi - lo + 1));
}

function parseStartId(startId) {
  if (!/^\d{4}\d{2}[1-6][1-9]\d{4}$/.test(startId)) {
    throw new Error(`startId must be 12 digits: prefix(4) school(2) grade(1–6) class(1–9) seq(4), got ${startId}`);
  }
  return {
    prefix: Number(startId.slice(0, 4)),
    school: Number(startId.slice(4, 6)),
    grade: Number(startId[6]) - 1,
    classNo: Number(startId[7]),
    seq: Number(startId.slice(8)),
  };
}

/**
 * The students, one at a time, as a reused record (copy what you keep): demographics as indexes and the 20 answers
 * as numbers (PHQ-A 1–9, a, b, c, d, GAD-7 1–7). No draw depends on the language or answer format, so every
 * rendering of the same seed describes the same students. `classIndex` changes whenever the class does.
 */
function* students({ rows, seed, lang, startId = DEFAULT_START_ID, classSize: sizes = CLASS_SIZE }) {
  const sizeRange = typeof sizes === 'number' ? [sizes, sizes] : sizes;
  const random = rng(seed);
  const normal = normals(random);
  const grades = GRADES[lang];
  const record = {
    classIndex: 0,
    classPart: '',
    className: '',
    seq: 0,
    name: 0,
    female: 0,
    age: 0,
    grade: 0,
    answers: new Uint8Array(20),
  };
  let { prefix, school, grade, classNo, seq } = parseStartId(startId);
  let classSize = Math.max(seq, between(random, sizeRange));
  let classesInGrade = Math.max(classNo, between(random, CLASSES_PER_GRADE));
  const startClass = () => {
    record.classIndex++;
    record.classPart = `${String(prefix).padStart(4, '0')}${String(school).padStart(2, '0')}${grade + 1}${classNo}`;
    record.className = lang === 'zh' ? `${grades[grade]}(${classNo})班` : `${grades[grade]}-${classNo}`;
  };
  startClass();

  for (let row = 0; row < rows; row++) {
    if (seq > classSize) {
      seq = 1;
      classSize = between(random, sizeRange);
      if (++classNo > classesInGrade) {
        classNo = 1;
        classesInGrade = between(random, CLASSES_PER_GRADE);
        if (++grade > 5) {
          grade = 0;
          if (++school > 99) {
            school = 1;
            prefix++;
          }
        }
      }
      startClass();
    }
    record.seq = seq;
    record.female = random() < 0.5 ? 1 : 0;
    const ageDraw = random();
    record.age = 12 + grade + (ageDraw < 0.2 && grade < 5 ? 1 : 0) - (ageDraw > 0.9 && grade > 0 ? 1 : 0);
    record.grade = grade;
    record.name = nameKey(random);
    answerSet(random, normal, (record.female ? SEX_EFFECT : -SEX_EFFECT) + GRADE_EFFECT * grade, record.answers);
    yield record;
    seq++;
  }
}

/** For each of the 20 answer columns, the cell text of each value. */
function answerCells(lang, answers) {
  const text = answers === 'text';
  const frequency = text ? FREQUENCY[lang] : ['0', '1', '2', '3'];
  const yesNo = text ? YES_NO[lang] : ['0', '1'];
  const difficulty = text ? DIFFICULTY[lang] : ['0', '1', '2', '3'];
  return [...Array(9).fill(frequency), yesNo, difficulty, yesNo, yesNo, ...Array(7).fill(frequency)];
}

/** Throws on a bad option before anything is written. */
function checkOptions({ lang, answers, startId = DEFAULT_START_ID }) {
  if (lang !== 'en' && lang !== 'zh') throw new Error(`lang must be en or zh, got ${lang}`);
  if (answers !== 'numbers' && answers !== 'text') throw new Error(`answers must be numbers or text, got ${answers}`);
  parseStartId(startId);
}

/**
 * The rows of a synthetic screening export: first the header, then one array of strings per student. The same seed
 * gives the same students (ids, demographics, answers) in every `lang` and `answers` rendering.
 * `classSize` (default 38–48) is a number or a [min, max] range; the first class is at least big enough for `startId`.
 * @param {{ rows: number, seed: number, lang: 'en' | 'zh', answers: 'numbers' | 'text', startId?: string,
 *   classSize?: number | [number, number] }} options
 */
export function* screeningRows(options) {
  checkOptions(options);
  const { lang } = options;
  yield screeningHeader(lang);
  const cells = answerCells(lang, options.answers);
  const grades = GRADES[lang];
  const sexes = SEXES[lang];
  const names = [];
  for (const s of students(options)) {
    names[s.name] ??= nameText(s.name, lang);
    const id = s.classPart + String(s.seq).padStart(4, '0');
    const fields = [id, names[s.name], sexes[s.female], String(s.age), grades[s.grade], s.className];
    for (let i = 0; i < 20; i++) fields.push(cells[i][s.answers[i]]);
    yield fields;
  }
}

/** One CSV field: quoted (RFC 4180) only when it holds the delimiter, a quote or a line break. */
export function csvField(value, delimiter = ',') {
  if (!value.includes(delimiter) && !/["\r\n]/.test(value)) return value;
  return `"${value.replaceAll('"', '""')}"`;
}

const ENCODINGS = {
  'utf-8': (text) => Buffer.from(text, 'utf8'),
  'utf-8-bom': (text) => Buffer.from(text, 'utf8'),
  gb18030: (text) => iconv.encode(text, 'gb18030'),
};

/** Bytes per write: big enough that syscalls vanish, small enough to keep memory flat. */
const CHUNK_BYTES = 1 << 20;

/**
 * Writes a synthetic screening export to `path` (the rows of `screeningRows`), in ~1 MB chunks, so memory does not
 * grow with `rows`. Every distinct cell is encoded once and lines are assembled as bytes: building them as strings
 * left most of the time to the garbage collector. Data fields never need quoting; header fields are quoted if needed.
 * @param {string} path
 * @param {{ rows: number, seed: number, lang: 'en' | 'zh', answers: 'numbers' | 'text',
 *   encoding: 'utf-8' | 'utf-8-bom' | 'gb18030', delimiter?: string, lineEnding?: '\r\n' | '\n', startId?: string,
 *   classSize?: number | [number, number] }} options
 * @returns {Promise<{ rows: number, bytes: number }>}
 */
export async function writeScreeningCsv(path, { encoding, delimiter = ',', lineEnding = '\r\n', ...options }) {
  checkOptions(options);
  const encode = ENCODINGS[encoding];
  if (!encode) throw new Error(`encoding must be utf-8, utf-8-bom or gb18030, got ${encoding}`);
  const { lang } = options;
  // Each cell carries the delimiter before it; the line ending goes after the last.
  const withDelimiter = (value) => encode(delimiter + value);
  const cells = answerCells(lang, options.answers).map((values) => values.map(withDelimiter));
  const sexes = SEXES[lang].map(withDelimiter);
  const ages = Array.from({ length: 19 }, (_, age) => withDelimiter(age));
  const grades = GRADES[lang].map(withDelimiter);
  const newline = encode(lineEnding);
  const names = [];
  const seqs = Array.from({ length: 10000 }, (_, seq) => encode(String(seq).padStart(4, '0')));
  let classPart = encode('');
  let classCell = classPart;
  let classIndex = -1;

  const buffer = Buffer.allocUnsafe(CHUNK_BYTES + 4096);
  let o = 0;
  const put = (bytes) => {
    for (let k = 0; k < bytes.length; k++) buffer[o++] = bytes[k];
  };
  const handle = await open(path, 'w');
  let bytes = 0;
  let rows = 0;
  const flush = async () => {
    await handle.write(buffer, 0, o);
    bytes += o;
    o = 0;
  };
  try {
    const header = screeningHeader(lang).map((field) => csvField(field, delimiter));
    const head = encode(`${encoding === 'utf-8-bom' ? '\uFEFF' : ''}${header.join(delimiter)}${lineEnding}`);
    await handle.write(head);
    bytes += head.length;
    for (const s of students(options)) {
      if (s.classIndex !== classIndex) {
        classIndex = s.classIndex;
        classPart = encode(s.classPart);
        classCell = withDelimiter(s.className);
      }
      names[s.name] ??= withDelimiter(nameText(s.name, lang));
      put(classPart);
      put(seqs[s.seq]);
      put(names[s.name]);
      put(sexes[s.female]);
      put(ages[s.age]);
      put(grades[s.grade]);
      put(classCell);
      const answers = s.answers;
      for (let i = 0; i < 20; i++) put(cells[i][answers[i]]);
      put(newline);
      rows++;
      if (o >= CHUNK_BYTES) await flush();
    }
    if (o > 0) await flush();
  } finally {
    await handle.close();
  }
  return { rows, bytes };
}

// ---- prevalence summary (used by --stats here and in scripts/generate-screening-examples.mjs) ----

/**
 * Counts per PHQ-A band, item 9 ≥ 1, supplements a, c, d, GAD-7 ≥ 10 over rows from
 * `screeningRows({ answers: 'numbers' })` (header skipped).
 */
export function screeningStats(rowsIterable) {
  const stats = {
    rows: 0,
    phqaBands: { minimal: 0, mild: 0, moderate: 0, moderatelySevere: 0, severe: 0 },
    phqaAtLeast10: 0,
    item9AtLeast1: 0,
    supplementA: 0,
    supplementC: 0,
    supplementD: 0,
    anyCritical: 0,
    gad7AtLeast10: 0,
  };
  let first = true;
  for (const fields of rowsIterable) {
    if (first) {
      first = false;
      continue;
    }
    stats.rows++;
    let phqa = 0;
    for (let i = 6; i < 15; i++) phqa += Number(fields[i]);
    let gad = 0;
    for (let i = 19; i < 26; i++) gad += Number(fields[i]);
    const band =
      phqa >= 20
        ? 'severe'
        : phqa >= 15
          ? 'moderatelySevere'
          : phqa >= 10
            ? 'moderate'
            : phqa >= 5
              ? 'mild'
              : 'minimal';
    stats.phqaBands[band]++;
    if (phqa >= 10) stats.phqaAtLeast10++;
    const item9 = fields[14] !== '0';
    if (item9) stats.item9AtLeast1++;
    if (fields[15] === '1') stats.supplementA++;
    if (fields[17] === '1') stats.supplementC++;
    if (fields[18] === '1') stats.supplementD++;
    if (item9 || fields[17] === '1' || fields[18] === '1') stats.anyCritical++;
    if (gad >= 10) stats.gad7AtLeast10++;
  }
  return stats;
}

/** The summary as printable lines: count and percentage per measure. */
export function formatStats(stats) {
  const pct = (count) => `${String(count).padStart(7)}  ${((100 * count) / stats.rows).toFixed(1).padStart(5)} %`;
  return [
    `rows                          ${String(stats.rows).padStart(7)}`,
    ...Object.entries(stats.phqaBands).map(([band, count]) => `PHQ-A ${band.padEnd(24)}${pct(count)}`),
    `PHQ-A total ≥ 10              ${pct(stats.phqaAtLeast10)}`,
    `PHQ-A item 9 ≥ 1              ${pct(stats.item9AtLeast1)}`,
    `PHQ-A a = yes                 ${pct(stats.supplementA)}`,
    `PHQ-A c = yes                 ${pct(stats.supplementC)}`,
    `PHQ-A d = yes                 ${pct(stats.supplementD)}`,
    `item 9 ≥ 1 or c or d          ${pct(stats.anyCritical)}`,
    `GAD-7 total ≥ 10              ${pct(stats.gad7AtLeast10)}`,
  ];
}

// ---- CLI ----

async function main() {
  const { values: opts } = parseArgs({
    options: {
      rows: { type: 'string', default: '100000' },
      seed: { type: 'string', default: '1' },
      lang: { type: 'string', default: 'zh' },
      answers: { type: 'string', default: 'text' },
      encoding: { type: 'string', default: 'utf-8' },
      delimiter: { type: 'string', default: ',' },
      'line-ending': { type: 'string', default: 'crlf' },
      'start-id': { type: 'string' },
      'class-size': { type: 'string' },
      out: { type: 'string' },
      stats: { type: 'boolean', default: false },
    },
  });
  const options = {
    rows: Number(opts.rows),
    seed: Number(opts.seed),
    lang: opts.lang,
    answers: opts.answers,
    ...(opts['start-id'] ? { startId: opts['start-id'] } : {}),
    ...(opts['class-size'] ? { classSize: Number(opts['class-size']) } : {}),
  };
  if (!Number.isInteger(options.rows) || options.rows < 0 || !Number.isInteger(options.seed)) {
    throw new Error('--rows and --seed must be whole numbers');
  }
  if (opts.out) {
    const started = performance.now();
    const { rows, bytes } = await writeScreeningCsv(opts.out, {
      ...options,
      encoding: opts.encoding,
      delimiter: opts.delimiter,
      lineEnding: opts['line-ending'] === 'lf' ? '\n' : '\r\n',
    });
    const seconds = (performance.now() - started) / 1000;
    console.error(`${opts.out}: ${rows} rows, ${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(2)} s`);
  }
  if (opts.stats) {
    console.log(formatStats(screeningStats(screeningRows({ ...options, answers: 'numbers' }))).join('\n'));
  }
  if (!opts.out && !opts.stats) {
    console.error('nothing to do: give --out <file> and/or --stats');
    process.exitCode = 2;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    console.error(error.message);
    process.exitCode = 2;
  });
}
