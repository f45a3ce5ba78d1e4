import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, scratch } from './run-cli.ts';

// PHQ-A + GAD-7, synthetic.
const screening = fileURLToPath(new URL('../../../examples/screenings/class-40.en.csv', import.meta.url));

const s = scratch();
const env = { TRIAGE_CONFIG_DIR: join(s.dir, 'config') };
afterAll(() => s.done());

const rule = (id: string, when: string, then: string) =>
  [
    `  - id: ${id}`,
    `    description: { zh: ${id}, en: ${id} }`,
    '    source: local policy',
    `    when: ${when}`,
    `    then: ${then}`,
  ].join('\n');
const ruleFile = (name: string, rules: readonly string[]) =>
  s.write(
    name,
    [
      'id: school',
      'version: "1"',
      'name: { zh: 学校规则, en: school rules }',
      'unknownCritical: { level: R3, source: local policy }',
      'rules:',
      ...rules,
      '',
    ].join('\n'),
  );

/** Written for PHQ-9: reads nothing of a PHQ-A + GAD-7 screening (QA round 8, finding 1). */
const phq9Only = ruleFile('phq9-only.yaml', [
  rule('phq9-item9', '{ fact: scales.phq-9.flags.self-harm-thoughts, eq: positive }', '{ level: R3 }'),
  rule('phq9-high', '{ fact: scales.phq-9.total, gte: 10 }', '{ level: R2 }'),
  rule('phq9-low', '{ fact: scales.phq-9.total, lt: 10 }', '{ level: R0, noAction: true }'),
]);
/** Reads the PHQ-A total only: GAD-7 and the PHQ-A critical items reach no rule. */
const phqaTotal = ruleFile('phqa-total.yaml', [
  rule('phqa-high', '{ fact: scales.phq-a.total, gte: 10 }', '{ level: R2 }'),
  rule('phqa-low', '{ fact: scales.phq-a.total, lt: 10 }', '{ level: R0, noAction: true }'),
]);

describe('triage import --rules: a rule set that misses the instruments of the file', () => {
  it('reads none of them: an error naming them and what the set reads (exit 2), before anything is written', () => {
    const out = join(s.dir, 'none');
    const r = runCli(['import', screening, '--rules', phq9Only, '--out', out], env);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(
      'rule set school reads none of the instruments in the file (PHQ-A, GAD-7): no student would get a level from them. It reads PHQ-9.',
    );
    expect(existsSync(out)).toBe(false);
    const json = JSON.parse(runCli(['import', screening, '--rules', phq9Only, '--dry-run', '--json'], env).stdout);
    expect(json.error).toMatchObject({ code: 'CLI_RULES_MISMATCH', exitCode: 2 });
    const zh = runCli(['import', screening, '--rules', phq9Only, '--dry-run', '--lang', 'zh'], env);
    expect(zh.stderr).toContain('规则集 school 不读取文件中的任何量表（PHQ-A、GAD-7）');
  });

  it('reads some: a warning for each instrument and critical item it never reads, in the summary too', () => {
    const r = runCli(['import', screening, '--rules', phqaTotal, '--dry-run'], env);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('Warning: rule set school reads nothing of GAD-7');
    expect(r.stderr).toContain(
      'Warning: rule set school does not read a positive PHQ-A critical item (item 9: thoughts of death or self-harm; supplement c:',
    );
    const json = JSON.parse(runCli(['import', screening, '--rules', phqaTotal, '--dry-run', '--json'], env).stdout);
    expect(json.warnings.filter((w: string) => w.startsWith('rule set school'))).toHaveLength(2);
    const zh = runCli(['import', screening, '--rules', phqaTotal, '--dry-run', '--lang', 'zh'], env);
    expect(zh.stderr).toContain('注意：规则集 school 不读取 GAD-7 的任何结果');
    expect(zh.stderr).toContain('注意：规则集 school 不读取 PHQ-A 危机条目的阳性结果（第9题：死亡或自伤念头；');
  });

  it('the default rule set reads both: no such warning', () => {
    const r = runCli(['import', screening, '--dry-run'], env);
    expect(r.status).toBe(0);
    expect(r.stderr).not.toContain('rule set');
  });

  it('the default rule set is never refused: on RCADS-25, which it has no rule for, it warns and imports', () => {
    const dir = join(s.dir, 'rcads');
    expect(runCli(['import', 'template', 'rcads-25', '--out', dir], env).status).toBe(0);
    const csv = join(dir, 'template-rcads-25.csv');
    appendFileSync(csv, `1001,x,female,14,8,8-1,${Array(25).fill(0).join(',')}\r\n`);
    const r = runCli(['import', csv, '--dry-run'], env);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('Warning: rule set default reads nothing of RCADS-25');
  });
});

