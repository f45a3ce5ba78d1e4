/**
 * Scoring throughput of the BUILT @triage/scales (`scoreInstrument`) beside a hand-written loop computing the same
 * totals in the same run, on seeded pseudo-random answers generated up front. Before timing, both are compared on
 * every row.
 *
 *   node bench/scoring.mjs [--rows 200000] [--rounds 7] [--seed 1]
 *
 * Exit codes: 0 done (a speed goal missed is still 0), 1 engine and hand loop disagree on a row, 2 cannot run.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { fixed, int, machine, median, rng, root, verdict } from './lib.mjs';

const GOAL_PHQ9_PER_S = 500_000;
const GOAL_SCL90_PER_S = 100_000;
const GOAL_RATIO = 3;
/** Each timed round repeats passes over the rows until at least this long, so fast loops are not timer noise. */
const MIN_ROUND_MS = 150;

const { values: opts } = parseArgs({
  options: {
    rows: { type: 'string', default: '200000' },
    rounds: { type: 'string', default: '7' },
    seed: { type: 'string', default: '1' },
  },
});
const ROWS = Number(opts.rows);
const ROUNDS = Number(opts.rounds);
const SEED = Number(opts.seed);

const dist = join(root, 'packages/scales/dist/index.mjs');
if (!existsSync(dist)) {
  console.error(
    'packages/scales/dist/index.mjs not found: build first (cd packages/scales && npx --yes pnpm@10 run build)',
  );
  process.exit(2);
}
const { getInstrument, scoreInstrument } = await import(pathToFileURL(dist).href);

/** Plain packed arrays of small integers, the shape a parsed CSV row becomes. */
function makeRows(count, items, lo, hi, random) {
  const rows = new Array(count);
  for (let i = 0; i < count; i++) {
    const row = [];
    for (let j = 0; j < items; j++) row.push(lo + Math.floor(random() * (hi - lo + 1)));
    rows[i] = row;
  }
  return rows;
}

// ---- hand-written reference loops: the published keys, nothing else ----

/** PHQ-9: total of items 1–9; severity 0–4 at 5/10/15/20; item 9 ≥ 1 flags. */
function handPhq9(row) {
  let total = 0;
  for (let j = 0; j < 9; j++) total += row[j];
  const band = total >= 20 ? 4 : total >= 15 ? 3 : total >= 10 ? 2 : total >= 5 ? 1 : 0;
  return { total, band, flag: row[8] >= 1 };
}

/**
 * PHQ-9 by hand, returning what the engine returns: the same fields and values (checked on every row), validated
 * input, shared frozen band/cut-off/flag objects. It shows what a result of this shape costs when nothing is generic,
 * beside the bare arithmetic of handPhq9, which the JIT can reduce to a few registers.
 */
function handPhq9FullResult(bands, cutoffs, flag) {
  const none = Object.freeze([]);
  const syndromes = Object.freeze({
    none: Object.freeze({ syndrome: 'none' }),
    major: Object.freeze({ syndrome: 'major-depressive-syndrome' }),
    other: Object.freeze({ syndrome: 'other-depressive-syndrome' }),
  });
  const cutoffSets = [0, 1, 2].map((n) =>
    Object.freeze(cutoffs.map((c, i) => Object.freeze({ id: c.id, min: c.min, positive: i < n }))),
  );
  return (row) => {
    if (!Array.isArray(row) || row.length < 9 || row.length > 10) return null;
    let total = 0;
    let counted = 0;
    let core = 0;
    for (let j = 0; j < 9; j++) {
      const v = row[j];
      if (typeof v !== 'number' || !(v >= 0 && v <= 3) || v % 1 !== 0) return null;
      total += v;
      if (j === 8 ? v >= 1 : v >= 2) counted++;
      if (j < 2 && v >= 2) core++;
    }
    const syndrome =
      core === 0 ? syndromes.none : counted >= 5 ? syndromes.major : counted >= 2 ? syndromes.other : syndromes.none;
    return {
      ok: true,
      value: {
        instrument: 'phq-9',
        version: '1.0.0',
        total,
        index: null,
        band: bands[total >= 20 ? 4 : total >= 15 ? 3 : total >= 10 ? 2 : total >= 5 ? 1 : 0],
        cutoffs: cutoffSets[(total >= cutoffs[0].min ? 1 : 0) + (total >= cutoffs[1].min ? 1 : 0)],
        subscales: none,
        category: null,
        derived: syndrome,
        flags: row[8] >= 1 ? flag : none,
        answered: 9,
        missing: none,
        prorated: false,
        warnings: none,
      },
    };
  };
}

