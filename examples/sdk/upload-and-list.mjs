// Uploads a screening batch of synthetic results in chunks of at most 1,000, then pages through cases and prints
// counts. Uses the BUILT package (run `npx --yes pnpm@10 --filter @triage/sdk run build` first). No personal data:
// student ids are generated pseudonyms and only counts are printed.
//
//   TRIAGE_BASE_URL  default http://127.0.0.1:4010 (Prism, see README.md)
//   TRIAGE_API_KEY   default sandbox-key (Prism accepts any bearer token)
//   RESULTS          number of synthetic results, default 2500
//   MAX_CASES        item cap of the case listing, default 200
import { createTriageClient, deriveIdempotencyKey, isTriageApiError } from '../../packages/sdk/dist/index.mjs';

const CHUNK_SIZE = 1_000; // the API's maximum per upload request
const baseUrl = process.env.TRIAGE_BASE_URL ?? 'http://127.0.0.1:4010';
const apiKey = process.env.TRIAGE_API_KEY ?? 'sandbox-key';
const resultCount = Number(process.env.RESULTS ?? 2_500);
const maxCases = Number(process.env.MAX_CASES ?? 200);

/** A small seeded generator, so two runs build the same results (and so the same idempotency keys apply). */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Synthetic PHQ-9 results: pseudonymous ids, totals and bands only, no answers, no names. */
function syntheticResults(count, seed) {
  const random = mulberry32(seed);
  const bands = [
    { max: 4, band: 'minimal', level: 'R0' },
    { max: 9, band: 'mild', level: 'R1' },
    { max: 14, band: 'moderate', level: 'R2' },
    { max: 19, band: 'moderately-severe', level: 'R3' },
    { max: 27, band: 'severe', level: 'R3' },
  ];
  return Array.from({ length: count }, (_, i) => {
    const total = Math.floor(random() ** 2 * 28);
    const item9 = random() < 0.03;
    const { band, level } = bands.find((b) => total <= b.max);
    return {
      student_id: `stu-${String(i + 1).padStart(6, '0')}`,
      instrument: { id: 'phq-9', version: '1.0.0' },
      scored_at: '2025-03-01T10:15:00+08:00',
      total,
      index: null,
      band,
      category: null,
      flags: item9 ? { 'item-9': 'positive' } : {},
      level: item9 ? 'R3' : level,
    };
  });
}

function chunks(items, size) {
  const out = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function describeError(error) {
  if (!isTriageApiError(error)) return String(error);
  return `${error.name} code=${error.code} status=${error.status ?? '-'} requestId=${error.requestId ?? '-'}`;
}

const client = createTriageClient({ baseUrl, apiKey, maxRetries: 2 });
try {
  const batch = await client.POST('/screening-batches', {
    body: {
      school_id: '3144000123',
      date: '2025-03-01',
      instruments: [{ id: 'phq-9', version: '1.0.0' }],
      grades: { from: 7, to: 9 },
    },
    idempotencyKey: deriveIdempotencyKey('example', 'screening-batch', '3144000123', '2025-03-01'),
  });
  console.log(`batch ${batch.id} status=${batch.status} requestId=${batch.requestId ?? '-'}`);

  const parts = chunks(syntheticResults(resultCount, 20250301), CHUNK_SIZE);
  let accepted = 0;
  let rejected = 0;
  for (const [index, results] of parts.entries()) {
    // Same batch + chunk index → same key: a re-run or a retry never adds a chunk twice.
    const idempotencyKey = deriveIdempotencyKey(batch.id, `chunk-${index}`);
    const { data, attempts } = await client
      .POST('/screening-batches/{batch_id}/results', {
        path: { batch_id: batch.id },
        body: { results },
        idempotencyKey,
      })
      .withResponse();
    accepted += data.accepted;
    rejected += data.rejected.length;
    console.log(
      `chunk ${index + 1}/${parts.length}: sent=${results.length} accepted=${data.accepted} rejected=${data.rejected.length} attempts=${attempts} key=${idempotencyKey.slice(0, 15)}…`,
    );
  }
  console.log(`upload: chunks=${parts.length} sent=${resultCount} accepted=${accepted} rejected=${rejected}`);

  const byLevel = {};
  const byStatus = {};
  let cases = 0;
  let pages = 0;
  try {
    for await (const page of client.pages('/cases', { query: { limit: 100 }, maxPages: 50 })) {
      pages = page.pageNumber;
      for (const c of page.data) {
        if (cases >= maxCases) break;
        cases++;
        byLevel[c.level] = (byLevel[c.level] ?? 0) + 1;
        byStatus[c.status] = (byStatus[c.status] ?? 0) + 1;
      }
      if (cases >= maxCases) break;
    }
  } catch (error) {
    // Prism is stateless: every page repeats the spec's example cursor, which the SDK refuses to follow twice.
    if (!isTriageApiError(error) || error.code !== 'SDK_PAGINATION_GUARD') throw error;
    console.log(`listing stopped: ${error.code} (${error.message})`);
  }
  console.log(
    `cases: pages=${pages} cases=${cases} by_level=${JSON.stringify(byLevel)} by_status=${JSON.stringify(byStatus)}`,
  );
} catch (error) {
  console.error(`failed: ${describeError(error)}`);
  process.exitCode = 1;
} finally {
  await client.close();
}
