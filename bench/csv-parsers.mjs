/**
 * CSV parse throughput, rows per second: the BUILT streaming reader of the CLI (`openCsv`, packages/cli/dist/csv)
 * beside csv-parse (streaming, `info: true` for line numbers) and papaparse (streaming; no line numbers), all reading
 * the same seeded screening-like file in the same run; and openCsv on the same content in UTF-8 and in GB18030.
 * Before timing, every record of every parser is compared.
 *
 *   node bench/csv-parsers.mjs [--rows 100000] [--rounds 7] [--seed 1] [--chunk 1048576]
 *
 * Exit codes: 0 done (a speed goal missed is still 0), 1 the parsers disagree on a record, 2 cannot run.
 */
import { createReadStream, existsSync } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { fixed, int, machine, median, rng, root, verdict } from './lib.mjs';

/** GB18030 through openCsv at most this much slower than UTF-8. */
const GOAL_GB18030_SLOWDOWN = 0.1;
const MIN_ROUND_MS = 150;

const { values: opts } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    rounds: { type: 'string', default: '7' },
    seed: { type: 'string', default: '1' },
    chunk: { type: 'string', default: String(1 << 20) },
  },
});
const ROWS = Number(opts.rows);
const ROUNDS = Number(opts.rounds);
const SEED = Number(opts.seed);
const CHUNK = Number(opts.chunk);

const dist = join(root, 'packages/cli/dist/csv/open-csv.mjs');
if (!existsSync(dist)) {
  console.error('packages/cli/dist/csv/open-csv.mjs not found: build first (npx --yes pnpm@10 -r run build)');
  process.exit(2);
}
const { openCsv } = await import(pathToFileURL(dist).href);