const SDS_REVERSED = [2, 5, 6, 11, 12, 14, 16, 17, 18, 20].reduce((mask, n) => {
  mask[n - 1] = true;
  return mask;
}, new Array(20).fill(false));

/** SDS: items 2,5,6,11,12,14,16,17,18,20 scored 5 − x; index = round-half-up(raw × 1.25); CN bands 53/63/73. */
function handSds(row) {
  let raw = 0;
  for (let j = 0; j < 20; j++) raw += SDS_REVERSED[j] ? 5 - row[j] : row[j];
  const index = Math.floor(raw * 1.25 + 0.5); // raw × 1.25 is a multiple of 0.25: exact in binary
  const band = index >= 73 ? 3 : index >= 63 ? 2 : index >= 53 ? 1 : 0;
  return { total: raw, index, band };
}

/** SCL-90 factor key (reference/scales.md §6.1), item numbers; the tenth is 其他 (additional items). */
const SCL_FACTORS = [
  [1, 4, 12, 27, 40, 42, 48, 49, 52, 53, 56, 58],
  [3, 9, 10, 28, 38, 45, 46, 51, 55, 65],
  [6, 21, 34, 36, 37, 41, 61, 69, 73],
  [5, 14, 15, 20, 22, 26, 29, 30, 31, 32, 54, 71, 79],
  [2, 17, 23, 33, 39, 57, 72, 78, 80, 86],
  [11, 24, 63, 67, 74, 81],
  [13, 25, 47, 50, 70, 75, 82],
  [8, 18, 43, 68, 76, 83],
  [7, 16, 35, 62, 77, 84, 85, 87, 88, 90],
  [19, 44, 59, 60, 64, 66, 89],
].map((items) => items.map((n) => n - 1));

/**
 * SCL-90 (1–5): total, GSI = total / 90, positive items (≥ 2) and their mean, the highest factor mean, the CN
 * screen (total > 160 or positive items > 43 or any factor ≥ 2), critical items 15 and 59 at ≥ 2.
 */
function handScl90(row) {
  let total = 0;
  let positives = 0;
  let positiveSum = 0;
  for (let j = 0; j < 90; j++) {
    const v = row[j];
    total += v;
    if (v >= 2) {
      positives++;
      positiveSum += v;
    }
  }
  let factorMax = 0;
  for (const items of SCL_FACTORS) {
    let sum = 0;
    for (const j of items) sum += row[j];
    const mean = sum / items.length;
    if (mean > factorMax) factorMax = mean;
  }
  return {
    total,
    gsi: total / 90,
    positives,
    psdi: positives ? positiveSum / positives : null,
    factorMax,
    screen: total > 160 || positives > 43 || factorMax >= 2,
    flags: (row[14] >= 2 ? 1 : 0) + (row[58] >= 2 ? 1 : 0),
  };
}

/** MHT content scales (reference/scales.md §6.2), item indexes; the lie scale is the even items 82–100. */
const MHT_SCALES = [
  [1, 15],
  [16, 25],
  [26, 35],
  [36, 45],
  [46, 55],
  [56, 70],
  [71, 80],
].map(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => a - 1 + i));
MHT_SCALES.push(Array.from({ length: 10 }, (_, i) => 80 + 2 * i)); // 冲动倾向: 81, 83 … 99
const MHT_LIE = Array.from({ length: 10 }, (_, i) => 81 + 2 * i); // 82, 84 … 100

