import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { readJournal } from '../read-journal.ts';
import { type PackedBatch, unpackRows } from './packed-rows.ts';
import { OUTPUT_FILES, ResultFiles } from './result-files.ts';
import { type JournalDraft, LocalResultOutput, ThreadedResultOutput } from './result-output.ts';
import { type RowText, SharedText } from './row-text.ts';
import { writtenText } from './written-text.ts';

/** The limits of result-output.ts, read from its source so the tests follow them if they change. */
function constant(name: string): number {
  const source = readFileSync(new URL('./result-output.ts', import.meta.url), 'utf8');
  const match = new RegExp(`const ${name} = ([\\d_]+);`).exec(source);
  if (!match?.[1]) throw new Error(`${name} not found in result-output.ts`);
  return Number(match[1].replaceAll('_', ''));
}
const MAX_IN_FLIGHT = constant('MAX_IN_FLIGHT');
const MAX_HELD_TEXTS = constant('MAX_HELD_TEXTS');

const draft: JournalDraft = { input: { file: 'x.csv', size: 1, sha256: 'ab' }, options: 'opts', records: 1 };

/** Texts every test row shares, as a screening's rows share person cells, results and decisions. */
const common = {
  person: { csv: new SharedText(',F,15,初二,8-2,'), json: new SharedText('{"sex":"F"},"scores":{') },
  decision: {
    csv: new SharedText(',R1,low,,,,false'),
    reasons: new SharedText(',\r\n'),
    json: new SharedText('},"decision":"d1","duplicateOf":'),
  },
  score: new SharedText('"phq-a":{"total":3}'),
};

function row(line: number, overrides: Partial<RowText> = {}): RowText {
  return {
    sheet: undefined,
    line,
    student: `S${line}`,
    duplicateOf: null,
    person: common.person,
    scores: [{ csv: `,${line % 28}`, json: common.score }],
    decision: common.decision,
    ...overrides,
  };
}

const workers: Worker[] = [];
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.terminate()));
});

/** A real writer thread running `code` (CommonJS; `parentPort` in scope), and the output that hands rows to it. */
function writer(code: string): { worker: Worker; output: ThreadedResultOutput; exited: Promise<number> } {
  const worker = new Worker(`const { parentPort } = require('node:worker_threads');\n${code}`, { eval: true });
  workers.push(worker);
  // Listeners registered after the output's own: when they run, the output has seen the event.
  const output = new ThreadedResultOutput(worker);
  const exited = new Promise<number>((resolve) => worker.once('exit', resolve));
  return { worker, output, exited };
}

/** The next message from the worker, once the output has handled it. */
const nextMessage = (worker: Worker) => new Promise<unknown>((resolve) => worker.once('message', resolve));

/** Whether a promise settles within `ms` (answers as soon as it does). */
async function settledWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const settled = promise.then(
    () => true,
    () => true,
  );
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([settled, late]);
  } finally {
    clearTimeout(timer);
  }
}

