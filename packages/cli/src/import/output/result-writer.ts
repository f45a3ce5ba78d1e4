/**
 * The import's writer thread (built as dist/import-writer.mjs, started by `openResultOutput`): takes packed result
 * rows in order and writes them with the same code as the importing thread would, so the files are byte for byte
 * the same. It owns the files from the moment it starts; any failure is reported and ends the writing.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type PackedBatch, unpackRows } from './packed-rows.ts';
import { ResultFiles } from './result-files.ts';
import { LocalResultOutput, type WriterMessage, type WriterReply } from './result-output.ts';
import type { SharedText } from './row-text.ts';

const { dir, sizes, jsonRows } = workerData as {
  dir: string;
  sizes: Parameters<typeof ResultFiles.resume>[1];
  jsonRows: number;
};
const output = new LocalResultOutput(ResultFiles.resume(dir, sizes, jsonRows), dir);
const texts = new Map<number, SharedText>();
const reply = (message: WriterReply) => parentPort?.postMessage(message);
let failed = false;

// One message at a time, in order: a handler that waits (for the disk) holds back the ones after it.
let queue: Promise<void> = Promise.resolve();
parentPort?.on('message', (message: WriterMessage) => {
  queue = queue.then(() => handle(message));
});

async function handle(message: WriterMessage): Promise<void> {
  if (failed) return;
  try {
    switch (message.kind) {
      case 'batch':
        write(message.batch);
        await output.endBatch();
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
      // What the importing thread needs to tell a full disk from a bug (import-command.ts), never row data.
      error: {
        message: error.message,
        name: error.name,
        ...(error.code ? { code: error.code } : {}),
        ...(error.syscall ? { syscall: error.syscall } : {}),
        ...(error.path ? { path: error.path } : {}),
      },
    });
  }
}

function write(batch: PackedBatch): void {
  for (const row of unpackRows(batch, texts)) output.writeRow(row);
  for (const line of batch.rejections) output.writeRejection(line);
}
