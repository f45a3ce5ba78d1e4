import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { LOCK_FILE, lockOutDir } from './out-lock.ts';

// The folder made read-only (or removed) while importing: removing the lock fails. As root it never does, so the
// failure is made here, for the lock file only.
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  return {
    ...real,
    unlinkSync: (path: fs.PathLike) => {
      if (String(path).endsWith(`refused${'/'}${LOCK_FILE}`)) {
        throw Object.assign(new Error(`EACCES: permission denied, unlink '${path}'`), {
          code: 'EACCES',
          syscall: 'unlink',
          path: String(path),
        });
      }
      real.unlinkSync(path);
    },
  };
});

// QA round 24, 2: `finally { lock.release() }` threw EACCES from the unlink, which replaced the error that ended the
// import ("could not write … resume with …") by an internal error.
describe('OutLock.release when the lock cannot be removed', () => {
  const dir = fs.mkdtempSync(join(tmpdir(), 'triage-lock-release-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('never throws, and leaves the lock for the next import to take over', () => {
    const out = join(dir, 'refused');
    const result = lockOutDir(out, { pid: 1000, host: 'here', alive: () => false });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(() => result.lock.release({ removeFolder: true })).not.toThrow();
    expect(fs.existsSync(join(out, LOCK_FILE))).toBe(true);
    const next = lockOutDir(out, { pid: 2000, host: 'here', alive: () => false });
    expect(next.ok).toBe(true);
  });
});
