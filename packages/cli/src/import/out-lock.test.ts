import { existsSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCK_FILE, type LockHolder, lockOutDir } from './out-lock.ts';

const dirs: string[] = [];
const folder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'triage-lock-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const me = { pid: 1000, host: 'here', now: () => new Date('2026-01-01T00:00:00Z') };
const other: LockHolder = { pid: 2000, host: 'here', started: '2025-12-31T23:00:00.000Z' };
const write = (dir: string, content: string) => writeFileSync(join(dir, LOCK_FILE), content);

describe('lockOutDir', () => {
  it.each([
    { case: 'a running import of this machine', holder: other, alive: true, refused: true },
    { case: 'an import of this machine that has ended', holder: other, alive: false, refused: false },
    {
      case: 'an import of another machine (its process cannot be checked)',
      holder: { ...other, host: 'there' },
      alive: false,
      refused: true,
    },
  ])('a lock held by $case: refused $refused', ({ holder, alive, refused }) => {
    const dir = folder();
    write(dir, JSON.stringify(holder));
    const result = lockOutDir(dir, { ...me, alive: () => alive });
    expect(result.ok).toBe(!refused);
    if (!result.ok) {
      expect(result.holder).toEqual(holder);
      return;
    }
    expect(result.tookOver).toEqual(holder);
    result.lock.release();
    expect(readdirSync(dir)).toEqual([]);
  });

  it.each([
    { case: 'just made (its import is writing it)', ageMs: 0, refused: true },
    { case: 'an hour old', ageMs: 3_600_000, refused: false },
  ])('an unreadable lock $case: refused $refused', ({ ageMs, refused }) => {
    const dir = folder();
    write(dir, '');
    const at = new Date(Date.now() - ageMs);
    utimesSync(join(dir, LOCK_FILE), at, at);
    const result = lockOutDir(dir, { ...me, alive: () => true });
    expect(result.ok).toBe(!refused);
  });

  it('a second lock of the same folder is refused while the first is held, and taken once it is released', () => {
    const dir = folder();
    const first = lockOutDir(dir, { ...me, alive: () => true });
    if (!first.ok) throw new Error('not locked');
    const second = lockOutDir(dir, { ...me, pid: 1001, alive: () => true });
    expect(second).toEqual({ ok: false, holder: { pid: 1000, host: 'here', started: '2026-01-01T00:00:00.000Z' } });
    first.lock.release();
    first.lock.release();
    const third = lockOutDir(dir, { ...me, pid: 1001, alive: () => true });
    expect(third.ok).toBe(true);
    if (third.ok) third.lock.release();
  });

  it('makes a missing folder and removes it on release when nothing else is in it', () => {
    const dir = join(folder(), 'a', 'b');
    const result = lockOutDir(dir, me);
    expect(existsSync(join(dir, LOCK_FILE))).toBe(true);
    if (result.ok) result.lock.release();
    expect(existsSync(dir)).toBe(false);
  });

  it('keeps a folder that existed, or that holds files, on release; removeFolder removes an emptied one', () => {
    const dir = folder();
    const kept = lockOutDir(dir, me);
    if (kept.ok) kept.lock.release();
    expect(existsSync(dir)).toBe(true);
    const emptied = lockOutDir(dir, me);
    if (emptied.ok) emptied.lock.release({ removeFolder: true });
    expect(existsSync(dir)).toBe(false);
    const made = join(folder(), 'made');
    const withFiles = lockOutDir(made, me);
    writeFileSync(join(made, 'results.csv'), '');
    if (withFiles.ok) withFiles.lock.release();
    expect(readdirSync(made)).toEqual(['results.csv']);
  });

  it('never removes a lock that another import holds by now', () => {
    const dir = folder();
    const result = lockOutDir(dir, me);
    write(dir, JSON.stringify(other));
    if (result.ok) result.lock.release();
    expect(readdirSync(dir)).toEqual([LOCK_FILE]);
  });

  it('throws the system error when the folder cannot be made (a file in its place)', () => {
    const file = join(folder(), 'file');
    writeFileSync(file, '');
    expect(() => lockOutDir(join(file, 'out'), me)).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
  });
});
