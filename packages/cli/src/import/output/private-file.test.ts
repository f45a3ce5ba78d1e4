import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PRIVATE_MODE, PrivateFile, writePrivateFile } from './private-file.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'private-file-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const modeOf = (path: string) => statSync(path).mode & 0o777;
// Permission bits mean nothing on Windows.
const posix = process.platform !== 'win32';

describe('PrivateFile.create', () => {
  it.runIf(posix)('creates the file with mode 0600 whatever the umask', () => {
    const path = join(dir, 'results.csv');
    const old = process.umask(0o000);
    try {
      PrivateFile.create(path).close();
    } finally {
      process.umask(old);
    }
    expect(modeOf(path)).toBe(PRIVATE_MODE);
  });

  it.runIf(posix)('tightens a file that existed with 0644, and empties it', () => {
    const path = join(dir, 'results.csv');
    writeFileSync(path, 'old content');
    chmodSync(path, 0o644);
    const file = PrivateFile.create(path);
    file.write('new');
    file.close();
    expect(modeOf(path)).toBe(PRIVATE_MODE);
    expect(readFileSync(path, 'utf8')).toBe('new');
  });

  it('counts bytes, not characters, of multi-byte text', () => {
    const path = join(dir, 'results.csv');
    const file = PrivateFile.create(path);
    const chunks = ['\uFEFF学号,姓名\r\n', 'S1,张三\r\n', '😀', 'é'];
    for (const chunk of chunks) file.write(chunk);
    const expected = Buffer.byteLength(chunks.join(''), 'utf8');
    expect(file.bytes).toBe(expected);
    file.close();
    expect(statSync(path).size).toBe(expected);
    expect(readFileSync(path, 'utf8')).toBe(chunks.join(''));
  });

  it('counts bytes exactly for any text, in any chunks, across flushes', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 40 }), { maxLength: 20 }), (chunks) => {
        const path = join(dir, 'prop.csv');
        const file = PrivateFile.create(path);
        let expected = 0;
        for (const [i, chunk] of chunks.entries()) {
          file.write(chunk);
          expected += Buffer.byteLength(chunk, 'utf8');
          if (i % 3 === 0) expect(file.bytes).toBe(expected);
        }
        file.close();
        expect(statSync(path).size).toBe(expected);
        expect(readFileSync(path, 'utf8')).toBe(chunks.join(''));
      }),
      { numRuns: 50 },
    );
  });

  it('writes text and ready-made bytes mixed, in order, of any size, across flushes', () => {
    // Short ASCII takes the byte-by-byte path, short text with a non-ASCII character the encoder; bytes up to and
    // past the 64 KiB buffer are copied in or written through.
    const piece = fc.oneof(
      fc.string({ unit: 'grapheme-ascii', maxLength: 70 }).map((t) => ({ text: t })),
      fc.string({ unit: 'grapheme', maxLength: 70 }).map((t) => ({ text: t })),
      fc.string({ unit: 'grapheme', maxLength: 30 }).map((t) => ({ bytes: Buffer.from(t) })),
      fc.integer({ min: 60_000, max: 140_000 }).map((n) => ({ bytes: Buffer.alloc(n, 0x61 + (n % 26)) })),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const path = join(dir, 'mixed.csv');
        const file = PrivateFile.create(path);
        const expected: Buffer[] = [];
        for (const p of pieces) {
          if ('text' in p) {
            file.write(p.text);
            expected.push(Buffer.from(p.text));
          } else {
            file.writeBytes(p.bytes);
            expected.push(Buffer.from(p.bytes));
          }
        }
        const all = Buffer.concat(expected);
        expect(file.bytes).toBe(all.length);
        file.close();
        expect(readFileSync(path).equals(all)).toBe(true);
      }),
      { numRuns: 60, seed: 11 },
    );
  });

  it('flushes on its own past 1 MiB of pending text', () => {
    const path = join(dir, 'big.csv');
    const file = PrivateFile.create(path);
    const line = `${'题'.repeat(1023)}\n`;
    for (let i = 0; i < 1100; i++) file.write(line);
    // Written without asking: the buffer does not grow without bound.
    expect(statSync(path).size).toBeGreaterThan(0);
    expect(file.bytes).toBe(Buffer.byteLength(line) * 1100);
    file.close();
    expect(statSync(path).size).toBe(Buffer.byteLength(line) * 1100);
  });
});

describe('PrivateFile.resume', () => {
  it('cuts the file back to the checkpoint length and writes on from there', () => {
    const path = join(dir, 'results.csv');
    const first = PrivateFile.create(path);
    first.write('学号,分数\r\nS1,3\r\n');
    const checkpoint = first.bytes;
    first.write('S2,half a line written before the cra');
    first.close();

    const resumed = PrivateFile.resume(path, checkpoint);
    expect(resumed.bytes).toBe(checkpoint);
    resumed.write('S2,5\r\n');
    expect(resumed.bytes).toBe(checkpoint + Buffer.byteLength('S2,5\r\n'));
    resumed.close();
    expect(readFileSync(path, 'utf8')).toBe('学号,分数\r\nS1,3\r\nS2,5\r\n');
  });

  it('keeps the whole file when the checkpoint is its length', () => {
    const path = join(dir, 'results.csv');
    writeFileSync(path, 'abc');
    const file = PrivateFile.resume(path, 3);
    file.write('d');
    file.close();
    expect(readFileSync(path, 'utf8')).toBe('abcd');
  });

  it.runIf(posix)('tightens the mode of the file it resumes', () => {
    const path = join(dir, 'results.csv');
    writeFileSync(path, 'abc');
    chmodSync(path, 0o644);
    PrivateFile.resume(path, 1).close();
    expect(modeOf(path)).toBe(PRIVATE_MODE);
    expect(readFileSync(path, 'utf8')).toBe('a');
  });

  it('throws when the file is shorter than its checkpoint, and leaves it alone', () => {
    const path = join(dir, 'results.csv');
    writeFileSync(path, 'abc');
    expect(() => PrivateFile.resume(path, 4)).toThrow(/shorter than its checkpoint/);
    expect(readFileSync(path, 'utf8')).toBe('abc');
  });

  it('throws when the file is gone', () => {
    expect(() => PrivateFile.resume(join(dir, 'missing.csv'), 0)).toThrow(/ENOENT/);
  });
});

describe('writePrivateFile', () => {
  it.runIf(posix)('writes the whole content with mode 0600 and leaves no .tmp behind', () => {
    const path = join(dir, 'report.html');
    writePrivateFile(path, '<p>报告</p>\n');
    expect(readFileSync(path, 'utf8')).toBe('<p>报告</p>\n');
    expect(modeOf(path)).toBe(PRIVATE_MODE);
    expect(readdirSync(dir)).toEqual(['report.html']);
  });

  it.runIf(posix)('replaces an old 0644 file and a stale .tmp from an earlier crash', () => {
    const path = join(dir, 'journal.json');
    writeFileSync(path, 'old');
    chmodSync(path, 0o644);
    writeFileSync(`${path}.tmp`, 'stale half-written journal');
    chmodSync(`${path}.tmp`, 0o644);
    writePrivateFile(path, '{"version":1}\n');
    expect(readFileSync(path, 'utf8')).toBe('{"version":1}\n');
    expect(modeOf(path)).toBe(PRIVATE_MODE);
    expect(readdirSync(dir)).toEqual(['journal.json']);
  });

  it('writes empty content as an empty file', () => {
    const path = join(dir, 'empty.txt');
    writePrivateFile(path, '');
    expect(statSync(path).size).toBe(0);
  });
});
