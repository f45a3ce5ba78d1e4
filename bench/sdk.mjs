/**
 * @triage/sdk against raw undici `request()` on loopback (issue #6): the SDK's per-request overhead at 64 concurrent
 * GETs, and bulk upload of seeded screening results through the batch endpoint, 1,000 results a request. The server
 * is a `node:http` child process (its own core, keep-alive) that answers JSON at once.
 *
 *   node bench/sdk.mjs [--requests 20000] [--rounds 5] [--results 100000] [--upload-concurrency 8] [--seed 1]
 *
 * Goals (issue #6): SDK overhead ≤ 10% at 64 concurrent requests (1 − sdk req/s ÷ raw req/s, median of per-round
 * ratios); ≥ 20,000 results/s uploaded. Two GET rows are diagnostics, not judged: `raw dispatch` (undici's
 * lower-level dispatch API with a minimal handler, the floor of any client on undici; the SDK sends through it too)
 * and `sdk (own Agent)` (the client with its default Agent). Exit 0 whether or not goals are met; 1 when a request
 * or a check fails.
 */
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { fixed, int, machine, median, rng, root, verdict } from './lib.mjs';

const { values: opts } = parseArgs({
  options: {
    serve: { type: 'boolean', default: false },
    requests: { type: 'string', default: '20000' },
    rounds: { type: 'string', default: '5' },
    results: { type: 'string', default: '100000' },
    'upload-concurrency': { type: 'string', default: '8' },
    seed: { type: 'string', default: '1' },
  },
});

if (opts.serve) serve();
else await main();

/** The child: a keep-alive JSON server on 127.0.0.1 that also counts what it received, for the checks. */
function serve() {
  const stats = { gets: 0, uploads: 0, results: 0, keyed: 0, keys: new Set() };
  let seq = 0;
  const server = createServer((req, res) => {
    const requestId = `req-${(++seq).toString(36)}`;
    const send = (status, body) => {
      const text = JSON.stringify(body);
      res.writeHead(status, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(text),
        'x-request-id': requestId,
      });
      res.end(text);
    };
    const url = req.url ?? '';
    if (req.method === 'GET' && url.startsWith('/v1/cases/')) {
      stats.gets++;
      const id = decodeURIComponent(url.slice('/v1/cases/'.length));
      send(200, {
        id,
        status: 'open',
        level: 'R3',
        student_id: 'stu-7f3a9c',
        school_id: 'sch-0042',
        opened_at: '2025-03-01T10:15:00+08:00',
        updated_at: '2025-03-01T10:20:00+08:00',
        assignee: null,
      });
      return;
    }
    const upload = /^\/v1\/screening-batches\/([^/]+)\/results$/.exec(url);
    if (req.method === 'POST' && upload) {
      const chunks = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        const { results } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        const key = req.headers['idempotency-key'];
        stats.uploads++;
        stats.results += results.length;
        if (typeof key === 'string' && key) {
          stats.keyed++;
          stats.keys.add(key);
        }
        send(200, { batch_id: decodeURIComponent(upload[1]), accepted: results.length, rejected: [] });
      });
      return;
    }
    if (req.method === 'GET' && url === '/__stats') {
      const { keys, ...rest } = stats;
      send(200, { ...rest, distinctKeys: keys.size });
      stats.gets = stats.uploads = stats.results = stats.keyed = 0;
      keys.clear();
      return;
    }
    send(404, { type: 'about:blank', title: 'Not Found', status: 404 });
  });
  server.keepAliveTimeout = 60_000;
  server.headersTimeout = 65_000;
  server.listen(0, '127.0.0.1', () => process.send?.({ port: server.address().port }));
  process.on('disconnect', () => process.exit(0));
}

