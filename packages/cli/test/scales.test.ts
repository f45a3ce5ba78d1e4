import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

describe('triage scales list', () => {
  it('prints a table of instruments', () => {
    const r = runCli(['scales', 'list']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^id\s+abbr\./);
    expect(r.stdout).toContain('phq-9');
    expect(r.stdout).toContain('Patient Health Questionnaire-9');
    expect(r.stderr).toBe('');
  });

  it('gives JSON on stdout with --json', () => {
    const r = runCli(['scales', 'list', '--json']);
    expect(r.status).toBe(0);
    const { instruments } = JSON.parse(r.stdout);
    const phq9 = instruments.find((i: { id: string }) => i.id === 'phq-9');
    expect(phq9).toMatchObject({ abbreviation: 'PHQ-9', items: 10, scoredItems: 9, licence: { status: 'free' } });
    expect(phq9.bandSets).toContain('kroenke-2001');
  });

  it('speaks Chinese with --lang zh and from LANG', () => {
    expect(runCli(['scales', 'list', '--lang', 'zh']).stdout).toContain('患者健康问卷抑郁量表 / Patient');
    expect(runCli(['scales', 'list'], { LANG: 'zh_CN.UTF-8' }).stdout).toContain('适用年龄');
  });

  // QA round 21, 8: the subscale column of the Chinese table gave the English ids.
  it('names subscales in the language of the table; --json keeps their ids', () => {
    const zh = runCli(['scales', 'list', '--lang', 'zh']).stdout;
    expect(zh).toContain('躯体化、强迫症状、人际关系敏感');
    expect(zh).not.toContain('somatization');
    const json = JSON.parse(runCli(['scales', 'list', '--lang', 'zh', '--json']).stdout);
    const scl = json.instruments.find((i: { id: string }) => i.id === 'scl-90');
    expect(scl.subscales.slice(0, 2)).toEqual(['somatization', 'obsessive-compulsive']);
  });

  it('prints no colour codes when NO_COLOR is set', () => {
    expect(runCli(['scales', 'show', 'phq-9']).stdout).not.toContain('\u001b[');
  });
});

describe('triage scales show', () => {
  it('shows items, bands with their source, cut-offs, critical items, missing rule and licence', () => {
    const r = runCli(['scales', 'show', 'PHQ9']);
    expect(r.status).toBe(0);
    for (const part of [
      'thoughts of death or self-harm',
      'kroenke-2001',
      'source: Kroenke',
      'Cut-offs',
      'item 9 ≥ 1',
    ]) {
      expect(r.stdout).toContain(part);
    }
    expect(r.stdout).toMatch(/Missing answers: up to 2 missing/);
    expect(r.stdout).toContain('Pfizer');
  });

  it('gives the definition as JSON', () => {
    const r = runCli(['scales', 'show', 'phq-9', '--json']);
    expect(r.status).toBe(0);
    const { instrument } = JSON.parse(r.stdout);
    expect(instrument.id).toBe('phq-9');
    expect(instrument.items).toHaveLength(10);
    expect(instrument.critical[0].item).toBe('9');
  });

  it('exits 2 for an unknown instrument, listing the known ones', () => {
    const r = runCli(['scales', 'show', 'nope-7']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Error: unknown instrument "nope-7": expected one of .*phq-9/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 with a JSON error under --json', () => {
    const r = runCli(['scales', 'show', 'nope-7', '--json', '--lang', 'zh']);
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({ error: { code: 'CLI_UNKNOWN_INSTRUMENT', exitCode: 2 } });
    expect(r.stderr).toMatch(/^错误：没有量表“nope-7”/);
  });

  it('exits 2 when the id is missing', () => {
    const r = runCli(['scales', 'show']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('missing argument <id>');
  });
});

describe('triage --version', () => {
  it('answers from the shipped manifest', () => {
    const r = runCli(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^@triage\/cli\/\d+\.\d+\.\d+/);
  });
});