// ---- a school screening export, as Excel on Chinese Windows writes it: CRLF, some quoted fields ----

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗欧阳'];
const GIVEN = [...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英子涵梓轩一诺欣怡浩然'];
const GRADES = ['初一', '初二', '初三', '高一', '高二', '高三'];
const ITEMS = 20;

function makeCsv(rows, random) {
  const pick = (xs) => xs[Math.floor(random() * xs.length)];
  const lines = [
    ['学号', '姓名', '性别', '年龄', '年级', '班级', ...Array.from({ length: ITEMS }, (_, k) => `第${k + 1}题`)],
  ];
  for (let i = 0; i < rows; i++) {
    let name = pick(SURNAMES) + pick(GIVEN) + (random() < 0.6 ? pick(GIVEN) : '');
    if (random() < 0.1) name = `"${name}"`; // some exports quote text fields
    const grade = Math.floor(random() * GRADES.length);
    const klass = random() < 0.05 ? `"${1 + Math.floor(random() * 12)}班, 走读"` : `${1 + Math.floor(random() * 12)}班`;
    const items = Array.from({ length: ITEMS }, () => (random() < 0.01 ? '' : String(Math.floor(random() * 4))));
    lines.push([
      `2024${String(i).padStart(6, '0')}`,
      name,
      random() < 0.5 ? '男' : '女',
      String(12 + grade + Math.floor(random() * 2)),
      GRADES[grade],
      klass,
      ...items,
    ]);
  }
  return `${lines.map((l) => l.join(',')).join('\r\n')}\r\n`;
}

// ---- one pass of each parser over a file: rows read; every field count and line goes into the sink ----

let sink = 0;

async function oursPass(path, keep) {
  const { batches } = await openCsv(path, { chunkSize: CHUNK });
  let rows = 0;
  for await (const batch of batches) {
    for (const record of batch) {
      rows++;
      sink += record.fields.length + record.line;
      keep?.(record.fields, record.line);
    }
  }
  return rows;
}

function csvParsePass(path, keep) {
  return new Promise((resolve, reject) => {
    let rows = 0;
    const parser = parse({ info: true });
    parser.on('readable', () => {
      for (let r = parser.read(); r !== null; r = parser.read()) {
        rows++;
        sink += r.record.length + r.info.lines;
        keep?.(r.record, r.info.lines);
      }
    });
    parser.on('error', reject);
    parser.on('end', () => resolve(rows));
    createReadStream(path, { highWaterMark: CHUNK }).on('error', reject).pipe(parser);
  });
}

function papaPass(path, keep) {
  return new Promise((resolve, reject) => {
    let rows = 0;
    // A string stream: papaparse would otherwise turn each Buffer chunk into text on its own, cutting characters.
    Papa.parse(createReadStream(path, { encoding: 'utf8', highWaterMark: CHUNK }), {
      delimiter: ',',
      chunk: (results) => {
        for (const row of results.data) {
          rows++;
          sink += row.length;
          keep?.(row, null);
        }
      },
      complete: () => resolve(rows),
      error: reject,
    });
  });
}

// ---- run ----

const dir = await mkdtemp(join(tmpdir(), 'csv-parsers-'));
try {
  const text = makeCsv(ROWS, rng(SEED));
  const utf8Path = join(dir, 'screening-utf8.csv');
  const gbPath = join(dir, 'screening-gb18030.csv');
  await writeFile(utf8Path, text, 'utf8');
  await writeFile(gbPath, iconv.encode(text, 'gb18030'));
  const mb = async (path) => fixed((await stat(path)).size / 1e6, 1);

  const passes = {
    'csv-parse (stream, info)': () => csvParsePass(utf8Path),
    'papaparse (stream, chunk)': () => papaPass(utf8Path),
    'openCsv UTF-8': () => oursPass(utf8Path),
    'openCsv GB18030': () => oursPass(gbPath),
  };
  const lineNumbers = {
    'csv-parse (stream, info)': 'yes (info.lines: where the record ends)',
    'papaparse (stream, chunk)': 'no',
    'openCsv UTF-8': 'yes (where the record starts)',
    'openCsv GB18030': 'yes (where the record starts)',
  };

  console.log(`csv-parsers · ${machine()}`);
  const sizes = `${await mb(utf8Path)} MB UTF-8 / ${await mb(gbPath)} MB GB18030`;
  console.log(`${int(ROWS)} rows × ${6 + ITEMS} columns + header · ${sizes} · seed ${SEED} · chunk ${int(CHUNK)} B`);
  console.log(`${ROUNDS} rounds of ≥${MIN_ROUND_MS} ms after warm-up, the parsers interleaved`);

  // Every record of every parser, as one string each; papaparse reads the final CRLF as one more, empty, row.
  const collect = async (pass, path) => {
    const records = [];
    await pass(path, (fields, line) => records.push(`${line ?? '-'}|${fields.join('\u0001')}`));
    return records;
  };
  const expected = await collect(csvParsePass, utf8Path);
  const unnumbered = expected.map((r) => `-${r.slice(r.indexOf('|'))}`);
  const papa = await collect(papaPass, utf8Path);
  if (papa.at(-1) === '-|') papa.pop();
  const got = {
    'openCsv UTF-8': [await collect(oursPass, utf8Path), expected],
    'openCsv GB18030': [await collect(oursPass, gbPath), expected],
    'papaparse (stream, chunk)': [papa, unnumbered],
  };
  let mismatches = expected.length === ROWS + 1 ? 0 : 1;
  for (const [name, [records, want]] of Object.entries(got)) {
    const bad = want
      .flatMap((w, i) => (records[i] === w ? [] : [i]))
      .concat(records.length === want.length ? [] : [-1]);
    for (const i of bad.slice(0, 3)) console.log(`  ${name} record ${i}: ${records[i]} vs csv-parse ${want[i]}`);
    mismatches += bad.length;
  }
  console.log(`mismatches (every record: fields, and lines vs csv-parse): ${mismatches}`);
  if (mismatches > 0) {
    console.log('FAIL: the parsers disagree; speed figures are not printed');
    process.exitCode = 1;
  } else {
    /** Rows per second of one round: whole passes until MIN_ROUND_MS has passed. */
    const round = async (pass) => {
      let rows = 0;
      const start = performance.now();
      let elapsed = 0;
      do {
        rows += await pass();
        elapsed = performance.now() - start;
      } while (elapsed < MIN_ROUND_MS);
      return rows / (elapsed / 1000);
    };
    for (const pass of Object.values(passes)) await round(pass);
    const results = Object.fromEntries(Object.keys(passes).map((k) => [k, []]));
    for (let i = 0; i < ROUNDS; i++) for (const [k, pass] of Object.entries(passes)) results[k].push(await round(pass));

    console.log('');
    const base = median(results['csv-parse (stream, info)']);
    console.log(`${'parser'.padEnd(27)} ${'rows/s'.padStart(11)}  ${'range'.padEnd(21)}  vs csv-parse  line numbers`);
    for (const [name, xs] of Object.entries(results)) {
      const rate = int(median(xs)).padStart(11);
      const range = `${int(Math.min(...xs))}–${int(Math.max(...xs))}`.padEnd(21);
      const ratio = `${fixed(median(xs) / base, 2)}×`.padStart(12);
      console.log(`${name.padEnd(27)} ${rate}  ${range}  ${ratio}  ${lineNumbers[name]}`);
    }
    const utf8 = median(results['openCsv UTF-8']);
    // Per round, GB18030 against the UTF-8 pass just before it: drift on a shared machine hits both alike.
    const gbRatio = median(results['openCsv GB18030'].map((gb, i) => gb / results['openCsv UTF-8'][i]));
    console.log('');
    console.log(`goal openCsv at least as fast as csv-parse: ${verdict(utf8 >= base)} (${fixed(utf8 / base, 2)}×)`);
    const slower = `GB18030 ${fixed(Math.abs(1 - gbRatio) * 100, 1)}% ${gbRatio < 1 ? 'slower' : 'faster'}`;
    const goal = `goal GB18030 ≤ ${GOAL_GB18030_SLOWDOWN * 100}% slower than UTF-8 through openCsv`;
    console.log(`${goal}: ${verdict(gbRatio >= 1 - GOAL_GB18030_SLOWDOWN)} (${slower}, median of per-round ratios)`);
    console.log(`(sink ${sink})`);
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
