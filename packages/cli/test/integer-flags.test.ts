import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

const example = (path: string) => fileURLToPath(new URL(`../../../examples/${path}`, import.meta.url));
const hotline = ['simulate', 'hotline', '--scenario', example('simulate/city-line-5-seats.yaml')];
const cohort = ['simulate', 'cohort', '--input', example('simulate/school-cohort/school-420.csv')];

// oclif refuses these while parsing the command line; the message keeps its reason and the flag's range.
describe('integer flags oclif refuses', () => {
  it.each([
    [[...hotline, '--seed', '1.5'], 'en', '--seed 1.5: expected a whole number ≥ 0'],
    [[...hotline, '--seed', '-3'], 'en', '--seed -3: expected a whole number ≥ 0'],
    [[...hotline, '--replications', 'abc'], 'en', '--replications abc: expected a whole number ≥ 2'],
    [[...hotline, '--replications', '0'], 'en', '--replications 0: expected a whole number ≥ 2'],
    // One replication gives no confidence interval, which every KPI of the table is printed with.
    [[...hotline, '--replications', '1'], 'en', '--replications 1: expected a whole number ≥ 2'],
    [[...hotline, '--replications', '1'], 'zh', '--replications 1：应为不小于 2 的整数'],
    [[...hotline, '--replications', 'abc'], 'zh', '--replications abc：应为不小于 2 的整数'],
    [[...cohort, '--weeks', '0'], 'en', '--weeks 0: expected a whole number from 1 to 520'],
    [[...cohort, '--weeks', '600'], 'zh', '--weeks 600：应为 1 到 520 之间的整数'],
    [[...cohort, '--show', 'all'], 'en', '--show all: expected a whole number ≥ 0'],
    [['import', 'x.csv', '--min-cell', '2 3'], 'en', '--min-cell "2 3": expected a whole number ≥ 1'],
  ])('%j (%s)', (args, lang, message) => {
    const r = runCli([...args, '--lang', lang]);
    expect(r.status).toBe(2);
    const prefix = lang === 'zh' ? '错误：' : 'Error: ';
    expect(r.stderr).toBe(`${prefix}${message}\n`);
  });

  it('says the same under --json, with the usage code', () => {
    const r = runCli([...hotline, '--seed', '1.5', '--json']);
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stdout)).toEqual({
      error: { code: 'CLI_USAGE', exitCode: 2, message: '--seed 1.5: expected a whole number ≥ 0' },
    });
  });

  it('repeats at most the first 40 characters of the value', () => {
    const value = `1${'9'.repeat(60)}.5`;
    const r = runCli([...hotline, '--seed', value]);
    expect(r.stderr).toBe(`Error: --seed ${value.slice(0, 40)}…: expected a whole number ≥ 0\n`);
  });
});
