import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inputFailure } from './import-failures.ts';
import { writeJournal } from './journal.ts';
import { importMessages } from './messages.ts';

/** An error as Node's fs gives it. */
const errno = (code: string, syscall: string, path?: string) =>
  Object.assign(new Error(`${code}: ${syscall}`), { code, syscall, ...(path === undefined ? {} : { path }) });

describe('inputFailure: the input failing part way through reading', () => {
  const dir = mkdtempSync(join(tmpdir(), 'triage-input-failure-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const argv = ['import', 'class.csv'];

  it.each([
    [
      'en',
      'class.csv: reading it failed part way (EIO: a disk or network error, or the drive was removed)',
      'run the same command again',
    ],
    ['zh', 'class.csv：读取中途失败（EIO：磁盘或网络出错，或移动存储已拔出）', '重新运行同一命令'],
  ] as const)(
    'says a read error of the input plainly (%s), exit 1, and to run again when nothing was saved',
    (lang, says, next) => {
      const failure = inputFailure(errno('EIO', 'read'), argv, 'class.csv', join(dir, 'none'), importMessages(lang));
      expect(failure).toMatchObject({ code: 'CLI_FILE_UNREADABLE', exitCode: 1 });
      expect(failure?.message).toContain(says);
      expect(failure?.message).toContain(next);
    },
  );

  it('says how to resume when a checkpoint was saved before the read failed', () => {
    const out = join(dir, 'saved');
    mkdirSync(out);
    writeJournal(out, {
      version: 1,
      status: 'running',
      input: { file: 'class.csv', size: 10, sha256: 'x' },
      options: 'o',
      records: 50_000,
      jsonRows: 49_990,
      sizes: { results: 1, json: 1, errors: 1 },
    });
    const failure = inputFailure(errno('EIO', 'read'), argv, 'class.csv', out, importMessages('en'));
    expect(failure?.message).toContain(`resume with: triage import class.csv --out ${out} --resume`);
  });

  it.each([
    ['a write', errno('EIO', 'write')],
    ['a read of a file in the output folder', errno('EIO', 'read', join(dir, 'out', 'results.csv.partial'))],
    ['no system error', new Error('boom')],
  ])('leaves %s to the other checks', (_, error) => {
    expect(inputFailure(error, argv, 'class.csv', join(dir, 'out'), importMessages('en'))).toBeUndefined();
  });
});
