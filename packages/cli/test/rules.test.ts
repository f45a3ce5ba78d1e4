import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'triage-rules-'));
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const defaultTests = fileURLToPath(
  new URL('../../core/src/rules/default/default-rule-set.tests.yaml', import.meta.url),
);

const small = (phq9Rules: string) =>
  [
    'id: school',
    'version: "1"',
    'name: { zh: 学校规则, en: school rules }',
    'unknownCritical: { level: R3, source: local policy }',
    'rules:',
    '  - id: item9',
    '    description: { zh: 第9题, en: item 9 }',
    '    source: MII PHQ-9',
    '    when: { fact: scales.phq-9.items.9, gte: 1 }',
    '    then: { level: R3, actions: [safety_plan] }',
    phq9Rules,
  ].join('\n');
const bands = [
  '  - id: minimal',
  '    description: { zh: 无, en: minimal }',
  '    source: Kroenke 2001',
  '    when: { fact: scales.phq-9.band, eq: minimal }',
  '    then: { noAction: true }',
  '  - id: higher',
  '    description: { zh: 轻度及以上, en: mild and up }',
  '    source: Kroenke 2001',
  '    when: { fact: scales.phq-9.band, in: [mild, moderate, moderately-severe, severe] }',
  '    then: { level: R1 }',
].join('\n');

describe('triage rules', () => {
  it('runs the default set against its own test file: all pass, every rule covered', () => {
    const r = runCli(['rules', 'test', defaultTests]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/(\d+) passed, 0 failed/);
    expect(r.stdout).toMatch(/rule coverage: (\d+)\/\1 rules/);
  });

  it('fails a test file whose expectation is wrong, naming the case (exit 1)', () => {
    const tests = write(
      'wrong.tests.yaml',
      'cases:\n  - name: acute ASQ\n    answers: { asq: [yes, no, no, no, yes] }\n    expect: { level: R1 }\n',
    );
    const r = runCli(['rules', 'test', tests]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('FAIL  acute ASQ');
    expect(r.stdout).toContain('0 passed, 1 failed');
  });

  it('checks a clean file (exit 0) and reports a gap with its line (exit 1)', () => {
    const clean = runCli(['rules', 'check', write('clean.yaml', small(bands))]);
    expect(clean.stderr).toContain('0 errors');
    expect(clean.status).toBe(0);
    const gap = runCli(['rules', 'check', write('gap.yaml', small(bands.split('\n').slice(0, 5).join('\n')))]);
    expect(gap.status).toBe(1);
    expect(gap.stderr).toMatch(/gap\.yaml:\d+:\d+: error RULES_GAP/);
  });

  it('locates schema errors in a rule file to line and column (exit 1)', () => {
    const r = runCli([
      'rules',
      'check',
      write('bad.yaml', small(bands).replace('level: R3, actions', 'level: R9, actions')),
    ]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/bad\.yaml:10:\d+ \(rules\.0\.then\.level\)/);
  });

  it('says a rule id given twice in zh under --lang zh, with its line', () => {
    const twice = small(bands).replace('id: higher', 'id: minimal');
    const zh = runCli(['rules', 'check', write('twice.yaml', twice), '--lang', 'zh']);
    expect(zh.status).toBe(1);
    expect(zh.stderr).toContain('twice.yaml 第16行第9列（rules.2.id）：规则 id“minimal”重复了');
    expect(zh.stderr).not.toContain('duplicate');
    const en = runCli(['rules', 'check', write('twice.yaml', twice)]);
    expect(en.stderr).toContain('twice.yaml:16:9 (rules.2.id): duplicate rule id minimal');
  });

  it('explains a decision in zh and gives it as JSON', () => {
    const facts = write('student.yaml', 'answers:\n  asq: [是, 否, 否, 否, 是]\n');
    const zh = runCli(['rules', 'explain', '--facts', facts, '--lang', 'zh']);
    expect(zh.status).toBe(0);
    expect(zh.stdout).toMatch(/^风险等级 R4（紧急/);
    const json = JSON.parse(runCli(['rules', 'explain', '--facts', facts, '--json']).stdout);
    expect(json.decision.level).toBe('R4');
    expect(json.decision.ruleSet.hash).toMatch(/^sha256:/);
  });

  it('shows the default set as a table and as JSON', () => {
    const r = runCli(['rules', 'show', '--json']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.ruleSet.id).toBe('default');
    expect(out.ruleSet.rules.every((rule: { source?: string }) => typeof rule.source === 'string')).toBe(true);
    expect(runCli(['rules', 'show']).stdout).toContain('asq-acute-positive');
  });
});
