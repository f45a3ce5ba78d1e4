import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { writeFailure } from './import-failures.ts';
import { importMessages } from './messages.ts';

// A folder whose permission was taken away while importing (chmod 000): its journal cannot even be looked at. As root
// that never happens, so it is made here, for folders named `locked`.
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  const denied = (path: fs.PathLike) => String(path).includes(`${'/'}locked${'/'}`);
  const refuse = (path: fs.PathLike, syscall: string) =>
    Object.assign(new Error(`EACCES: permission denied, ${syscall} '${path}'`), {
      code: 'EACCES',
      syscall,
      path: String(path),
    });
  return {
    ...real,
    statSync: ((path: fs.PathLike, options?: fs.StatSyncOptions) => {
      if (denied(path)) throw refuse(path, 'stat');
      return real.statSync(path, options);
    }) as typeof real.statSync,
    readFileSync: ((path: fs.PathOrFileDescriptor, options?: unknown) => {
      if (typeof path !== 'number' && denied(path as fs.PathLike)) throw refuse(path as fs.PathLike, 'open');
      return real.readFileSync(path, options as never);
    }) as typeof real.readFileSync,
  };
});

const errno = (code: string, syscall: string, path: string) =>
  Object.assign(new Error(`${code}: ${syscall}`), { code, syscall, path });

// QA round 24, 4: a permission error said "make room" (the disk-full advice) and "run the same command again",
// though a checkpoint was saved and --resume went on.
describe('writeFailure: what to do, by what failed', () => {
  const dir = fs.mkdtempSync(join(tmpdir(), 'triage-write-failure-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const argv = ['import', 'class.csv'];

  it.each([
    ['EACCES', 'give yourself permission to write in that folder', '给自己该文件夹的写入权限'],
    ['EROFS', 'make the disk writable', '让磁盘可写'],
    ['ENOSPC', 'make room', '腾出空间'],
  ])('%s: says what to do about it', (code, en, zh) => {
    const out = join(dir, 'out');
    const error = errno(code, 'write', join(out, 'results.csv.partial'));
    expect(writeFailure(error, argv, out, importMessages('en'))?.message).toContain(`; ${en}, then run the same`);
    expect(writeFailure(error, argv, out, importMessages('zh'))?.message).toContain(`；${zh}后重新运行同一命令`);
  });

  it('a folder that cannot be looked into now: --resume, which says when nothing was saved', () => {
    const out = join(dir, 'locked');
    const error = errno('EACCES', 'open', join(out, 'results.csv.partial'));
    const message = writeFailure(error, argv, out, importMessages('en'))?.message;
    expect(message).toContain(`give yourself permission to write in that folder, then resume with: `);
    expect(message).toContain(`import class.csv --out ${out} --resume`);
  });
});