describe('ThreadedResultOutput with a real writer thread', () => {
  it('a writer that exits after its first message: every later call rejects saying it stopped, none hangs', async () => {
    const { output, exited } = writer(`parentPort.once('message', () => process.exit(3));`);
    output.writeRow(row(2));
    await output.endBatch();
    expect(await exited).toBe(3);
    const stopped = 'the import writer stopped (exit code 3)';
    await expect(output.endBatch()).rejects.toThrow(stopped);
    output.writeRow(row(3));
    output.writeRejection('4,IMPORT_AGE_INVALID,age,bad age,false\r\n');
    await expect(output.endBatch()).rejects.toThrow(stopped);
    await expect(output.checkpoint(draft)).rejects.toThrow(stopped);
    await expect(output.suspend(draft)).rejects.toThrow(stopped);
    await expect(output.complete([{ id: 'd1', json: '{}' }], {}, draft)).rejects.toThrow(stopped);
    // What run-import does after a failure: resolves at once, the thread being gone already.
    await output.abort();
  }, 10_000);

  it('complete() sent before the writer is seen to stop rejects once it stops, and does not hang', async () => {
    const { output } = writer(`parentPort.once('message', () => process.exit(3));`);
    output.writeRow(row(2));
    await expect(output.complete([], { rows: 1 }, draft)).rejects.toThrow('the import writer stopped (exit code 3)');
  }, 10_000);

  it('an endBatch waiting on a full queue rejects when the writer stops, and does not hang', async () => {
    // Takes batches without writing them, and stops at the one that would make the reader wait.
    const { output } = writer(
      `let n = 0; parentPort.on('message', () => { if (++n > ${MAX_IN_FLIGHT}) process.exit(5); });`,
    );
    for (let i = 0; i < MAX_IN_FLIGHT; i++) {
      output.writeRow(row(i + 2));
      await output.endBatch();
    }
    output.writeRow(row(100));
    await expect(output.endBatch()).rejects.toThrow('the import writer stopped (exit code 5)');
  }, 10_000);

  it('a writer that reports a failed write: the next call rejects with its message and code', async () => {
    // Says the first batch failed, then ignores everything (as result-writer.ts does), staying alive.
    const { worker, output, exited } = writer(`
      let failed = false;
      parentPort.on('message', () => {
        if (failed) return;
        failed = true;
        parentPort.postMessage({
          kind: 'failed',
          error: { message: 'ENOSPC: no space left on device', code: 'ENOSPC' },
        });
      });`);
    output.writeRow(row(2));
    const reply = nextMessage(worker);
    await output.endBatch();
    await reply;
    const failure = await output.endBatch().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(Error);
    expect(failure).toMatchObject({ message: 'ENOSPC: no space left on device', code: 'ENOSPC' });
    await expect(output.checkpoint(draft)).rejects.toMatchObject({ code: 'ENOSPC' });
    await expect(output.complete([], {}, draft)).rejects.toMatchObject({ code: 'ENOSPC' });
    // The thread is still there (it only replied): abort ends it, as run-import does after any failure.
    expect(worker.threadId).toBeGreaterThan(0);
    await output.abort();
    expect(await exited).toBe(1);
  }, 10_000);

  it('a failed write reported while complete() waits rejects complete() with it', async () => {
    const { output } = writer(`
      parentPort.on('message', (m) =>
        parentPort.postMessage(
          m.kind === 'complete'
            ? { kind: 'failed', error: { message: 'EIO: i/o error, write', code: 'EIO', name: 'Error' } }
            : { kind: 'written' },
        ),
      );`);
    output.writeRow(row(2));
    await output.endBatch();
    output.writeRow(row(3));
    await expect(output.complete([{ id: 'd1', json: '{}' }], {}, draft)).rejects.toMatchObject({
      message: 'EIO: i/o error, write',
      code: 'EIO',
    });
    await output.abort();
  }, 10_000);

  it('a writer that throws an uncaught error: the next call rejects with that error', async () => {
    const { output, exited } = writer(
      `parentPort.once('message', () => { throw new RangeError('the writer broke'); });`,
    );
    output.writeRow(row(2));
    await output.endBatch();
    expect(await exited).toBe(1);
    // The error itself, not the exit that follows it.
    await expect(output.endBatch()).rejects.toThrow('the writer broke');
    await expect(output.checkpoint(draft)).rejects.toThrow('the writer broke');
    await expect(output.complete([], {}, draft)).rejects.toThrow('the writer broke');
  }, 10_000);

  it(`backpressure: past ${MAX_IN_FLIGHT} batches in flight endBatch waits, and goes on as soon as one is written`, async () => {
    // Writes nothing until told to; then says one batch is written.
    const { worker, output } = writer(`
      parentPort.on('message', (m) => { if (m.kind === 'release') parentPort.postMessage({ kind: 'written' }); });`);
    for (let i = 0; i < MAX_IN_FLIGHT; i++) {
      output.writeRow(row(i + 2));
      await output.endBatch();
    }
    // Nothing new: nothing handed on, no waiting.
    await output.endBatch();
    output.writeRow(row(50));
    const waiting = output.endBatch();
    expect(await settledWithin(waiting, 300)).toBe(false);
    worker.postMessage({ kind: 'release' });
    expect(await settledWithin(waiting, 2000)).toBe(true);
    await waiting;
    // Still at the limit: the next batch waits again, for exactly one more written batch.
    output.writeRejection('51,IMPORT_AGE_INVALID,age,bad age,false\r\n');
    const again = output.endBatch();
    expect(await settledWithin(again, 300)).toBe(false);
    worker.postMessage({ kind: 'release' });
    await again;
  }, 10_000);

  it('abort() terminates the writer thread: its exit event fires and it holds nothing open', async () => {
    // A thread that would run forever: a listener and a timer.
    const { worker, output, exited } = writer(`parentPort.on('message', () => {}); setInterval(() => {}, 1000);`);
    await new Promise((resolve) => worker.once('online', resolve));
    output.writeRow(row(2));
    await output.endBatch();
    await output.abort();
    expect(await exited).toBe(1);
    expect(worker.threadId).toBe(-1);
    // Nothing more goes to a stopped writer.
    output.writeRow(row(3));
    await expect(output.endBatch()).rejects.toThrow('the import writer was stopped');
  }, 10_000);

  it('abort() ends a call still waiting for the writer (a full queue) instead of leaving it pending', async () => {
    const { output, exited } = writer(`parentPort.on('message', () => {});`);
    for (let i = 0; i < MAX_IN_FLIGHT; i++) {
      output.writeRow(row(i + 2));
      await output.endBatch();
    }
    output.writeRow(row(50));
    const waiting = output.endBatch();
    expect(await settledWithin(waiting, 300)).toBe(false);
    await output.abort();
    await expect(waiting).rejects.toThrow('the import writer was stopped');
    expect(await exited).toBe(1);
  }, 10_000);

  it('rows reach the thread in order, each shared text once, forgotten and sent again past the texts it keeps', async () => {
    // Sends every batch back as it got it (the numbers were transferred, not copied).
    const { worker, output } = writer(
      `parentPort.on('message', (m) => parentPort.postMessage({ kind: 'written', batch: m.batch }));`,
    );
    const batches: PackedBatch[] = [];
    worker.on('message', (reply: { batch?: PackedBatch }) => {
      if (reply.batch) batches.push(reply.batch);
    });
    const sent: RowText[][] = [];
    const send = async (rows: RowText[], rejections: string[] = []) => {
      for (const r of rows) output.writeRow(r);
      for (const line of rejections) output.writeRejection(line);
      sent.push(rows);
      const back = nextMessage(worker);
      await output.endBatch();
      await back;
    };
    await send([row(2), row(3, { sheet: '初一(1)班', student: null, duplicateOf: '初一(1)班:2' })], ['4,X\r\n']);
    await send([row(5)]);
    // More new texts than the thread keeps: the batch after them tells it to forget, and sends again what it uses.
    const own = (i: number) => new SharedText(`,own ${i}`);
    const many = Array.from({ length: Math.ceil(MAX_HELD_TEXTS / 5) }, (_, i) =>
      row(10 + i, { person: { csv: own(i), json: own(i) }, decision: { csv: own(i), reasons: own(i), json: own(i) } }),
    );
    await send(many);
    await send([row(6)]);

    expect(batches).toHaveLength(4);
    const held = new Map<number, SharedText>();
    batches.forEach((batch, i) => {
      expect([...unpackRows(batch, held)].map(writtenText)).toEqual((sent[i] ?? []).map(writtenText));
    });
    const [first, second, third, fourth] = batches;
    expect(first?.rejections).toEqual(['4,X\r\n']);
    expect(first?.texts).toHaveLength(6); // the six texts of `common`
    expect(second?.texts).toEqual([]);
    expect(third?.reset).toBe(false);
    expect(fourth?.reset).toBe(true);
    expect(fourth?.texts.map((t) => t.id).sort()).toEqual(first?.texts.map((t) => t.id).sort());
  }, 20_000);
});

