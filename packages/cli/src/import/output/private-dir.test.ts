import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makePrivateDirs } from './private-dir.ts';

describe('makePrivateDirs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'private-dir-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('makes every missing folder, each 0700, and accepts one that exists', () => {
    const deep = join(dir, 'a', 'b', 'c');
    makePrivateDirs(deep);
    makePrivateDirs(deep);
    for (const folder of [join(dir, 'a'), join(dir, 'a', 'b'), deep]) {
      expect(statSync(folder).isDirectory()).toBe(true);
      expect(statSync(folder).mode & 0o777).toBe(0o700);
    }
  });

  it('throws ENOTDIR when a file stands where a folder must be', () => {
    writeFileSync(join(dir, 'file'), '');
    expect(() => makePrivateDirs(join(dir, 'file', 'x'))).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
  });
});