/** MHT (0/1): total of the 90 content items, scales at ≥ 8 high, lie score, invalid at ≥ 7. */
function handMht(row) {
  let total = 0;
  let high = 0;
  for (const items of MHT_SCALES) {
    let sum = 0;
    for (const j of items) sum += row[j];
    total += sum;
    if (sum >= 8) high++;
  }
  let lie = 0;
  for (const j of MHT_LIE) lie += row[j];
  return { total, high, lie, valid: lie < 7 };
}

// ---- the timed loops: each consumes its result into the sink so the JIT cannot drop the work ----

function engineLoop(def, rows, options) {
  let sink = 0;
  for (let i = 0; i < rows.length; i++) {
    const r = scoreInstrument(def, rows[i], options);
    if (r.ok) sink += r.value.total + (r.value.index?.value ?? 0) + r.value.flags.length + (r.value.band ? 1 : 0);
  }
  return sink;
}

function fullResultLoop(hand, rows) {
  let sink = 0;
  for (let i = 0; i < rows.length; i++) {
    const r = hand(rows[i]);
    if (r?.ok) sink += r.value.total + (r.value.index?.value ?? 0) + r.value.flags.length + (r.value.band ? 1 : 0);
  }
  return sink;
}

function handLoop(hand, rows) {
  let sink = 0;
  for (let i = 0; i < rows.length; i++) {
    const r = hand(rows[i]);
    sink += r.total + (r.index ?? 0) + (r.flag ? 1 : 0) + r.band;
  }
  return sink;
}

function loopOf(score, rows) {
  return () => {
    let sink = 0;
    for (let i = 0; i < rows.length; i++) sink += score(rows[i]);
    return sink;
  };
}

let sink = 0;

/** Rows per second of one timed round: whole passes over the rows until MIN_ROUND_MS has passed. */
function round(pass, rows) {
  let passes = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    sink += pass();
    passes++;
    elapsed = performance.now() - start;
  } while (elapsed < MIN_ROUND_MS);
  return (passes * rows) / (elapsed / 1000);
}

/** Two untimed warm-up rounds (the JIT settles), then ROUNDS rounds of each, interleaved so drift hits both alike. */
function measure(engine, hand, rows, full) {
  const passes = { engine, hand, ...(full ? { full } : {}) };
  for (let i = 0; i < 2; i++) for (const pass of Object.values(passes)) round(pass, rows);
  const out = Object.fromEntries(Object.keys(passes).map((k) => [k, []]));
  for (let i = 0; i < ROUNDS; i++) for (const [k, pass] of Object.entries(passes)) out[k].push(round(pass, rows));
  return out;
}

/** Compares engine and hand loop on every row; prints the first few disagreements. Returns the mismatch count. */
function verify(name, rows, score, hand) {
  let mismatches = 0;
  for (let i = 0; i < rows.length; i++) {
    const got = score(rows[i]);
    const want = hand(rows[i]);
    const same = Object.keys(want).every((k) => got[k] === want[k]);
    if (!same) {
      mismatches++;
      if (mismatches <= 5) {
        console.log(
          `  ${name} row ${i} [${rows[i].join(',')}]: engine ${JSON.stringify(got)} hand ${JSON.stringify(want)}`,
        );
      }
    }
  }
  return mismatches;
}

const spread = (xs) => `${int(Math.min(...xs))}–${int(Math.max(...xs))}`;

function report(name, { engine, hand, full }) {
  const e = median(engine);
  const h = median(hand);
  const ratio = h / e;
  console.log(`${name}  engine     ${int(e).padStart(12)} scorings/s  (median of ${ROUNDS}; ${spread(engine)})`);
  console.log(`${name}  hand loop  ${int(h).padStart(12)} scorings/s  (median of ${ROUNDS}; ${spread(hand)})`);
  if (full) {
    const f = median(full);
    console.log(
      `${name}  hand, same result  ${int(f).padStart(12)} scorings/s  (median of ${ROUNDS}; ${spread(full)})`,
    );
    console.log(`${name}  ratio hand-same-result/engine  ${fixed(f / e, 2)}×`);
  }
  console.log(`${name}  ratio hand/engine  ${fixed(ratio, 2)}×`);
  return { engine: e, ratio };
}