describe('triage simulate cohort --rules / --compare: the same check', () => {
  const cohort = (...args: string[]) =>
    runCli(['simulate', 'cohort', '--input', screening, '--start', '2026-09-01', '--weeks', '2', ...args], env);

  it('refuses a set that reads none of the instruments (exit 2), as --rules and as --compare', () => {
    for (const args of [
      ['--rules', phq9Only],
      ['--compare', phq9Only],
    ]) {
      const r = cohort(...args);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('rule set school reads none of the instruments in the file (PHQ-A, GAD-7)');
    }
  });

  it('refuses such a set once the header is mapped, before a row is read (as triage import does)', () => {
    const run = (file: string, ...args: string[]) =>
      runCli(['simulate', 'cohort', '--input', file, '--start', '2026-09-01', '--rules', phq9Only, ...args], env);
    // A header and no student: the rules are what is wrong, not the missing rows.
    const [header = ''] = readFileSync(screening, 'utf8').split('\r\n');
    const headerOnly = s.write('header-only.csv', `${header}\r\n`);
    const none = run(headerOnly, '--json');
    expect(none.status).toBe(2);
    expect(JSON.parse(none.stdout).error).toMatchObject({ code: 'CLI_RULES_MISMATCH', exitCode: 2 });
    // 60,000 UTF-8 rows, then a class's GB18030 rows pasted under them: reading would stop at line 60,002, which the
    // check comes before (it came after the whole file, so the encoding error was said instead).
    const row = (id: number, name: string) => `${id},${name},1,1,1,1,1,1,1,1,0,0,0\n`;
    const rows = Array.from({ length: 60_000 }, (_, i) => row(700000000000 + i, '张三')).join('');
    const head = '学号,姓名,PHQA1,PHQA2,PHQA3,PHQA4,PHQA5,PHQA6,PHQA7,PHQA8,PHQA9,PHQA_c,PHQA_d\n';
    const long = s.write(
      'long-then-gb.csv',
      Buffer.concat([Buffer.from(head + rows), iconv.encode(row(700000099999, '李四').repeat(10), 'gb18030')]),
    );
    const damaged = run(long);
    expect(damaged.status).toBe(2);
    expect(damaged.stderr).toContain('rule set school reads none of the instruments in the file (PHQ-A)');
    expect(damaged.stderr).not.toContain('not valid UTF-8');
  });

  it('warns about what a set never reads, and projects', () => {
    const r = cohort('--rules', phqaTotal);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('Warning: rule set school reads nothing of GAD-7');
    expect(r.stderr).toContain('Warning: rule set school does not read a positive PHQ-A critical item');
  });

  it('gives the warnings under --json too, as the terminal says them', () => {
    const r = cohort('--rules', phqaTotal, '--json');
    expect(r.status).toBe(0);
    const { warnings } = JSON.parse(r.stdout) as { warnings: string[] };
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/^rule set school reads nothing of GAD-7/);
    expect(warnings[1]).toMatch(/^rule set school does not read a positive PHQ-A critical item/);
    const shown = r.stderr
      .split('\n')
      .filter((line) => line.startsWith('Warning: '))
      .map((line) => line.slice('Warning: '.length));
    expect(shown).toEqual(warnings);
    // With the default rules, which read both: an empty list, not a missing field.
    expect(JSON.parse(cohort('--json').stdout).warnings).toEqual([]);
  });
});