async function main() {
  const sdkModule = join(root, 'packages/sdk/dist/index.mjs');
  if (!existsSync(sdkModule)) {
    console.log('sdk: skipped, @triage/sdk is not built (npx --yes pnpm@10 --filter @triage/sdk run build)');
    process.exit(0);
  }
  const { createTriageClient, deriveIdempotencyKey } = await import(sdkModule);
  const { Agent, request } = createRequire(join(root, 'packages/sdk/package.json'))('undici');

  const REQUESTS = Number(opts.requests);
  const ROUNDS = Number(opts.rounds);
  const RESULTS = Number(opts.results);
  const UPLOAD_CONCURRENCY = Number(opts['upload-concurrency']);
  const SEED = Number(opts.seed);
  const CONCURRENCY = 64;
  const PER_REQUEST = 1_000;
  const API_KEY = 'bench-key';

  const child = fork(fileURLToPath(import.meta.url), ['--serve'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const { port } = await new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  const origin = `http://127.0.0.1:${port}`;
  const base = `${origin}/v1`;
  const agent = () => new Agent({ keepAliveTimeout: 10_000, connections: CONCURRENCY });
  const rawAgent = agent();
  const sdkAgent = agent();
  const sdk = createTriageClient({
    baseUrl: base,
    apiKey: API_KEY,
    maxConcurrency: CONCURRENCY,
    maxRetries: 0,
    dispatcher: sdkAgent,
  });
  // The SDK as a user gets it: its own keep-alive Agent (no connection cap), only maxConcurrency raised.
  const sdkDefault = createTriageClient({ baseUrl: base, apiKey: API_KEY, maxConcurrency: CONCURRENCY, maxRetries: 0 });
  const failures = [];
  const fail = (message) => {
    if (failures.length < 5) failures.push(message);
  };
  const headers = {
    accept: 'application/json',
    'user-agent': 'triage-bench/raw',
    authorization: `Bearer ${API_KEY}`,
  };

  // --- 1. GET /cases/{id} at 64 concurrent requests --------------------------------------------------------------
  const caseIds = Array.from({ length: 1024 }, (_, i) => `case-${(i * 7919).toString(36).padStart(5, '0')}`);
  const getters = {
    raw: async (i) => {
      const id = caseIds[i & 1023];
      const res = await request(`${base}/cases/${encodeURIComponent(id)}`, {
        dispatcher: rawAgent,
        method: 'GET',
        headers,
      });
      const data = JSON.parse(await res.body.text());
      if (res.statusCode !== 200 || data.id !== id || !res.headers['x-request-id'])
        fail(`raw GET ${id}: ${res.statusCode}`);
    },
    // Diagnostic: undici's lower-level dispatch API (the one `request` is built on) with a minimal handler that
    // collects the body, the floor any client on undici could reach. The SDK sends through this API too.
    'raw dispatch': (i) => {
      const id = caseIds[i & 1023];
      return new Promise((resolve, reject) => {
        const chunks = [];
        let status = 0;
        let requestId;
        rawAgent.dispatch(
          { origin, path: `/v1/cases/${encodeURIComponent(id)}`, method: 'GET', headers },
          {
            onRequestStart() {},
            onResponseStart(_controller, statusCode, responseHeaders) {
              status = statusCode;
              requestId = responseHeaders['x-request-id'];
            },
            onResponseData(_controller, chunk) {
              chunks.push(chunk);
            },
            onResponseEnd() {
              try {
                const data = JSON.parse(Buffer.concat(chunks).toString('utf8'));
                if (status !== 200 || data.id !== id || !requestId) fail(`raw dispatch GET ${id}: ${status}`);
                resolve();
              } catch (error) {
                reject(error);
              }
            },
            onResponseError(_controller, error) {
              reject(error);
            },
          },
        );
      });
    },
    sdk: async (i) => {
      const id = caseIds[i & 1023];
      const { data, requestId } = await sdk.GET('/cases/{case_id}', { path: { case_id: id } }).withResponse();
      if (data.id !== id || !requestId) fail(`sdk GET ${id}: id ${data.id}, request id ${requestId}`);
    },
    'sdk (own Agent)': async (i) => {
      const id = caseIds[i & 1023];
      const data = await sdkDefault.GET('/cases/{case_id}', { path: { case_id: id } });
      if (data.id !== id || !data.requestId) fail(`sdk (own Agent) GET ${id}`);
    },
  };

  /** `total` calls, `concurrency` at a time (closed loop); wall time, client CPU time and each call's latency. */
  async function drive(call, total, concurrency) {
    const latency = new Float64Array(total);
    let next = 0;
    const cpu = process.cpuUsage();
    const start = performance.now();
    const worker = async () => {
      for (let i = next++; i < total; i = next++) {
        const t = performance.now();
        try {
          await call(i);
        } catch (error) {
          fail(`call ${i}: ${error?.message ?? error}`);
        }
        latency[i] = performance.now() - t;
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
    const ms = performance.now() - start;
    const used = process.cpuUsage(cpu);
    return { ms, cpuMs: (used.user + used.system) / 1000, p50: median(latency), total };
  }

  /** ABBA-style order: the variant that goes first alternates by round, so drift hits them alike. */
  const orderOf = (names, round) => (round % 2 ? [...names].reverse() : names);

  // --- 2. bulk upload: seeded screening results, 1,000 a request ---------------------------------------------------
  const random = rng(SEED);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const LEVELS = ['R1', 'R2', 'R3', 'R4'];
  const PHQ_BANDS = ['none', 'mild', 'moderate', 'moderately-severe', 'severe'];
  const GAD_BANDS = ['minimal', 'mild', 'moderate', 'severe'];
  const results = Array.from({ length: RESULTS }, (_, i) => {
    const phq = i % 2 === 0;
    const total = Math.floor(random() * (phq ? 28 : 22));
    const flagged = phq && random() < 0.08;
    return {
      student_id: `stu-${Math.floor(random() * 0xffffffff)
        .toString(16)
        .padStart(8, '0')}`,
      instrument: phq ? { id: 'phq-a', version: '1.0.0' } : { id: 'gad-7', version: '1.0.0' },
      scored_at: `2025-03-${String(1 + (i % 28)).padStart(2, '0')}T${String(8 + (i % 9)).padStart(2, '0')}:15:00+08:00`,
      total,
      index: null,
      band: phq ? PHQ_BANDS[Math.min(4, Math.floor(total / 5))] : GAD_BANDS[Math.min(3, Math.floor(total / 5))],
      category: null,
      flags: flagged ? { 'item-9': 'positive' } : {},
      level: flagged ? 'R3' : pick(LEVELS),
    };
  });
  const chunks = [];
  for (let i = 0; i < RESULTS; i += PER_REQUEST) chunks.push(results.slice(i, i + PER_REQUEST));
  const bodyBytes = Buffer.byteLength(JSON.stringify({ results: chunks[0] }));
  const batchId = 'sb-bench-01';

  let uploadRound = 0;
  const uploaders = {
    raw: async (i) => {
      const key = deriveIdempotencyKey('bench', 'raw', String(uploadRound), String(i));
      const res = await request(`${base}/screening-batches/${batchId}/results`, {
        dispatcher: rawAgent,
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify({ results: chunks[i] }),
      });
      const data = JSON.parse(await res.body.text());
      if (res.statusCode !== 200 || data.accepted !== chunks[i].length) fail(`raw upload ${i}: ${res.statusCode}`);
    },
    sdk: async (i) => {
      const idempotencyKey = deriveIdempotencyKey('bench', 'sdk', String(uploadRound), String(i));
      const data = await sdk.POST('/screening-batches/{batch_id}/results', {
        path: { batch_id: batchId },
        body: { results: chunks[i] },
        idempotencyKey,
      });
      if (data.accepted !== chunks[i].length || data.rejected.length) fail(`sdk upload ${i}: ${data.accepted}`);
    },
  };

  /** What the server counted since the last look; an upload check fails when it does not add up. */
  async function serverStats() {
    const res = await request(`${base.replace(/\/v1$/, '')}/__stats`, { dispatcher: rawAgent });
    return JSON.parse(await res.body.text());
  }

  console.log(`sdk · ${machine()}`);
  console.log(
    `loopback node:http server in a child process, keep-alive; undici ${createRequire(join(root, 'packages/sdk/package.json'))('undici/package.json').version}, Agent { keepAliveTimeout 10 s, connections ${CONCURRENCY} } for raw and sdk`,
  );
  console.log(
    `GET: ${int(REQUESTS)} requests a round at ${CONCURRENCY} concurrent · upload: ${int(RESULTS)} results a round, ${int(PER_REQUEST)} a request (${fixed(bodyBytes / 1024, 0)} KiB), ${UPLOAD_CONCURRENCY} concurrent, seed ${SEED}`,
  );
  console.log(`${ROUNDS} timed rounds after a warm-up round, variants interleaved (order alternates by round)`);
  console.log('');

  const exitCode = await (async () => {
    try {
      // Warm-up: JIT, connections opened up to the concurrency.
      for (const call of Object.values(getters)) await drive(call, Math.min(REQUESTS, 4_000), CONCURRENCY);
      for (const call of Object.values(uploaders)) await drive(call, Math.min(chunks.length, 20), UPLOAD_CONCURRENCY);
      await serverStats();
      if (failures.length) return 1;

      const get = Object.fromEntries(Object.keys(getters).map((name) => [name, []]));
      for (let round = 0; round < ROUNDS; round++) {
        for (const name of orderOf(Object.keys(getters), round))
          get[name].push(await drive(getters[name], REQUESTS, CONCURRENCY));
      }
      const stats = await serverStats();
      const expectedGets = REQUESTS * ROUNDS * Object.keys(getters).length;
      if (stats.gets !== expectedGets) fail(`server counted ${stats.gets} GETs, expected ${expectedGets}`);

      const up = { raw: [], sdk: [] };
      for (let round = 0; round < ROUNDS; round++) {
        uploadRound = round;
        for (const name of orderOf(Object.keys(uploaders), round)) {
          up[name].push(await drive(uploaders[name], chunks.length, UPLOAD_CONCURRENCY));
          const s = await serverStats();
          if (s.results !== RESULTS || s.uploads !== chunks.length || s.distinctKeys !== chunks.length)
            fail(`${name} upload round ${round}: server got ${s.results} results, ${s.distinctKeys} distinct keys`);
        }
      }
      if (failures.length) return 1;

      const rps = (r) => r.total / (r.ms / 1000);
      const row = (label, runs, unit, scale) => {
        const rates = runs.map((r) => rps(r) * scale);
        return `${label.padEnd(18)} ${int(median(rates)).padStart(9)} ${unit}  (median of ${runs.length}; ${int(Math.min(...rates))}–${int(Math.max(...rates))})`;
      };
      const perRequest = (runs) => ({
        wallUs: median(runs.map((r) => (r.ms * 1000) / r.total)),
        cpuUs: median(runs.map((r) => (r.cpuMs * 1000) / r.total)),
        p50Ms: median(runs.map((r) => r.p50)),
      });

      // Overhead of a variant: each of its rounds against the raw round of the same pair, then the median.
      const overheadOf = (runs) => median(runs.map((r, i) => 1 - rps(r) / rps(get.raw[i])));
      console.log(`GET /cases/{id}, ${CONCURRENCY} concurrent (per request: medians over rounds)`);
      console.log(
        `${'variant'.padEnd(18)} ${'req/s'.padStart(9)}  ${'range'.padEnd(15)} ${'overhead'.padStart(10)} ${'wall µs'.padStart(9)} ${'client CPU µs'.padStart(15)} ${'latency p50 ms'.padStart(16)}`,
      );
      for (const [name, runs] of Object.entries(get)) {
        const rates = runs.map(rps);
        const p = perRequest(runs);
        const range = `${int(Math.min(...rates))}–${int(Math.max(...rates))}`;
        const over = name === 'raw' ? 'baseline' : `${fixed(overheadOf(runs) * 100)}%`;
        console.log(
          `${name.padEnd(18)} ${int(median(rates)).padStart(9)}  ${range.padEnd(15)} ${over.padStart(10)} ${fixed(p.wallUs).padStart(9)} ${fixed(p.cpuUs).padStart(15)} ${fixed(p.p50Ms, 2).padStart(16)}`,
        );
      }
      const raw = perRequest(get.raw);
      const sdkP = perRequest(get.sdk);
      const overhead = overheadOf(get.sdk);
      const signed = (value, digits) => `${value >= 0 ? '+' : '−'}${fixed(Math.abs(value), digits)}`;
      console.log(
        `sdk over raw per request: ${signed(sdkP.wallUs - raw.wallUs)} µs wall, ${signed(sdkP.cpuUs - raw.cpuUs)} µs client CPU, ${signed(sdkP.p50Ms - raw.p50Ms, 2)} ms p50 latency`,
      );
      if (get['raw dispatch']) {
        const floor = perRequest(get['raw dispatch']);
        const overFloor = median(get.sdk.map((r, i) => 1 - rps(r) / rps(get['raw dispatch'][i])));
        console.log(
          `sdk over raw dispatch (diagnostic): ${fixed(overFloor * 100)}% throughput, ${signed(sdkP.cpuUs - floor.cpuUs)} µs client CPU per request`,
        );
      }
      console.log(
        `goal SDK overhead ≤ 10% at ${CONCURRENCY} concurrent: ${verdict(overhead <= 0.1)} (${fixed(overhead * 100)}%, median of per-round 1 − sdk req/s ÷ raw req/s)`,
      );
      console.log('');

      console.log(`POST /screening-batches/{id}/results, ${int(PER_REQUEST)} a request, idempotency keys`);
      for (const [name, runs] of Object.entries(up)) console.log(row(name, runs, 'results/s', PER_REQUEST));
      const upRatio = median(up.sdk.map((r, i) => rps(r) / rps(up.raw[i])));
      const sdkResults = median(up.sdk.map((r) => rps(r) * PER_REQUEST));
      console.log(`sdk/raw ${fixed(upRatio, 2)}× (median of per-round ratios)`);
      console.log(`goal ≥ 20,000 results/s through the SDK: ${verdict(sdkResults >= 20_000)} (${int(sdkResults)})`);
      return 0;
    } catch (error) {
      fail(error?.stack ?? String(error));
      return 1;
    }
  })();

  if (failures.length) {
    console.log(`FAILED: ${failures.join('\n  ')}`);
  }
  await Promise.all([sdk.close(), sdkDefault.close(), rawAgent.close(), sdkAgent.close()]);
  child.disconnect();
  process.exitCode = failures.length ? 1 : exitCode;
}