// ---- run ----

const random = rng(SEED);
console.log(`scoring · ${machine()}`);
console.log(
  `rows ${int(ROWS)} per instrument · seed ${SEED} · ${ROUNDS} timed rounds of ≥${MIN_ROUND_MS} ms after warm-up`,
);

const phq9 = getInstrument('phq-9');
if (!phq9) {
  console.error('phq-9 is not registered in @triage/scales: nothing to measure');
  process.exit(2);
}
const phqBands = new Map(phq9.bandSets[0].bands.map((b, i) => [b.id, i]));
const phqRows = makeRows(ROWS, 9, 0, 3, random);

const sds = getInstrument('sds');
// The CN norm is the set whose index bands start at 53/63/73; found by its cut-offs, not by its name.
const cn = sds?.bandSets.find(
  (s) =>
    s.appliesTo === 'index' &&
    s.bands
      .slice(1)
      .map((b) => b.min)
      .join() === '53,63,73',
);
const sdsRows = sds && cn ? makeRows(ROWS, 20, 1, 4, random) : null;
const defaultSet = sds && (sds.bandSets.find((s) => s.id === sds.defaultBandSet) ?? sds.bandSets[0]);
const sdsOptions = cn && defaultSet !== cn ? { bandSet: cn.id } : undefined;

const phqFull = handPhq9FullResult(
  phq9.bandSets[0].bands.map(
    (_, i) =>
      scoreInstrument(
        phq9,
        [0, 0, 0, 0, 0, 0, 0, 0, 0].map((__, j) => (j < i * 2 ? 3 : 0)),
      ).value.band,
  ),
  phq9.cutoffs,
  scoreInstrument(phq9, [0, 0, 0, 0, 0, 0, 0, 0, 1]).value.flags,
);
let fullMismatches = 0;
for (let i = 0; i < phqRows.length; i++) {
  const want = JSON.stringify(scoreInstrument(phq9, phqRows[i]));
  if (JSON.stringify(phqFull(phqRows[i])) !== want) {
    fullMismatches++;
    if (fullMismatches <= 3)
      console.log(`  PHQ-9 same-result row ${i}: ${JSON.stringify(phqFull(phqRows[i]))} vs ${want}`);
  }
}
let mismatches = fullMismatches;
mismatches += verify(
  'PHQ-9',
  phqRows,
  (row) => {
    const r = scoreInstrument(phq9, row);
    if (!r.ok) return { error: r.error.issues.map((x) => x.code).join() };
    const v = r.value;
    return {
      total: v.total,
      band: phqBands.get(v.band?.id),
      flag: v.flags.some((f) => f.item === '9' && f.status === 'positive'),
    };
  },
  handPhq9,
);
if (sdsRows) {
  const cnBands = new Map(cn.bands.map((b, i) => [b.id, i]));
  mismatches += verify(
    'SDS',
    sdsRows,
    (row) => {
      const r = scoreInstrument(sds, row, sdsOptions);
      if (!r.ok) return { error: r.error.issues.map((x) => x.code).join() };
      return { total: r.value.total, index: r.value.index?.value, band: cnBands.get(r.value.band?.id) };
    },
    handSds,
  );
}
const scl90 = getInstrument('scl-90');
const sclRows = scl90 ? makeRows(ROWS, 90, 1, 5, random) : null;
// Half the rows mostly 没有 (1), so the screen and the positive-item count are exercised on both sides.
if (sclRows) for (let i = 0; i < sclRows.length; i += 2) sclRows[i] = sclRows[i].map((v) => (random() < 0.8 ? 1 : v));
if (sclRows) {
  mismatches += verify(
    'SCL-90',
    sclRows,
    (row) => {
      const r = scoreInstrument(scl90, row);
      if (!r.ok) return { error: r.error.issues.map((x) => x.code).join() };
      const v = r.value;
      return {
        total: v.total,
        gsi: v.mean,
        positives: v.positiveItems?.count,
        psdi: v.positiveItems?.mean,
        factorMax: Math.max(...v.subscales.map((s) => s.score)),
        screen: v.screens?.[0]?.positive,
        flags: v.flags.length,
      };
    },
    handScl90,
  );
}
const mht = getInstrument('mht');
const mhtRows = mht ? makeRows(ROWS, 100, 0, 1, random) : null;
if (mhtRows) {
  mismatches += verify(
    'MHT',
    mhtRows,
    (row) => {
      const r = scoreInstrument(mht, row);
      if (!r.ok) return { error: r.error.issues.map((x) => x.code).join() };
      const v = r.value;
      return {
        total: v.total,
        high: v.subscales.filter((s) => s.band?.id === 'high').length,
        lie: v.validity?.score,
        valid: v.validity?.valid,
      };
    },
    handMht,
  );
}
console.log(`mismatches (engine vs hand loop, every row): ${mismatches}`);
if (mismatches > 0) {
  console.log('FAIL: the engine and the hand-written key disagree; speed figures are not printed');
  process.exit(1);
}

