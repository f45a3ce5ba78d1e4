import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, scratch } from './run-cli.ts';

// Licensed wording stand-ins: synthetic text, not any instrument's real items.
const labels = `# wording the user holds a licence for
gad-7:
  "1": { zh: 用户提供的第一题, en: user wording of item one }
  "2": user wording of item two
`;

describe('--labels: item wording the user supplies', () => {
  const s = scratch();
  afterAll(() => s.done());
  const file = s.write('labels.yaml', labels);

  it('scales show prints the supplied wording under the short labels, in the chosen language', () => {
    const en = runCli(['scales', 'show', 'gad-7', '--labels', file]);
    expect(en.status).toBe(0);
    expect(en.stdout).toContain('user wording of item one');
    expect(en.stdout).toContain('user wording of item two');
    const zh = runCli(['scales', 'show', 'gad-7', '--labels', file, '--lang', 'zh']);
    expect(zh.stdout).toContain('用户提供的第一题');
    // One string stands for both languages.
    expect(zh.stdout).toContain('user wording of item two');
    const json = JSON.parse(runCli(['scales', 'show', 'gad-7', '--labels', file, '--json']).stdout);
    expect(json.instrument.items[0].text).toEqual({ zh: '用户提供的第一题', en: 'user wording of item one' });
    expect(json.instrument.items[2].text).toBeUndefined();
  });

  it('without --labels no wording is shown', () => {
    const r = runCli(['scales', 'show', 'gad-7', '--json']);
    expect(JSON.parse(r.stdout).instrument.items.every((i: { text?: unknown }) => i.text === undefined)).toBe(true);
  });

  it.each([
    ['an unknown item', 'gad-7:\n  "1": a\n  "9": b\n', /labels-bad\.yaml:3:8 \(gad-7\.9\): GAD-7 has no item "9"/],
    [
      'an unknown instrument',
      'gad-7:\n  "1": a\nphq-x:\n  "1": b\n',
      /labels-bad\.yaml:4:3 \(phq-x\): unknown instrument "phq-x"/,
    ],
    ['an empty wording', 'gad-7:\n  "1": { zh: "" }\n', /labels-bad\.yaml:2:14 \(gad-7\.1\.zh\): /],
  ])('names the line and column of %s and exits 1', (_what, yaml, message) => {
    const bad = s.write('labels-bad.yaml', yaml);
    const r = runCli(['scales', 'show', 'gad-7', '--labels', bad]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });

  it('import template heads the item columns with the wording, and import maps them without questions', () => {
    const dir = join(s.dir, 'template');
    const r = runCli(['import', 'template', 'gad-7', '--labels', file, '--out', dir, '--lang', 'zh']);
    expect(r.status).toBe(0);
    const csv = join(dir, 'template-gad-7.csv');
    const header = readFileSync(csv, 'utf8').split('\r\n')[0] ?? '';
    expect(header).toContain('GAD-7 1、用户提供的第一题');
    expect(header).toContain('GAD-7 2、user wording of item two');
    writeFileSync(csv, `${readFileSync(csv, 'utf8')}1001,x,女,14,初二,初二(1)班,1,0,1,0,1,0,1\r\n`);
    const imported = runCli(['import', csv, '--out', join(s.dir, 'out'), '--json', '--no-input']);
    expect(imported.status).toBe(0);
    expect(JSON.parse(imported.stdout).instruments).toEqual(['gad-7']);
  });
});
