/**
 * Triage decisions per second: one student with PHQ-A, GAD-7 and ASQ answers, decided by the default rule set with
 * its explanation (the fired rules and the facts each read), beside the scoring-only throughput of the same students
 * in the same run. Uses the BUILT packages.
 *
 *   node bench/rules.mjs [--students 20000] [--rounds 7] [--seed 7]
 *
 * Exit codes: 0 done (a speed goal missed is still 0), 2 cannot run.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { fixed, int, machine, median, rng, root, verdict } from './lib.mjs';

const GOAL_DECISIONS_PER_S = 200_000;
const MIN_ROUND_MS = 150;

const { values: opts } = parseArgs({
  options: {
    students: { type: 'string', default: '20000' },
    rounds: { type: 'string', default: '7' },
    seed: { type: 'string', default: '7' },
  },
});
const STUDENTS = Number(opts.students);
const ROUNDS = Number(opts.rounds);

const dist = (pkg) => join(root, `packages/${pkg}/dist/index.mjs`);
for (const pkg of ['scales', 'core']) {
  if (!existsSync(dist(pkg))) {
    console.error(`packages/${pkg}/dist not found: build first (npx --yes pnpm@10 build)`);
    process.exit(2);
  }
}
const scales = await import(pathToFileURL(dist('scales')).href);
const core = await import(pathToFileURL(dist('core')).href);
if (!core.defaultRuleSet) {
  console.error('@triage/core has no defaultRuleSet export yet: nothing to measure');
  process.exit(2);
}

const random = rng(Number(opts.seed));
// Skewed towards "no" and low answers, as in a school population; ~10% endorse something on the ASQ.
const pick = (hi, bias) => Math.min(hi, Math.floor(random() ** bias * (hi + 1)));

const phqA = scales.getInstrument('phq-a');
const gad7 = scales.getInstrument('gad-7');
const asq = scales.getInstrument('asq');
const students = Array.from({ length: STUDENTS }, () => ({
  'phq-a': [...Array.from({ length: 9 }, () => pick(3, 2)), pick(1, 4), pick(3, 2), pick(1, 6), pick(1, 6)],
  'gad-7': Array.from({ length: 7 }, () => pick(3, 2)),
  asq: [pick(1, 8), pick(1, 8), pick(1, 8), pick(1, 8), pick(1, 10)],
}));

const options = { includeItems: true };
function factsOf(s) {
  return {
    scales: {
      'phq-a': core.scaleFacts(scales.scoreInstrument(phqA, s['phq-a'], options).value),
      'gad-7': core.scaleFacts(scales.scoreInstrument(gad7, s['gad-7'], options).value),
      asq: core.scaleFacts(scales.scoreInstrument(asq, s.asq, options).value),
    },
    person: { age: 15 },
  };
}
const ruleSet = core.compileRuleSet(core.defaultRuleSet);
const facts = students.map(factsOf);

let sink = 0;
const passes = {
  'score 3 instruments': () => {
    for (const s of students) {
      sink += scales.scoreInstrument(phqA, s['phq-a'], options).value.answered;
      sink += scales.scoreInstrument(gad7, s['gad-7'], options).value.answered;
      sink += scales.scoreInstrument(asq, s.asq, options).value.answered;
    }
  },
  'decide (facts given)': () => {
    for (const f of facts) sink += core.evaluateRules(ruleSet, f).fired.length;
  },
  'decide + explain text': () => {
    for (const f of facts) sink += core.explainDecision(core.evaluateRules(ruleSet, f), 'zh').length;
  },
  'score 3 + facts + decide': () => {
    for (const s of students) sink += core.evaluateRules(ruleSet, factsOf(s)).fired.length;
  },
};

function round(pass) {
  let n = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    pass();
    n++;
    elapsed = performance.now() - start;
  } while (elapsed < MIN_ROUND_MS);
  return (n * STUDENTS) / (elapsed / 1000);
}

for (let i = 0; i < 2; i++) for (const pass of Object.values(passes)) round(pass);
const results = Object.fromEntries(Object.keys(passes).map((k) => [k, []]));
for (let i = 0; i < ROUNDS; i++) for (const [k, pass] of Object.entries(passes)) results[k].push(round(pass));

const levels = {};
for (const f of facts) {
  const level = core.evaluateRules(ruleSet, f).level ?? 'none';
  levels[level] = (levels[level] ?? 0) + 1;
}

console.log(`rules · ${machine()}`);
console.log(
  `${int(STUDENTS)} synthetic students (PHQ-A + GAD-7 + ASQ) · rule set ${ruleSet.ref.id} ${ruleSet.ref.version} · ${ROUNDS} rounds of ≥${MIN_ROUND_MS} ms`,
);
console.log(
  `levels: ${Object.entries(levels)
    .sort()
    .map(([k, v]) => `${k} ${v}`)
    .join(' · ')}`,
);
const base = median(results['score 3 instruments']);
for (const [name, xs] of Object.entries(results)) {
  const m = median(xs);
  console.log(`${name.padEnd(26)} ${int(m).padStart(11)} students/s  (${fixed(m / base, 2)}× scoring-only)`);
}
const decisions = median(results['decide (facts given)']);
console.log(
  `goal ≥ ${int(GOAL_DECISIONS_PER_S)} decisions/s with explanation: ${verdict(decisions >= GOAL_DECISIONS_PER_S)}`,
);
console.log(`(sink ${sink})`);