console.log('');
const phq = report(
  'PHQ-9',
  measure(
    () => engineLoop(phq9, phqRows),
    () => handLoop(handPhq9, phqRows),
    ROWS,
    () => fullResultLoop(phqFull, phqRows),
  ),
);
console.log(`goal ≥ ${int(GOAL_PHQ9_PER_S)} PHQ-9 scorings/s: ${verdict(phq.engine >= GOAL_PHQ9_PER_S)}`);
console.log(`goal PHQ-9 within ${GOAL_RATIO}× of the hand loop: ${verdict(phq.ratio <= GOAL_RATIO)}`);

console.log('');
if (!sds) console.log('SDS  skipped: `sds` is not registered in @triage/scales');
else if (!cn) console.log('SDS  skipped: no index band set with the CN cut-offs 53/63/73');
else {
  const r = report(
    'SDS  ',
    measure(
      () => engineLoop(sds, sdsRows, sdsOptions),
      () => handLoop(handSds, sdsRows),
      ROWS,
    ),
  );
  console.log(`goal SDS within ${GOAL_RATIO}× of the hand loop: ${verdict(r.ratio <= GOAL_RATIO)}`);
}

// The engine's result for the largest instruments: every factor, screen, positive-item count and validity scale.
const engineSum = (def) => (row) => {
  const r = scoreInstrument(def, row);
  return r.ok ? r.value.total + r.value.subscales.length + r.value.flags.length : 0;
};
console.log('');
if (!sclRows) console.log('SCL-90  skipped: `scl-90` is not registered in @triage/scales');
else {
  const r = report(
    'SCL-90',
    measure(
      loopOf(engineSum(scl90), sclRows),
      loopOf((row) => {
        const h = handScl90(row);
        return h.total + (h.screen ? 1 : 0) + h.flags;
      }, sclRows),
      ROWS,
    ),
  );
  console.log(`goal ≥ ${int(GOAL_SCL90_PER_S)} SCL-90 scorings/s: ${verdict(r.engine >= GOAL_SCL90_PER_S)}`);
}
console.log('');
if (!mhtRows) console.log('MHT  skipped: `mht` is not registered in @triage/scales');
else {
  report(
    'MHT   ',
    measure(
      loopOf(engineSum(mht), mhtRows),
      loopOf((row) => {
        const h = handMht(row);
        return h.total + h.high + (h.valid ? 1 : 0);
      }, mhtRows),
      ROWS,
    ),
  );
}
console.log(`\n(sink ${sink})`);