describe('LocalResultOutput checkpoints', () => {
  const layout = { instruments: [], sheets: false, pseudonymize: false, sourceHeader: ['id'] };
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('record what was written at the call, though rows written after it reach the file before the journal', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'triage-checkpoint-'));
    dirs.push(dir);
    const output = new LocalResultOutput(ResultFiles.create(dir, layout, {}), dir);
    const json = join(dir, `${OUTPUT_FILES.json}.partial`);
    const expected: { records: number; jsonRows: number; json: number }[] = [];
    const got: (typeof expected)[number][] = [];
    let line = 2;
    for (const rows of [50, 3000, 1]) {
      for (const end = line + rows; line < end; line++) output.writeRow(row(line));
      await output.checkpoint({ ...draft, records: line - 1 });
      // Flushed at the call: the file's size now is what the journal must say, whatever comes after.
      expected.push({ records: line - 1, jsonRows: line - 2, json: statSync(json).size });
      for (const end = line + 2000; line < end; line++) output.writeRow(row(line));
      await output.abort(); // waits for the checkpoints under way, files open
      const journal = readJournal(dir);
      expect(journal?.status).toBe('running');
      got.push({ records: journal?.records ?? -1, jsonRows: journal?.jsonRows ?? -1, json: journal?.sizes.json ?? -1 });
    }
    expect(got).toEqual(expected);
    await output.suspend({ ...draft, records: line - 1 });
    expect(readJournal(dir)).toMatchObject({ status: 'interrupted', records: line - 1, jsonRows: line - 2 });
  });
});
