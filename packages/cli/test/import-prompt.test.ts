import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DOWN, hasScript, inTerminal } from './in-terminal.ts';
import { runCli, scratch } from './run-cli.ts';

describe.skipIf(!hasScript)('triage import asks how to map columns at a terminal', () => {
  const s = scratch();
  const env = { TRIAGE_CONFIG_DIR: join(s.dir, 'config') };
  afterAll(() => s.done());
  const header = `学号,性别,年龄,${Array.from({ length: 20 }, (_, i) => `第${i + 1}题`).join(',')}`;
  const file = s.write('zung.csv', `${header}\r\n1001,男,15,${'1,'.repeat(19)}2\r\n1002,女,16,${'2,'.repeat(19)}1\r\n`);

  it('offers the instruments, confirms, saves the mapping, and the saved file works without questions', async () => {
    const run = await inTerminal(['import', file, '--out', join(s.dir, 'out')], env, [
      // SDS is the sixth instrument in the list: five steps down, select, submit.
      [/Which instruments/, `${DOWN.repeat(5)} \r`],
      [/Use this mapping\?/, '\r'],
      [/Save this mapping/, '\r'],
    ]);
    expect(run.answered).toBe(3);
    expect(run.code).toBe(0);
    expect(run.screen).toMatch(/fit several instruments/);
    expect(run.screen).toContain('2 rows read: 2 scored');
    const saved = join(s.dir, 'zung.map.yaml');
    expect(readFileSync(saved, 'utf8')).toContain('sds.20');
    const again = runCli(['import', file, '--map', saved, '--out', join(s.dir, 'again'), '--json'], env);
    expect(again.status).toBe(0);
    expect(JSON.parse(again.stdout).instruments).toEqual(['sds']);
  }, 60_000);

  it('a header that repeats (GAD-7 items all headed 得分): asked by position, saved by position, read back alike', async () => {
    const scored = s.write(
      'matrix.csv',
      `学号,姓名,${Array(7).fill('得分').join(',')}\r\n1001,Zhang San,0,1,2,3,0,1,2\r\n1002,Li Si,3,3,3,3,3,3,3\r\n`,
    );
    // GAD-7 is fourth in the list; item k is in column k + 2, the first offered: 学号 and 姓名 are never offered, nor
    // a column already given to an item.
    const items = [1, 2, 3, 4, 5, 6, 7].map((k): [RegExp, string] => [
      new RegExp(`Which column holds GAD-7 item ${k}\\?`),
      '\r',
    ]);
    const run = await inTerminal(['import', scored, '--out', join(s.dir, 'matrix')], env, [
      [/Which instruments/, `${DOWN.repeat(3)} \r`],
      ...items,
      [/Use this mapping\?/, '\r'],
      [/Save this mapping/, '\r'],
    ]);
    expect(run.answered, run.screen).toBe(10);
    expect(run.code).toBe(0);
    const saved = readFileSync(join(s.dir, 'matrix.map.yaml'), 'utf8');
    expect(saved).toContain('"column 3": gad-7.1');
    expect(saved).toContain('"column 9": gad-7.7');
    expect(saved).not.toContain('"得分"');
    const again = runCli(
      ['import', scored, '--map', join(s.dir, 'matrix.map.yaml'), '--out', join(s.dir, 'm2'), '--json'],
      env,
    );
    expect(again.status, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout).counts).toMatchObject({ rows: 2, scored: 2, rejected: 0 });
    const results = readFileSync(join(s.dir, 'm2', 'results.csv'), 'utf8');
    // 0+1+2+3+0+1+2 = 9 and 7 × 3 = 21: each item from its own column.
    expect(results).toMatch(/,9,mild,/);
    expect(results).toMatch(/,21,severe,/);
  }, 60_000);

  it('Ctrl-C at a question stops with exit 130 and says nothing was written, never an internal error', async () => {
    const run = await inTerminal(['import', file, '--out', join(s.dir, 'stopped')], env, [
      [/Which instruments/, '\u0003'],
    ]);
    expect(run.code).toBe(130);
    expect(run.screen).toContain('stopped at the mapping prompt (Ctrl-C or SIGTERM): nothing was read or written');
    expect(run.screen).not.toMatch(/internal error/i);
  }, 60_000);

  // QA round 21, 3: SIGTERM while a question waited was ignored; the prompt went on waiting for keys.
  it('SIGTERM at a question stops the same way (exit 130), never waits on', async () => {
    const term = s.write('term.csv', readFileSync(file));
    const run = await inTerminal(['import', term, '--out', join(s.dir, 'termed')], env, [
      [/Which instruments/, () => spawnSync('pkill', ['-TERM', '-f', `run.js import ${term}`])],
    ]);
    expect(run.code).toBe(130);
    expect(run.screen).toContain('stopped at the mapping prompt (Ctrl-C or SIGTERM): nothing was read or written');
    expect(existsSync(join(s.dir, 'termed'))).toBe(false);
  }, 60_000);

  // QA round 21, 8: the zh prompt spoke English in its key help (navigate, select, submit) and its answers (Yes/No).
  it('in Chinese: the key help and the yes/no answers are Chinese, 是 is an answer, and a wrong one is said in Chinese', async () => {
    const wjx = join(s.dir, 'wjx-phqa.csv');
    copyFileSync(fileURLToPath(new URL('../../../examples/screenings/wjx-phqa.csv', import.meta.url)), wjx);
    const run = await inTerminal(['import', wjx, '--out', join(s.dir, 'wjx'), '--lang', 'zh'], env, [
      // PHQ-A is second in the list.
      [/此文件包含哪些量表/, `${DOWN} \r`],
      [/使用此映射？/, '是\r'],
      [/以便下次使用？/, 'x\r'],
      [/请回答「是」或「否」/, '\u007f否\r'],
    ]);
    expect(run.answered, run.screen).toBe(4);
    expect(run.code).toBe(0);
    expect(run.screen).toContain('上下移动');
    expect(run.screen).toContain('确定');
    expect(run.screen).not.toMatch(/navigate|submit|Yes|\(Y\/n\)/);
    expect(run.screen).toContain('([是]/否)');
    expect(run.screen).toContain('读取 40 行：计分 40');
    expect(existsSync(join(s.dir, 'wjx-phqa.map.yaml'))).toBe(false);
  }, 60_000);

  it('--no-input never asks, even at a terminal', async () => {
    const run = await inTerminal(['import', file, '--out', join(s.dir, 'none'), '--no-input'], env, []);
    expect(run.code).toBe(1);
    expect(run.screen).not.toMatch(/Which instruments/);
    expect(run.screen).toMatch(/--instrument/);
  }, 60_000);
});
