/**
 * The import's writer thread (built as dist/import-writer.mjs, started by `openResultOutput`): takes packed result
 * rows in order and writes them with the same code as the importing thread would, so the files are byte for byte
 * the same. It owns the files from the moment it starts; any failure is reported and ends the writing.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ResultFiles } from './result-files.ts';
import { LocalResultOutput, type PackedBatch, type WriterMessage, type WriterReply } from './result-output.ts';
import { type RowPart, type RowText, SharedText } from './row-text.ts';

const { dir, sizes, jsonRows } = workerData as {
  dir: string;
  sizes: Parameters<typeof ResultFiles.resume>[1];
  jsonRows: number;
};
const output = new LocalResultOutput(ResultFiles.resume(dir, sizes, jsonRows), dir);
const texts = new Map<number, SharedText>();
const reply = (message: WriterReply) => parentPort?.postMessage(message);
let failed = false;

parentPort?.on('message', async (message: WriterMessage) => {
  if (failed) return;
  try {
    switch (message.kind) {
      case 'batch':
        write(message.batch);
        reply({ kind: 'written' });
        break;
      case 'checkpoint':
        await output.checkpoint(message.journal);
        break;
      case 'suspend':
        await output.suspend(message.journal);
        reply({ kind: 'done' });
        break;
      case 'complete':
        await output.complete(message.decisions, message.summary, message.journal);
        reply({ kind: 'done' });
        break;
    }
  } catch (cause) {
    failed = true;
    const error = cause as NodeJS.ErrnoException;
    reply({
      kind: 'failed',
      error: { message: error.message, name: error.name, ...(error.code ? { code: error.code } : {}) },
    });
  }
});

/** Unpacks a batch (see `PackedBatch`) row by row. */
function write(batch: PackedBatch): void {
  if (batch.reset) texts.clear();
  for (const { id, text } of batch.texts) texts.set(id, new SharedText(text, id));
  const { ints, strings } = batch;
  const shared = (id: number) => texts.get(id) as SharedText;
  let i = 0;
  let s = 0;
  while (i < ints.length) {
    const hasSheet = ints[i++] === 1;
    const line = ints[i++] as number;
    const person = { csv: shared(ints[i++] as number), json: shared(ints[i++] as number) };
    const decision = {
      csv: shared(ints[i++] as number),
      reasons: shared(ints[i++] as number),
      json: shared(ints[i++] as number),
    };
    const count = ints[i++] as number;
    const sheet = hasSheet ? (strings[s++] as string) : undefined;
    const student = strings[s++] as string | null;
    const duplicateOf = strings[s++] as string | null;
    const scores: { csv: RowPart; json: RowPart }[] = [];
    for (let n = 0; n < count; n++) {
      const part = (): RowPart => {
        const id = ints[i++] as number;
        return id < 0 ? (strings[s++] as string) : shared(id);
      };
      const csv = part();
      scores.push({ csv, json: part() });
    }
    const row: RowText = { sheet, line, student, duplicateOf, person, scores, decision };
    output.writeRow(row);
  }
  for (const line of batch.rejections) output.writeRejection(line);
}
